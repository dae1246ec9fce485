import { expect, saveScreenshot, test } from './fixtures';

// Without the demo model too: what a user sees when no model at all translates the article.
test.use({ withTinyModel: false, withDemoModel: false });

test('without a model the reader says so and offers the recommended one with its size, or an import', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  const notice = page.getByRole('region', { name: 'No translation model' });
  await expect(notice).toContainText('No model for Hebrew → English is installed');
  await expect(notice.getByRole('button', { name: /Install nllb-200-distilled-600M \(912 MB\)/ })).toBeVisible();
  await notice.getByRole('link', { name: 'Import a model folder…' }).click();
  await expect(page.getByRole('heading', { name: 'Models', exact: true })).toBeVisible();
  await expect(page.getByText('No model is installed yet.')).toBeVisible();
  await page.goBack();
  await expect(notice).toBeVisible();
  await saveScreenshot(page, 'reader-no-model');
});
