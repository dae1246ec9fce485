import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { formatGlossaryTbx } from '../../src/common/glossary/glossary-export';
import { expect, saveScreenshot, test } from './fixtures';

const work = mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-glossary-'));

function glossaryFile(name: string, text: string): string {
  const file = path.join(work, name);
  writeFileSync(file, text);
  return file;
}

async function chooseGlossary(page: Page, file: string): Promise<void> {
  await page.getByLabel('Import a glossary file').setInputFiles(file);
}

const glossaryImport = (page: Page) => page.getByRole('region', { name: 'Glossary import' });
const glossaryEntries = (page: Page) => page.getByRole('list', { name: 'Glosses', exact: true }).getByRole('listitem');

test('a CSV and a TBX glossary are previewed, imported on confirmation, listed, and marked in the articles', async ({ openWorkbench }) => {
  const page = await openWorkbench('#/glossary');
  await expect(page.getByText('No glosses yet.')).toBeVisible();

  // A spreadsheet's CSV: a header row, no language column (the script tells), a quoted note with a comma.
  const csv = glossaryFile('press-terms.csv', 'term,meaning,note\r\nجيش,army,"the state\'s army, any prefix"\r\nحزب الله,Hezbollah\r\nצבא,army\r\n');
  await chooseGlossary(page, csv);
  const preview = glossaryImport(page);
  await expect(preview.getByRole('heading')).toHaveText('press-terms.csv: 3 glosses to add');
  await expect(preview.getByRole('list', { name: 'Entries to add' }).getByRole('listitem')).toHaveText([/^جيش\s*Arabic\s*army · the state's army, any prefix$/, /^حزب الله\s*Arabic\s*Hezbollah$/, /^צבא\s*Hebrew\s*army$/]);
  // Nothing is written before the user confirms.
  await expect(page.getByText('No glosses yet.')).toBeVisible();
  await preview.getByRole('button', { name: 'Import 3 glosses' }).click();
  await expect(preview.getByRole('status')).toHaveText(/^Imported 3 glosses from press-terms\.csv\./);
  await expect(glossaryEntries(page)).toHaveCount(3);

  // A TBX from a terminology tool: one term the glossary has already, one new.
  const tbx = glossaryFile(
    'isis.tbx',
    formatGlossaryTbx([
      { surface: 'جيش', language: 'ar', meaning: 'armed forces' },
      { surface: 'דאעש', language: 'he', meaning: 'ISIS', note: 'the Islamic State' },
    ]),
  );
  await chooseGlossary(page, tbx);
  await expect(preview.getByRole('heading')).toHaveText('isis.tbx: 1 gloss to add');
  await expect(preview.getByRole('list', { name: 'Entries to add' })).toContainText('ISIS · the Islamic State');
  await expect(preview).toContainText('1 term is glossed already; it stays as it is:');
  await expect(preview.getByRole('list', { name: 'Entries glossed already' })).toHaveText(/جيش\s*armed forces\s*\(the glossary has “army”\)/);
  await saveScreenshot(page, 'glossary-import-preview');
  await preview.getByRole('button', { name: 'Import 1 gloss' }).click();
  await expect(preview.getByRole('status')).toHaveText(/^Imported 1 gloss from isis\.tbx\./);
  await expect(glossaryEntries(page)).toHaveCount(4);
  await expect(glossaryEntries(page).filter({ hasText: 'جيش' })).toContainText('army');
  await expect(glossaryEntries(page).filter({ hasText: 'جيش' })).not.toContainText('armed forces');

  // The bare word follows its prefixed forms: الجيش in an Arabic sample, דאעש in the Hebrew one.
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: /قبيل إخراجه من القلمون/ }).click();
  const army = page.locator('.source-cell .gloss-mark', { hasText: /^الجيش$/ }).first();
  await army.hover();
  await expect(page.getByRole('dialog', { name: 'Gloss' })).toContainText("the state's army, any prefix");
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  await expect(page.locator('.source-cell .gloss-mark', { hasText: /דאעש$/ }).first()).toBeVisible();
});

