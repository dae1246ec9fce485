import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from './fixtures';

test('a backup restores the library after it was emptied; a file that is not a backup changes nothing', async ({ openWorkbench, page }) => {
  await openWorkbench('#/settings');
  const backupSection = page.getByRole('region', { name: 'Backup' });
  const downloading = page.waitForEvent('download');
  await backupSection.getByRole('button', { name: 'Back up library' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^targum-backup-\d{4}-\d{2}-\d{2}\.json$/);
  const backupFile = path.join(os.tmpdir(), `targum-e2e-${Date.now()}.json`);
  await download.saveAs(backupFile);

  // The library is emptied behind the interface's back.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('targum');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const transaction = request.result.transaction(['articles', 'segments'], 'readwrite');
          transaction.objectStore('articles').clear();
          transaction.objectStore('segments').clear();
          transaction.oncomplete = () => resolve();
        };
      }),
  );
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByText('Your library is empty.')).toBeVisible();

  page.on('dialog', (dialog) => void dialog.accept());
  await page.getByRole('link', { name: 'Settings' }).click();
  const notABackup = path.join(os.tmpdir(), `targum-e2e-${Date.now()}.json`);
  writeFileSync(notABackup, '{"hello": "world"}');
  await backupSection.locator('input[type=file]').setInputFiles(notABackup);
  await expect(backupSection.getByRole('status')).toHaveText('Nothing was changed: This file is not a Targum backup.');

  await backupSection.locator('input[type=file]').setInputFiles(backupFile);
  await expect(backupSection.getByRole('status')).toHaveText(/^Restored targum-e2e-/);
  await page.getByRole('link', { name: 'Library' }).click();
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  await expect(page.getByText(/not translated yet/)).toBeVisible();
  await page.getByRole('button', { name: 'Show them' }).click();
  await expect(page.locator('.source-cell .sentence')).toHaveCount(20);
});
