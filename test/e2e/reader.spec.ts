import type { Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sampleText, tmxDtd } from '../support/reference-texts';
import { expect, saveScreenshot, test } from './fixtures';

const hebrewTitle = /ארגון דאעש מסר היום/;

async function openTranslatedHebrew(openWorkbench: (hash?: string) => Promise<Page>): Promise<Page> {
  const page = await openWorkbench();
  await page.getByRole('link', { name: hebrewTitle }).click();
  await page.getByRole('button', { name: 'Translate', exact: true }).click();
  await expect(page.getByText(/16 of 16 sentences translated/)).toBeVisible({ timeout: 30_000 });
  return page;
}

const english = (page: Page, text: string | RegExp) => page.locator('.target-cell .sentence', { hasText: text });

test('a sentence is corrected and confirmed by keyboard alone, and both survive a reload', async ({ openWorkbench }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('0/16 confirmed');

  // Tab into the reading list: focus lands on the first sentence; ↓ moves sentence by sentence.
  const first = english(page, 'ISIS today (Thursday) conveyed a request');
  await first.focus();
  await page.keyboard.press('ArrowDown');
  const second = page.locator('.target-cell .sentence').nth(1);
  await expect(second).toBeFocused();
  const secondSource = page.locator('.source-cell .sentence').nth(1);
  await expect(secondSource).toHaveClass(/is-highlighted/);
  await page.keyboard.press('ArrowUp');
  await expect(first).toBeFocused();

  // Enter edits; Escape cancels without a change.
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'English translation of the sentence' });
  await expect(field).toBeFocused();
  await page.keyboard.type(' Extra words');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(first).not.toContainText('Extra words');

  // Enter, rewrite, Enter saves as edited.
  await first.focus();
  await page.keyboard.press('Enter');
  await field.fill('ISIS on Thursday sent a request through go-betweens to the Syrian army and its ally Hezbollah.');
  await page.keyboard.press('Enter');
  const corrected = english(page, 'through go-betweens');
  await expect(corrected).toHaveAttribute('data-status', 'edited');
  await expect(corrected).toBeFocused();

  // Ctrl+Enter on the next sentence confirms it as it is and moves on.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Control+Enter');
  await expect(page.locator('.target-cell .sentence').nth(1)).toHaveAttribute('data-status', 'confirmed');
  await expect(page.locator('.target-cell .sentence').nth(2)).toBeFocused();
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('1/16 confirmed');

  // The machine English is kept beside the correction: compare shows the word diff.
  await page.getByRole('button', { name: 'Compare with machine' }).click();
  const diff = page.locator('.target-cell .sentence[data-status=edited] .word-diff');
  await expect(diff.locator('del', { hasText: 'intermediaries' })).toBeVisible();
  await expect(diff.locator('ins', { hasText: 'go-betweens' })).toBeVisible();
  await saveScreenshot(page, 'reader-edited-diff-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'reader-edited-diff-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.getByRole('button', { name: 'Compare with machine' }).click();

  await page.reload();
  await expect(english(page, 'through go-betweens')).toHaveAttribute('data-status', 'edited');
  await expect(page.locator('.target-cell .sentence').nth(1)).toHaveAttribute('data-status', 'confirmed');
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('1/16 confirmed');

  // Undo works after the reload: the confirmation, then the edit.
  await page.locator('.target-cell .sentence').nth(3).focus();
  await page.keyboard.press('Control+z');
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('0/16 confirmed');
  await page.keyboard.press('Control+z');
  await expect(english(page, 'through go-betweens')).toHaveCount(0);
  await expect(first).toHaveAttribute('data-status', 'machine');
  await page.keyboard.press('Control+Shift+z');
  await expect(english(page, 'through go-betweens')).toHaveAttribute('data-status', 'edited');

  // The history panel lists the edits and the machine translation with its model.
  await english(page, 'through go-betweens').focus();
  await page.getByRole('button', { name: 'History' }).click();
  const history = page.getByRole('complementary', { name: 'Sentence history' });
  await expect(history).toContainText('targum-tiny-mul-en');
  await expect(history.locator('.history-entry.status-edited')).toHaveCount(2);
});