test('a broken glossary names its line and imports nothing; an import can be undone', async ({ openWorkbench }) => {
  const page = await openWorkbench('#/glossary');
  const preview = glossaryImport(page);

  await chooseGlossary(page, glossaryFile('broken.csv', 'term,meaning\nجيش,army\nحزب الله,\nצבא,army\n'));
  await expect(preview.getByRole('alert')).toHaveText('broken.csv: Line 3: "حزب الله" has no meaning. Nothing was imported.');
  await saveScreenshot(page, 'glossary-import-refused');
  await preview.getByRole('button', { name: 'Close' }).click();

  // A TBX whose second entry lost its English term.
  const withoutEnglish = formatGlossaryTbx([
    { surface: 'جيش', language: 'ar', meaning: 'army' },
    { surface: 'צבא', language: 'he', meaning: 'army' },
  ]).replace(/(<conceptEntry id="c2">[\s\S]*?)<langSec xml:lang="en">[\s\S]*?<\/langSec>/, '$1');
  await chooseGlossary(page, glossaryFile('broken.tbx', withoutEnglish));
  const line = withoutEnglish.split('\n').findIndex((text) => text.includes('<conceptEntry id="c2">')) + 1;
  await expect(preview.getByRole('alert')).toHaveText(`broken.tbx: Line ${line}: "צבא" has no English term to give its meaning. Nothing was imported.`);
  await chooseGlossary(page, glossaryFile('broken-xml.tbx', '<tbx>\n<text>\n<body></text></tbx>'));
  await expect(preview.getByRole('alert')).toContainText('broken-xml.tbx: This file is not TBX: its XML is broken at line 3');
  await expect(page.getByText('No glosses yet.')).toBeVisible();

  await chooseGlossary(page, glossaryFile('anki.txt', '#separator:tab\n#columns:term\tmeaning\tlemma\tnote\tlanguage\nجيش\tarmy\t\t\tar\n'));
  await preview.getByRole('button', { name: 'Import 1 gloss' }).click();
  await expect(glossaryEntries(page)).toHaveCount(1);
  await preview.getByRole('button', { name: 'Undo' }).click();
  await expect(preview.getByRole('status')).toHaveText(/^The import of anki\.txt is undone: 1 gloss removed\./);
  await expect(page.getByText('No glosses yet.')).toBeVisible();
});

test('a gloss popover opens beside its word near the bottom of a scrolled page, inside the window, not over the word', async ({ openWorkbench }) => {
  const page = await openWorkbench('#/glossary');
  await chooseGlossary(page, glossaryFile('isis.csv', 'term,meaning,note\r\nداعش,ISIS,"the Islamic State, also written with the article"\r\n'));
  await glossaryImport(page).getByRole('button', { name: 'Import 1 gloss' }).click();
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: /قبيل إخراجه من القلمون/ }).click();

  // Scrolled down until a marked word further in the article stands at the bottom of the window.
  const marks = page.locator('.source-cell .gloss-mark');
  await expect(marks.nth(3)).toBeVisible();
  const viewport = page.viewportSize()!;
  const lowWord = () =>
    page.evaluate(async (height) => {
      const mark = document.querySelectorAll('.source-cell .gloss-mark')[3]!;
      document.querySelector('.reading-scroller')!.scrollBy(0, mark.getBoundingClientRect().bottom - (height - 30));
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const rect = mark.getBoundingClientRect();
      return { x: rect.x, y: rect.y, width: rect.width, height: rect.height };
    }, viewport.height);
  await expect.poll(async () => (await lowWord()).y).toBeGreaterThan(viewport.height * 0.8);
  const wordBox = await lowWord();
  expect(await page.locator('.reading-scroller').evaluate((element) => element.scrollTop)).toBeGreaterThan(0);
  // The mouse itself, so that nothing scrolls the page before the popover opens.
  await page.mouse.move(wordBox.x + wordBox.width / 2, wordBox.y + wordBox.height / 2);
  const popover = page.getByRole('dialog', { name: 'Gloss' });
  await expect(popover).toContainText('the Islamic State');
  await expect(popover).toHaveCSS('visibility', 'visible');
  const box = (await popover.boundingBox())!;
  // Inside the window, entirely above the word (no room below it), and right next to it.
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  expect(box.y + box.height).toBeLessThanOrEqual(wordBox.y);
  expect(wordBox.y - (box.y + box.height)).toBeLessThan(16);
  await saveScreenshot(page, 'gloss-popover-near-bottom');
});
