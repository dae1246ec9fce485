import { expect, saveScreenshot, test } from './fixtures';

// Without the demo model too: what a user sees when no model at all translates the article.
test.use({ withTinyModel: false, withDemoModel: false });

test('without a model the reader says so and offers the recommended one with its size, or an import', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  const notice = page.getByRole('region', { name: 'No translation model' });
  await expect(notice).toContainText('No model for Hebrew → English is installed');
  // The catalog's choices for Hebrew: the recommended NLLB-200 first, the smaller OPUS-MT model beside it.
  const choices = notice.getByRole('list', { name: 'Models to install' }).getByRole('listitem');
  await expect(choices).toHaveCount(2);
  await expect(choices.nth(0)).toContainText('nllb-200-distilled-600M');
  await expect(choices.nth(0)).toContainText('Recommended');
  await expect(choices.nth(0)).toContainText('CC-BY-NC-4.0 (non-commercial)');
  await expect(choices.nth(0)).toContainText('38.0 BLEU (he→en)');
  await expect(choices.nth(0).getByRole('button', { name: /Install nllb-200-distilled-600M \(912 MB\)/ })).toBeVisible();
  await expect(choices.nth(1)).toContainText('opus-mt-mul-en');
  await expect(choices.nth(1)).toContainText('Smaller');
  await expect(choices.nth(1)).toContainText('Apache-2.0');
  await expect(choices.nth(1).getByRole('button', { name: /Install opus-mt-mul-en \(118 MB\)/ })).toBeVisible();
  await notice.getByRole('link', { name: 'Import a model folder…' }).click();
  await expect(page.getByRole('heading', { name: 'Models', exact: true })).toBeVisible();
  await expect(page.getByText('No model is installed yet.')).toBeVisible();
  await page.goBack();
  await expect(notice).toBeVisible();
  await saveScreenshot(page, 'reader-no-model');
  await page.emulateMedia({ colorScheme: 'dark' });
  await saveScreenshot(page, 'reader-no-model-dark');
  await page.emulateMedia({ colorScheme: 'light' });
});