test('translating again asks first and keeps corrections', async ({ openWorkbench }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  const first = page.locator('.target-cell .sentence').first();
  await first.dblclick();
  await page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('A correction of my own.');
  await page.getByRole('button', { name: /^Confirm/ }).click();
  await expect(english(page, 'A correction of my own.')).toHaveAttribute('data-status', 'confirmed');
  await page.getByRole('button', { name: 'Translate again' }).click();
  await expect(page.getByRole('alertdialog', { name: 'Translate again?' })).toContainText('Your correction stays');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Translate again' }).click();
  await expect(page.getByRole('button', { name: 'Translate again' })).toBeVisible({ timeout: 30_000 });
  await expect(english(page, 'A correction of my own.')).toHaveAttribute('data-status', 'confirmed');
});

test('view modes: interlinear, source only, English only and swapped sides; find steps through matches', async ({ openWorkbench }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  await page.getByRole('radio', { name: 'Interlinear' }).click();
  const pairs = page.locator('.interlinear-pair');
  await expect(pairs.first().locator('[data-side=source]')).toContainText('ארגון דאעש מסר היום');
  await expect(pairs.first().locator('[data-side=english]')).toContainText('ISIS today (Thursday)');
  await saveScreenshot(page, 'reader-interlinear-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'reader-interlinear-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.getByRole('radio', { name: 'Source' }).click();
  await expect(page.locator('.target-cell')).toHaveCount(0);
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.locator('.source-cell')).toHaveCount(0);
  await page.getByRole('radio', { name: 'Side by side' }).click();
  await page.getByRole('button', { name: 'Swap sides' }).click();
  const row = page.locator('.reading-rows .reading-row').first();
  const [sourceBox, englishBox] = [await row.locator('.source-cell').boundingBox(), await row.locator('.target-cell').boundingBox()];
  expect(englishBox!.x).toBeLessThan(sourceBox!.x);
  await saveScreenshot(page, 'reader-swapped-light');
  await page.getByRole('button', { name: 'Swap sides' }).click();

  await page.locator('.target-cell .sentence').first().focus();
  await page.keyboard.press('Control+f');
  const find = page.getByRole('searchbox', { name: 'Find in article' });
  await expect(find).toBeFocused();
  // Found in the Hebrew (with a prefix letter) and in the English alike.
  await find.fill('חיזבאללה');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(/^1 of \d+$/);
  await expect(page.locator('.find-current')).toHaveCount(1);
  await find.fill('Hezbollah');
  await expect(page.locator('.find-current')).toContainText('Hezbollah');
  const count = Number((await page.getByRole('search').getByRole('status').textContent())!.split(' of ')[1]);
  expect(count).toBeGreaterThan(1);
  await find.press('Enter');
  await expect(page.getByRole('search').getByRole('status')).toHaveText(`2 of ${count}`);
  await find.press('Escape');
  await expect(page.getByRole('search')).toHaveCount(0);
});

/**
 * Double-clicks the first whole occurrence of `word` in the source column, as a reader selects a word;
 * the reading list only holds the rows near the screen, so it is scrolled until the word is found.
 */
async function doubleClickSourceWord(page: Page, word: string): Promise<void> {
  const scroller = page.locator('.reading-scroller');
  await expect(scroller.locator('[data-side=source]').first()).toBeVisible();
  let point: { x: number; y: number } | null = null;
  const findOrScroll = () =>
    scroller.evaluate((scroller, word) => {
      const pattern = new RegExp(`(^|[\\s«"(])(${word})(?=[\\s»".,،)]|$)`);
      for (const sentence of scroller.querySelectorAll<HTMLElement>('[data-side=source]')) {
        const walker = document.createTreeWalker(sentence, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const match = pattern.exec(node.textContent ?? '');
          if (!match) continue;
          sentence.scrollIntoView({ block: 'center' });
          const range = document.createRange();
          const start = match.index + match[1]!.length;
          range.setStart(node, start);
          range.setEnd(node, start + word.length);
          const rect = range.getBoundingClientRect();
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        }
      }
      scroller.scrollBy(0, 600);
      return null;
    }, word);
  // Each poll looks at the rows on screen and, when the word is not among them, scrolls on.
  await expect
    .poll(async () => (point = await findOrScroll()), { message: `"${word}" is in the source`, intervals: [100], timeout: 20_000 })
    .not.toBeNull();
  await page.mouse.dblclick(point!.x, point!.y);
}

