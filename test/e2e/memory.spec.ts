import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { tmxDtd } from '../support/reference-texts';
import { expect, saveScreenshot, test } from './fixtures';

const work = mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-memory-'));

const sentences = [
  ['מועצת העיר התכנסה הערב לדיון בתקציב.', 'The city council met tonight to discuss the budget.'],
  ['ראש העיר הציג תוכנית חדשה לבתי הספר.', 'The mayor presented a new plan for the schools.'],
  ['התושבים ביקשו להוסיף גני ילדים בשכונות.', 'Residents asked for more kindergartens in the neighbourhoods.'],
] as const;

/** An XLIFF 1.2 of the three sentences, titled `title`, each target in `state` (none when undefined). */
function xliff(title: string, state: string | undefined): string {
  const units = sentences
    .map(([source, target], index) => `<trans-unit id="${index + 1}"><source>${source}</source><target${state ? ` state="${state}"` : ''}>${target}</target></trans-unit>`)
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2"><file source-language="he" target-language="en" datatype="plaintext" original="${title}"><body>\n${units}\n</body></file></xliff>\n`;
}

async function importFile(page: Page, name: string, text: string): Promise<string> {
  const file = path.join(work, name);
  writeFileSync(file, text);
  await page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first()).toBeVisible();
  const panel = page.getByRole('region', { name: 'Import articles' });
  const opener = page.getByRole('button', { name: 'Import', exact: true });
  if ((await opener.getAttribute('aria-expanded')) !== 'true') await opener.click();
  await expect(panel).toBeVisible();
  await panel.locator('input[type=file][multiple]').setInputFiles(file);
  const results = page.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText(name);
  return (await results.textContent()) ?? '';
}

async function openArticle(page: Page, title: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name: 'Library' }).click();
  await page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: title, exact: true }).click();
  await expect(page.locator('.target-cell .sentence').first()).toBeVisible();
}

test('an unreviewed XLIFF gives references only: the same article imported again is not filled from them, and the reader shows where the suggestion came from', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  const first = await importFile(page, 'draft.xlf', xliff('Council draft', 'needs-review-translation'));
  expect(first).toContain('3 unreviewed pairs kept as references.');
  expect(first).not.toContain('added to the translation memory');
  await importFile(page, 'draft-again.xlf', xliff('Council draft again', undefined));
  await openArticle(page, 'Council draft again');
  const english = page.locator('.target-cell .sentence');
  await expect(english).toHaveCount(3);
  // Not filled in as if confirmed: no TM mark, nothing counted as from memory.
  await expect(page.locator('.target-cell [data-origin="memory"]')).toHaveCount(0);
  await expect(page.getByRole('img', { name: 'From memory' })).toHaveCount(0);
  const reference = english.first().getByTestId('memory-reference');
  await expect(reference).toContainText(/Reference, from “draft-again\.xlf”, imported \d+ \w+ \d{4}:/);
  await expect(reference).toContainText(sentences[0][1]);
  await saveScreenshot(page, 'reader-memory-reference');
});

test('units marked translated are references until the user ticks that they were reviewed', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  const outcome = await importFile(page, 'translated.xlf', xliff('Council translated', 'translated'));
  expect(outcome).toContain('3 unreviewed pairs kept as references.');
  const trust = page.getByRole('checkbox', { name: 'Its units marked translated were reviewed: use them as translation memory' });
  await trust.check();
  await expect(trust).toBeChecked();
  await importFile(page, 'plain.xlf', xliff('Council plain', undefined));
  await openArticle(page, 'Council plain');
  await expect(page.locator('.target-cell .sentence').first()).toHaveAttribute('data-origin', 'memory');
});

test('a reviewed XLIFF (final) fills the memory: the sentences read as memory, with their origin', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  const outcome = await importFile(page, 'reviewed.xlf', xliff('Council reviewed', 'final'));
  expect(outcome).toContain('3 pairs added to the translation memory.');
  await importFile(page, 'unreviewed.xlf', xliff('Council once more', 'needs-review-translation'));
  await openArticle(page, 'Council once more');
  const english = page.locator('.target-cell .sentence').first();
  await expect(english).toHaveAttribute('data-origin', 'memory');
  await expect(english).toHaveAttribute('title', /from your translation memory \(reviewed, from “reviewed\.xlf”, imported /);
  await expect(english.getByRole('img', { name: 'From memory' })).toBeVisible();
});

test('the Memory screen lists and searches entries, deletes one and one import with Undo, and exports valid TMX', async ({ openWorkbench }) => {
  const page = await openWorkbench();
  await importFile(page, 'reviewed.xlf', xliff('Council reviewed', 'final'));
  await importFile(page, 'notes.tmx', `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="ar" segtype="sentence"/><body><tu><tuv xml:lang="ar"><seg>اجتمع المجلس البلدي مساء اليوم.</seg></tuv><tuv xml:lang="en"><seg>The municipal council met this evening.</seg></tuv></tu><tu><tuv xml:lang="ar"><seg>قدم رئيس البلدية خطة جديدة.</seg></tuv><tuv xml:lang="en"><seg>The mayor presented a new plan.</seg></tuv></tu></body></tmx>\n`);
  await page.getByRole('navigation', { name: 'Targum' }).getByRole('link', { name: 'Memory' }).click();
  await expect(page).toHaveURL(/#\/memory$/);
  const list = page.getByRole('list', { name: 'Memory entries' });
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(page.getByText('3 reviewed entries, offered as a sentence’s English; 2 references, offered as suggestions only.')).toBeVisible();
  await expect(list.getByRole('listitem').filter({ hasText: 'The mayor presented a new plan.' })).toContainText(/Reference · from “notes\.tmx”, imported /);
  await saveScreenshot(page, 'memory-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'memory-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  const search = page.getByRole('searchbox', { name: 'Search the memory' });
  await search.fill('kindergartens');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await search.fill('reviewed.xlf');
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await search.fill('المجلس');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await search.fill('');

  const status = page.getByRole('status').filter({ hasText: /Deleted|Restored/ });
  await list.getByRole('listitem').filter({ hasText: 'kindergartens' }).getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(list.getByRole('listitem')).toHaveCount(4);
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(5);
  await expect(status).toContainText('Restored the entry.');

  await list.getByRole('listitem').filter({ hasText: 'The mayor presented a new plan.' }).getByRole('button', { name: 'Delete this import' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(3);
  await expect(status).toContainText('Deleted 2 entries from “notes.tmx”.');
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(5);

  const downloads: string[] = [];
  page.on('download', (download) => {
    const file = path.join(work, download.suggestedFilename());
    downloads.push(file);
    void download.saveAs(file);
  });
  await page.getByRole('button', { name: 'Export TMX' }).click();
  await expect.poll(() => downloads.map((file) => path.basename(file)).sort()).toEqual(['targum-memory-ar.tmx', 'targum-memory-he.tmx']);
  for (const file of downloads) {
    await expect.poll(() => spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', tmxDtd, file], { encoding: 'utf8' }).status).toBe(0);
  }
  const hebrew = readFileSync(downloads.find((file) => file.endsWith('-he.tmx'))!, 'utf8');
  expect(hebrew).toContain(sentences[2][1]);
  expect(hebrew).toMatch(/<prop type="x-targum-status">confirmed<\/prop>/);
});
