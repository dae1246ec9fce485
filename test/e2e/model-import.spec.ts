import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

test.use({ withTinyModel: false });

/** Picks a model folder in the web page's folder chooser, as a user would; its files go to the services in pieces. */
async function importFolder(page: Page, folder: string): Promise<void> {
  await page.getByRole('link', { name: 'Models' }).click();
  await expect(page.getByRole('button', { name: 'Choose a model folder…' })).toBeVisible();
  // Chromium's directory input: the page gets every file of the folder with its path inside it.
  await page.getByLabel('Model folder', { exact: true }).setInputFiles(folder);
}

/** Every text the Models screen's status showed, from now on: the upload's progress is quick to pass. */
async function recordStatuses(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    new MutationObserver(() => document.querySelectorAll('[role="status"]').forEach((element) => seen.push(element.textContent ?? ''))).observe(document.body, {
      subtree: true,
      childList: true,
      characterData: true,
    });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

test('an NLLB-200 model folder imported like a user would translates a Hebrew article of its phrasebook in the reader', async ({ openWorkbench, page }) => {
  const nllbFolder = path.resolve('test/fixtures/models/targum-tiny-nllb');
  const pairs = readFileSync(path.join(nllbFolder, 'phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([language]) => language === 'he')
    .map(([, source, english]) => [source!, english!] as const);
  const english = new Map(pairs);
  await openWorkbench();
  await page.getByRole('link', { name: 'Models' }).click();
  const statuses = await recordStatuses(page);
  await importFolder(page, nllbFolder);
  await expect(page.getByRole('status').filter({ hasText: 'Imported targum-tiny-nllb.' })).toBeVisible({ timeout: 30_000 });
  expect((await statuses()).some((text) => /Sending the folder….*of 1\.\d MB/.test(text))).toBe(true);
  const row = page.getByRole('list', { name: 'Installed models' }).getByRole('listitem').filter({ hasText: 'targum-tiny-nllb' });
  await expect(row).toContainText('Hebrew, Arabic, English → Hebrew, Arabic, English');
  await expect(row).toContainText('Imported from a folder');
  await expect(row).toContainText(/1\.\d MB on disk/);

  await page.getByRole('link', { name: 'Library' }).click();
  await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(4).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });
  // One phrasebook sentence a paragraph; the first is the title.
  await panel.getByLabel('Article text').fill(pairs.map(([source]) => source).join('\n\n'));
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await page.getByRole('link', { name: /ראש הממשלה נפגש הבוקר/ }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('targum-tiny-nllb');
  await page.getByRole('button', { name: 'Translate' }).click();
  await expect(page.getByText(`${pairs.length} of ${pairs.length} sentences translated`)).toBeVisible({ timeout: 60_000 });
  await saveScreenshot(page, 'reader-nllb-translated');
  // The list draws the rows on screen: read them page by page down to the last.
  const seen = new Map<string, string>();
  for (let scroll = 0; scroll < 10 && seen.size < pairs.length; scroll += 1) {
    // Both columns read at once: the list may draw more rows between two reads.
    const [sources, targets] = await page.evaluate(() =>
      ['.source-cell .sentence', '.target-cell .sentence'].map((selector) => [...document.querySelectorAll(selector)].map((element) => (element.textContent ?? '').trim())),
    );
    expect(targets).toHaveLength(sources!.length);
    sources!.forEach((source, index) => seen.set(source, targets![index]!));
    await page.locator('.reader-body').hover();
    await page.mouse.wheel(0, 600);
  }
  expect(seen).toEqual(english);

  // The same folder a second time: the Models screen asks, and keeps both.
  await importFolder(page, nllbFolder);
  const question = page.getByRole('group', { name: 'Model already installed' });
  await expect(question).toContainText('A model "targum-tiny-nllb" is already installed. Replace it with this folder, or keep both?', { timeout: 30_000 });
  await question.getByRole('button', { name: 'Keep both' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported targum-tiny-nllb-2.' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('list', { name: 'Installed models' }).getByRole('listitem').filter({ hasText: 'targum-tiny-nllb' })).toHaveCount(2);
  await page.getByRole('heading', { name: 'Models', exact: true }).scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'models-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'models-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});

test('a folder that does not name its languages asks for its direction, proposes the vocabulary’s, and a damaged q8 goes to fp32 with a note', async ({ openWorkbench, page }) => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-model-'));
  const folder = path.join(copy, 'my-model');
  cpSync(path.resolve('test/fixtures/models/targum-tiny-damaged-q8'), folder, { recursive: true });
  try {
    await openWorkbench();
    await importFolder(page, folder);
    await expect(page.getByRole('status').filter({ hasText: 'choose its direction' })).toBeVisible({ timeout: 30_000 });
    const direction = page.getByRole('combobox', { name: 'Direction' });
    await expect(direction.locator('option:checked')).toHaveText('Hebrew and Arabic → English');
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: /Imported my-model\. my-model translates with fp32: its q8 files depart from its fp32 files/ })).toBeVisible({
      timeout: 30_000,
    });
    const row = page.getByRole('list', { name: 'Installed models' }).getByRole('listitem').filter({ hasText: 'my-model' });
    await expect(row).toContainText('Hebrew, Arabic → English');
    await expect(row.getByRole('combobox', { name: 'Precision of my-model' })).toHaveValue('fp32');
    await expect(row.getByRole('note')).toContainText('my-model translates with fp32');
    await saveScreenshot(page, 'models-import-direction-precision');
    // The reader says it too, under the article's header.
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
    await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('my-model');
    await expect(page.getByRole('note')).toContainText('my-model translates with fp32');
    await page.getByRole('link', { name: 'Models' }).click();
    await row.getByRole('combobox', { name: 'Precision of my-model' }).selectOption('q8');
    await expect(row.getByRole('combobox', { name: 'Precision of my-model' })).toHaveValue('q8');
    await expect(row.getByRole('note')).toHaveCount(0);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