test('a gloss added in one article follows its word, with a prefix, into another; the glossary lists and exports it', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  await page.getByRole('link', { name: /قبيل إخراجه من القلمون/ }).click();
  await doubleClickSourceWord(page, 'الجيش');
  await page.keyboard.press('g');
  const form = page.getByRole('form', { name: 'Add gloss' });
  await expect(form).toContainText('الجيش');
  await form.getByLabel('Meaning').fill('the army');
  await form.getByLabel('Note').fill('here: the Syrian army');
  await form.getByRole('radio', { name: 'every form of جيش' }).check();
  await saveScreenshot(page, 'reader-gloss-form-light');
  await form.getByRole('button', { name: 'Save gloss' }).click();
  await expect(page.locator('.source-cell .gloss-mark', { hasText: 'الجيش' }).first()).toBeVisible();

  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: /أكدت مصادر لبنانية وسورية/ }).click();
  // The other article has the word with the conjunction و attached: والجيش.
  const prefixed = page.locator('.source-cell .gloss-mark', { hasText: /^والجيش$/ }).first();
  await prefixed.scrollIntoViewIfNeeded();
  await prefixed.hover();
  const popover = page.getByRole('dialog', { name: 'Gloss' });
  await expect(popover).toContainText('the army');
  await expect(popover).toContainText('here: the Syrian army');
  await saveScreenshot(page, 'reader-gloss-popover-light');
  await page.getByRole('button', { name: 'Glosses' }).click();
  await expect(page.getByRole('list', { name: 'Glosses in this article' })).toContainText('the army');

  await page.getByRole('link', { name: 'Glossary' }).click();
  const entry = page.getByRole('list', { name: 'Glosses' }).getByRole('listitem').first();
  await expect(entry).toContainText('the army');
  const occurrences = entry.getByRole('button', { name: /\d+ occurrences/ });
  const count = Number((await occurrences.textContent())!.split(' ')[0]);
  expect(count).toBeGreaterThan(5);
  await occurrences.click();
  await expect(entry.getByRole('list', { name: /Where/ }).getByRole('listitem')).toHaveCount(count);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'CSV' }).click();
  expect((await downloading).suggestedFilename()).toBe('targum-glossary.csv');
  await saveScreenshot(page, 'glossary-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'glossary-dark');

  // A sentence from the list opens in its article, focused.
  await entry.getByRole('list', { name: /Where/ }).getByRole('link').nth(1).click();
  await expect(page.locator('[data-side=english]:focus, [data-side=source]:focus')).toHaveCount(1);
});

test('the article exports to TMX that validates against the DTD, with the correction, its status and the raw machine text kept apart', async ({ openWorkbench }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  await page.locator('.target-cell .sentence').first().dblclick();
  await page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('ISIS asked, through go-betweens, for a withdrawal & safe passage.');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Export' }).click();
  const panel = page.getByRole('complementary', { name: 'Export' });
  await panel.getByLabel('Format').selectOption('tmx');
  await saveScreenshot(page, 'reader-export-light');
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^ארגון דאעש.*\.tmx$/);
  await expect(panel.getByRole('status')).toContainText('16 units');
  const file = path.join(os.tmpdir(), `targum-e2e-${Date.now()}.tmx`);
  await download.saveAs(file);
  const validation = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', tmxDtd, file], { encoding: 'utf8' });
  expect(validation.stderr).toBe('');
  expect(validation.status).toBe(0);
  const tmx = readFileSync(file, 'utf8');
  expect(tmx).toContain('ISIS asked, through go-betweens, for a withdrawal &amp; safe passage.');
  expect(tmx).toMatch(/<prop type="[^"]*status">confirmed<\/prop>/);
  expect(tmx).toContain('ISIS today (Thursday) conveyed a request through intermediaries');
});

