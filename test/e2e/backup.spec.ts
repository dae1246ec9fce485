import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Every table of the library, row by row, straight from IndexedDB. */
function readLibrary(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const request = indexedDB.open('targum');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const names = [...request.result.objectStoreNames];
          const transaction = request.result.transaction(names, 'readonly');
          const tables: Record<string, unknown[]> = {};
          for (const name of names) {
            const rows = transaction.objectStore(name).getAll();
            rows.onsuccess = () => (tables[name] = rows.result);
          }
          transaction.oncomplete = () => {
            request.result.close();
            resolve(tables);
          };
        };
      }),
  );
}

test('a backup restores the library after it was emptied; a file that is not a backup changes nothing', async ({ openWorkbench, page }) => {
  await openWorkbench();
  // Something in the tables beyond the samples: a gloss, a correction, a setting.
  await page.getByRole('link', { name: /ארגון דאעש מסר היום/ }).click();
  await page.locator('.target-cell .sentence').first().dblclick();
  await page.getByRole('textbox', { name: 'English translation of the sentence' }).fill('My own English.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('1/16 confirmed');
  await page.getByRole('radio', { name: 'Interlinear' }).click();
  await page.getByRole('link', { name: 'Settings' }).click();
  await expect.poll(async () => (await readLibrary(page)).settings).toContainEqual({ key: 'readerMode', value: 'interlinear' });
  const before = await readLibrary(page);
  expect(before.edits).toHaveLength(1);
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
          const names = [...request.result.objectStoreNames].filter((name) => name !== 'settings');
          const transaction = request.result.transaction(names, 'readwrite');
          for (const name of names) transaction.objectStore(name).clear();
          transaction.oncomplete = () => {
            request.result.close();
            resolve();
          };
        };
      }),
  );
  await page.reload();
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
  // Every sentence is back with the correction: 16 to read and the 2 boilerplate lines.
  await expect(page.getByLabel('Confirmed sentences')).toHaveText('1/16 confirmed');
  await expect(page.getByText('2 lines of site boilerplate hidden.')).toBeVisible();
  await expect.poll(() => readLibrary(page)).toEqual(before);
});
