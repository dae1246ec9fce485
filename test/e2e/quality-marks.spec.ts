import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, saveScreenshot, test } from './fixtures';

// A fresh install: the demo model, which knows its phrasebook and nothing else.
test.use({ withTinyModel: false });

const flores = (language: 'he' | 'ar', count: number) => readFileSync(path.resolve(`test/fixtures/flores200-dev/dev.${language}`), 'utf8').split('\n').slice(0, count);

/** Imports an article of one sentence the demo knows and sentences it has never seen, and translates it. */
async function translateMixedArticle(page: Page, title: string, known: string, unseen: string[]): Promise<void> {
  await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(4).waitFor({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });
  await panel.getByLabel('Article text').fill([title, known, ...unseen].join('\n\n'));
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await page.getByRole('link', { name: title }).click();
  // Models other specs imported into this worker's host may be listed too: the demo is the one meant.
  await page.getByRole('combobox', { name: 'Model' }).selectOption({ label: 'targum-demo (demo)' });
  await page.getByRole('button', { name: 'Translate' }).click();
  await expect(page.getByText(/(\d+) of \1 sentences translated/)).toBeVisible({ timeout: 60_000 });
}

test('marks the words the model was unsure of quietly, shows each sentence’s confidence, and U goes to the least sure', async ({ openWorkbench, page }) => {
  await openWorkbench();
  const known = 'משרד הבריאות ממליץ לכל בני 65 ומעלה להתחסן נגד שפעת.';
  await translateMixedArticle(page, 'חדשות מדע', known, flores('he', 2));
  const english = page.locator('.target-cell .sentence');
  const knownEnglish = english.filter({ hasText: 'The Health Ministry recommends' });
  await expect(knownEnglish.locator('.unsure-word')).toHaveCount(0);
  await expect(knownEnglish).toHaveAttribute('title', /^Machine translation \(the model was (9\d|100)% sure\)/);
  const marks = page.locator('.target-cell .unsure-word');
  expect(await marks.count()).toBeGreaterThan(0);
  await expect(marks.first()).toHaveAttribute('title', 'The model was unsure of this word');
  // Quiet: the muted text colour, dotted, not red.
  const style = await marks.first().evaluate((element) => getComputedStyle(element));
  expect(style.textDecorationStyle).toBe('dotted');
  expect(style.textDecorationColor).not.toMatch(/^rgb\(2[0-9]{2}, [0-9]{1,2}, [0-9]{1,2}\)$/);
  await marks.first().hover();
  await saveScreenshot(page, 'reader-unsure-words-hebrew-light');

  // U from outside the sentences goes to the least sure one, then to the next least sure.
  const confidences = await english.evaluateAll((elements) =>
    elements.map((element) => ({ id: element.getAttribute('data-segment-id'), sure: Number(/was (\d+)% sure/.exec(element.getAttribute('title') ?? '')?.[1] ?? 101) })),
  );
  const ranked = confidences.filter((entry) => entry.sure <= 100).sort((a, b) => a.sure - b.sure);
  await page.getByRole('heading', { level: 1 }).first().click();
  await page.keyboard.press('u');
  await expect(page.locator('.target-cell .sentence:focus')).toHaveAttribute('data-segment-id', ranked[0]!.id!);
  await page.keyboard.press('u');
  await expect(page.locator('.target-cell .sentence:focus')).toHaveAttribute('data-segment-id', ranked[1]!.id!);
  await page.getByRole('button', { name: 'History' }).click();
  await expect(page.getByRole('complementary', { name: 'Sentence history' })).toContainText(/Machine · targum-demo \(q8\) · \d+% sure/);

  // A corrected sentence shows no marks.
  const weakest = page.locator(`.target-cell .sentence[data-segment-id="${ranked[0]!.id}"]`);
  await weakest.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('textbox').last().fill('A corrected sentence.');
  await page.keyboard.press('Enter');
  await expect(weakest).toContainText('A corrected sentence.');
  await expect(weakest.locator('.unsure-word')).toHaveCount(0);

  // The setting turns the marks off.
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel(/Mark the words the model was unsure of/).uncheck();
  await page.goBack();
  await expect(page.locator('.target-cell .sentence').first()).toBeVisible();
  await expect(page.locator('.target-cell .unsure-word')).toHaveCount(0);
});

test('the marks read quietly in the dark theme too, on Arabic', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: /Dark/ }).check();
  await page.getByRole('link', { name: 'Library' }).click();
  await translateMixedArticle(page, 'أخبار العلوم', 'وافق البرلمان العراقي على الموازنة العامة لعام 2025 بعد أشهر من الخلافات.', flores('ar', 2));
  await expect(page.locator('.target-cell .sentence').filter({ hasText: 'The Iraqi parliament approved' }).locator('.unsure-word')).toHaveCount(0);
  const marks = page.locator('.target-cell .unsure-word');
  expect(await marks.count()).toBeGreaterThan(0);
  await marks.first().hover();
  await saveScreenshot(page, 'reader-unsure-words-arabic-dark');
});