test('a TMX exported from one library is imported into another as an aligned pair: its confirmed pair is offered from memory, its machine pairs as references', async ({ openWorkbench, webHost }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  await page.locator('.target-cell .sentence').first().dblclick();
  await page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('A colleague’s confirmed English.');
  await page.keyboard.press('Control+Enter');
  await page.getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('complementary', { name: 'Export' }).getByRole('button', { name: 'Export', exact: true }).click();
  const file = path.join(os.tmpdir(), `targum-e2e-${Date.now()}.tmx`);
  await (await downloading).saveAs(file);

  // Another reader's library: a fresh browser profile, which needs the address with the run's token.
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(webHost.url);
  await otherPage.getByRole('button', { name: 'Import', exact: true }).click();
  await otherPage.locator('input[type=file][multiple]').setInputFiles(file);
  const results = otherPage.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText(/aligned in 16 pairs\. 1 pair added to the translation memory\. 15 unreviewed pairs kept as references\./);
  await otherPage.getByRole('link', { name: 'Library' }).click();
  await otherPage.getByRole('link', { name: /ארגון דאעש מסר היום/ }).last().click();
  const fromMemory = otherPage.locator('.target-cell .sentence[data-origin=memory]');
  await expect(fromMemory.first()).toContainText('A colleague’s confirmed English.');
  await expect(fromMemory).toHaveCount(1);
  await expect(otherPage.locator('.target-cell .sentence[data-origin=memory]').getByRole('img', { name: 'From memory' })).toHaveCount(1);
  // The others show their machine English as a reference beside the sentence (rows far down are not rendered yet).
  await expect(otherPage.locator('.target-cell .sentence').nth(1).getByTestId('memory-reference')).toContainText(/^Reference, from “targum-e2e-\d+\.tmx”, imported /);
  await other.close();
});

test('an imported file is kept as it came and can be saved again from the reader', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  // A seed under a headline of its own, so that it is not mistaken for the sample of the same text.
  const seed = path.join(os.tmpdir(), `targum-e2e-${Date.now()}-original.txt`);
  writeFileSync(seed, `تقرير محفوظ كما وصل\n\n${sampleText('004')}`);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.locator('input[type=file][multiple]').setInputFiles(seed);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('added as');
  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('link', { name: /تقرير محفوظ كما وصل/ }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Original file' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(path.basename(seed));
  expect(readFileSync(await download.path())).toEqual(readFileSync(seed));
});

test('text typed in the sentence editor and not saved comes back after a reload; Escape discards it', async ({ openWorkbench }) => {
  const page = await openTranslatedHebrew(openWorkbench);
  const first = english(page, 'ISIS today (Thursday) conveyed a request');
  await first.focus();
  await page.keyboard.press('Enter');
  const field = page.getByRole('textbox', { name: 'English translation of the sentence' });
  await field.fill('ISIS sent word on Thursday, a draft not saved yet');

  await page.reload();
  await expect(field).toHaveCount(0);
  const unchanged = english(page, 'ISIS today (Thursday) conveyed a request');
  await expect(unchanged).toHaveAttribute('data-status', 'machine');
  await unchanged.focus();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue('ISIS sent word on Thursday, a draft not saved yet');
  await expect(page.getByRole('status').filter({ hasText: 'Your unsaved text is back' })).toBeVisible();

  // Escape discards the draft: editing again starts from the saved English.
  await page.keyboard.press('Escape');
  await unchanged.focus();
  await page.keyboard.press('Enter');
  await expect(field).toHaveValue(/^ISIS today \(Thursday\) conveyed a request/);
});

test('digits inside Arabic text are drawn at the height of the Arabic digits and letters around them', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /قبيل إخراجه من القلمون/ }).click();
  const sentence = page.locator('.source-cell .sentence', { hasText: '600' }).first();
  await expect(sentence).toBeVisible();
  // Ink heights in the sentence's own font: Western digits against the font's Arabic-Indic digits and alef.
  const heights = await sentence.evaluate(async (element) => {
    const style = getComputedStyle(element);
    const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    await document.fonts.load(font, '0123456789 ٠١٢٣٤٥٦٧٨٩ ا');
    const context = document.createElement('canvas').getContext('2d')!;
    context.font = font;
    const ink = (text: string) => {
      const metrics = context.measureText(text);
      return metrics.actualBoundingBoxAscent + metrics.actualBoundingBoxDescent;
    };
    return { western: ink('600'), eastern: ink('٦٠٠'), alef: ink('ا') };
  });
  expect(heights.western).toBeLessThanOrEqual(heights.eastern * 1.05);
  expect(heights.western).toBeLessThan(heights.alef);
  expect(heights.western).toBeGreaterThan(heights.eastern * 0.8);
});
