import { readFileSync } from 'node:fs';
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

test('the Models screen lists the imported model and the catalog with sizes', async ({ openWorkbench, page }) => {
  await openWorkbench('#/models');
  const installed = page.getByRole('list', { name: 'Installed models' });
  await expect(installed).toContainText('targum-tiny-mul-en');
  await expect(installed).toContainText('Hebrew, Arabic → English');
  await expect(page.getByRole('list', { name: 'Catalog' })).toContainText('opus-mt-ar-en');
  await expect(page.getByRole('button', { name: /Install opus-mt-ar-en \(\d+ MB\)/ })).toBeVisible();
  await page.getByLabel('Folder').fill('/nonexistent/folder');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status')).toContainText('is not a folder');
  await saveScreenshot(page, 'models-light');
});
