import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';

/** The English of the phrasebook, which the tiny test model reproduces exactly. */
const english = new Map(
  readFileSync(path.resolve('test/fixtures/phrasebook/phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([, source, target]) => [source!, target!]),
);

test('the Hebrew sample translates sentence by sentence, and reopening shows the English at once', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  await expect(page.getByRole('combobox', { name: 'Model' })).toHaveValue('targum-tiny-mul-en');
  await page.getByRole('button', { name: 'Translate' }).click();
  await expect(page.getByText(/16 of 16 sentences translated/)).toBeVisible({ timeout: 30_000 });

  const sourceSentences = await page.locator('.source-cell .sentence').allTextContents();
  const targetSentences = await page.locator('.target-cell .sentence').allTextContents();
  expect(targetSentences.map((text) => text.trim())).toEqual(sourceSentences.map((text) => english.get(text.trim())));
  await expect(page.locator('.target-cell').first()).toContainText('ISIS today (Thursday) conveyed a request through intermediaries');
  await saveScreenshot(page, 'reader-hebrew-translated-light');

  await page.reload();
  await expect(page.getByText(/16 of 16 sentences translated/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Translate again' })).toBeVisible();
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'reader-hebrew-translated-dark');
});

test('the Arabic sample translates with the same model', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /داعش الإرهابي يحرق مقراته/ }).click();
  await page.getByRole('button', { name: 'Translate' }).click();
  await expect(page.getByText(/16 of 16 sentences translated/)).toBeVisible({ timeout: 30_000 });
  const sourceSentences = await page.locator('.source-cell .sentence').allTextContents();
  const targetSentences = await page.locator('.target-cell .sentence').allTextContents();
  expect(targetSentences.map((text) => text.trim())).toEqual(sourceSentences.map((text) => english.get(text.trim())));
  await saveScreenshot(page, 'reader-arabic-translated-light');
});

test('a translation cut short by a reload starts again after it and finishes', async ({ openWorkbench, page }) => {
  // 6,000 Hebrew phrasebook sentences (those ending a sentence, so each stays one): long enough to be running when the page reloads.
  const hebrew = [...english.keys()].filter((source) => /[\u0590-\u05ff]/.test(source) && /[.!?]$/.test(source));
  const sentences = Array.from({ length: 6000 }, (_, index) => hebrew[index % hebrew.length]!);
  const paragraphs = Array.from({ length: 1200 }, (_, p) => sentences.slice(p * 5, p * 5 + 5).join(' '));
  await openWorkbench();
  // The sample library first (an empty library shows the import panel open).
  await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(4).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });
  await panel.getByLabel('Article text').fill(`מאמר ארוך לתרגום\n\n${paragraphs.join('\n\n')}`);
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(panel.getByRole('list', { name: 'Import results' })).toContainText('added as מאמר ארוך לתרגום');
  await page.getByRole('link', { name: /מאמר ארוך לתרגום/ }).click();
  const header = page.locator('.english-label');
  await page.getByRole('button', { name: 'Translate', exact: true }).click();
  await expect(header).toContainText(/[1-9]\d* of \d+ sentences translated/, { timeout: 30_000 });
  const total = /of (\d+) sentences/.exec((await header.textContent()) ?? '')![1]!;
  expect(total).toBe('6001');

  await page.reload();
  await expect(header).not.toContainText(`${total} of ${total}`);
  await page.getByRole('button', { name: /^Translate \d+ more$/ }).click();
  await expect(header).toContainText(`${total} of ${total} sentences translated`, { timeout: 90_000 });
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('the Models screen lists the imported model and the catalog with sizes', async ({ openWorkbench, page }) => {
  await openWorkbench('#/models');
  const installed = page.getByRole('list', { name: 'Installed models' });
  await expect(installed).toContainText('targum-tiny-mul-en');
  await expect(installed).toContainText('Hebrew, Arabic → English');
  await expect(page.getByRole('list', { name: 'Catalog' })).toContainText('opus-mt-ar-en');
  await expect(page.getByRole('button', { name: /Install opus-mt-ar-en \(\d+ MB\)/ })).toBeVisible();
  // A folder that holds no model, picked in the folder chooser: said by its name, nothing imported.
  const notAModel = path.join(mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-')), 'holiday-photos');
  mkdirSync(notAModel);
  writeFileSync(path.join(notAModel, 'notes.txt'), 'not a model');
  const modelCount = await installed.getByRole('listitem').count();
  await page.getByLabel('Model folder', { exact: true }).setInputFiles(notAModel);
  await expect(page.getByRole('status')).toContainText('holiday-photos is not a translation model folder: missing config.json', { timeout: 30_000 });
  await expect(installed.getByRole('listitem')).toHaveCount(modelCount);
});
