import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';

// A fresh install: no model imported or downloaded, only the demo model shipped in resources/models.
test.use({ withTinyModel: false });

/** The English of every sentence of the five sample articles, which the demo model reproduces. */
const english = new Map(
  readFileSync(path.resolve('resources/models/targum-demo/phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .map(([, source, target]) => [source!, target!]),
);

test('on a fresh install the demo model translates a sample article offline, labelled as a demo', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /الإرهابيون يندحرون/ }).click();
  const picker = page.getByRole('combobox', { name: 'Model' });
  await expect(picker).toHaveValue('targum-demo');
  await expect(picker.locator('option:checked')).toHaveText('targum-demo (demo)');
  await expect(page.getByRole('region', { name: 'No translation model' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Demo model' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Translate' }).click();
  await expect(page.getByText(/(\d+) of \1 sentences translated/)).toBeVisible({ timeout: 30_000 });
  const sourceSentences = await page.locator('.source-cell .sentence').allTextContents();
  const targetSentences = await page.locator('.target-cell .sentence').allTextContents();
  expect(sourceSentences.length).toBeGreaterThan(3);
  expect(targetSentences.map((text) => text.trim())).toEqual(sourceSentences.map((text) => english.get(text.trim())));
  await saveScreenshot(page, 'first-start-demo-translated');
  // Each translation is stored with the demo's id, which exports write as their model.
  await page.locator('.target-cell .sentence').first().focus();
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('complementary', { name: 'Sentence history' })).toContainText('Machine · targum-demo (q8)');

  await page.getByRole('link', { name: 'Models' }).click();
  const installed = page.getByRole('list', { name: 'Installed models' });
  await expect(installed.getByRole('listitem')).toHaveCount(1);
  await expect(installed).toContainText('targum-demo');
  await expect(installed).toContainText('Demo');
  await expect(installed).toContainText('Demo model: knows only the sample articles.');
  await expect(installed.getByRole('combobox', { name: 'Precision of targum-demo' })).toHaveValue('q8');
  await saveScreenshot(page, 'first-start-demo-models');
});

test('on an article that is not a sample the reader says the demo knows only the samples, and offers real models', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(4).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });
  await panel.getByLabel('Article text').fill('מזג האוויר מחר\n\nמחר צפוי מזג אוויר חם ויבש ברוב אזורי הארץ.');
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await page.getByRole('link', { name: /מזג האוויר מחר/ }).click();
  const notice = page.getByRole('region', { name: 'Demo model' });
  await expect(notice).toContainText('The demo model knows only the sample articles');
  await expect(notice.getByRole('button', { name: /Install nllb-200-distilled-600M \(912 MB\)/ })).toBeVisible();
  await expect(notice.getByRole('button', { name: /Install opus-mt-mul-en/ })).toBeVisible();
  await saveScreenshot(page, 'reader-demo-not-a-sample');
});
