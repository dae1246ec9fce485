import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, saveScreenshot, test } from './fixtures';

/** windows-1255 bytes for a Hebrew text, from the decoder's own table. */
function encodeWindows1255(text: string): Buffer {
  const table = new Map<string, number>();
  const decoder = new TextDecoder('windows-1255');
  for (let byte = 0; byte < 256; byte++) table.set(decoder.decode(Uint8Array.of(byte)), byte);
  return Buffer.from([...text].map((character) => table.get(character) ?? 0x3f));
}

test('articles come in by pasting and through the file picker, legacy encodings included; a bad file says why and adds nothing', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });

  await panel.getByLabel('Article text').fill('قصف جوي على مواقع المسلحين في ريف حماة.\nوقالت مصادر محلية إن الغارات استهدفت مستودعات للذخيرة.');
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(panel.getByRole('list', { name: 'Import results' })).toHaveText('Pasted text: added to the library.');

  const hebrew = readFileSync(path.resolve('resources/samples/000_31cd6cf0c36ffd10.txt'), 'utf8');
  const legacy = path.join(os.tmpdir(), 'targum-e2e-hebrew-1255.txt');
  writeFileSync(legacy, encodeWindows1255(hebrew));
  const binary = path.join(os.tmpdir(), 'targum-e2e-binary.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  await panel.locator('input[type=file]').setInputFiles([legacy, binary]);
  const results = panel.getByRole('list', { name: 'Import results' });
  await expect(results).toContainText('targum-e2e-hebrew-1255.txt: added to the library.');
  await expect(results).toContainText('targum-e2e-binary.txt: This file holds binary data, not text.');
  await saveScreenshot(page, 'library-import');

  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(7);
  await expect(rows.first()).toContainText('ארגון דאעש מסר היום');
  await rows.first().click();
  await expect(page.locator('.source-cell').first()).toHaveText(/^ארגון דאעש מסר היום \(חמישי\)/);
});
