import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { encodeSingleByte } from '../support/code-page';
import { expect, saveScreenshot, test } from './fixtures';

test('articles come in by pasting and through the file picker, legacy encodings included; a bad file says why and adds nothing', async ({ openWorkbench, page }) => {
  await openWorkbench();
  await page.getByRole('button', { name: 'Import' }).click();
  const panel = page.getByRole('region', { name: 'Import articles' });

  await panel.getByLabel('Article text').fill('قصف جوي على مواقع المسلحين في ريف حماة.\nوقالت مصادر محلية إن الغارات استهدفت مستودعات للذخيرة.');
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(panel.getByRole('list', { name: 'Import results' })).toHaveText('Pasted text: added to the library.');

  const hebrew = readFileSync(path.resolve('resources/samples/000_31cd6cf0c36ffd10.txt'), 'utf8');
  const legacy = path.join(os.tmpdir(), 'targum-e2e-hebrew-1255.txt');
  writeFileSync(legacy, encodeSingleByte(hebrew, 'windows-1255'));
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

test('a saved web page comes in as its article: navigation and related links dropped, scripts never run', async ({ openWorkbench, page }) => {
  const body = readFileSync(path.resolve('resources/samples/002_006563e634bf3530.txt'), 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 60)
    .slice(1, 8);
  const html = `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8">
    <title>تنظيم داعش يحرق مقراته في القلمون</title>
    <meta property="og:site_name" content="الأردن العربي">
    <meta property="article:published_time" content="2017-08-28T09:30:00+03:00">
    <script>window.__scriptRan = true;</script></head>
    <body><nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
    <div class="ad"><a href="https://ads.example/click">إعلان</a></div>
    <article><h1>تنظيم داعش يحرق مقراته في القلمون</h1>${body.map((line) => `<p>${line}</p>`).join('')}</article>
    <aside class="related"><h3>مواضيع ذات صلة</h3><ul><li><a href="/a">عنوان مقال آخر عن الطقس</a></li><li><a href="/b">نتائج مباريات الدوري</a></li></ul></aside>
    <img src="https://tracker.example/pixel.gif" onerror="window.__scriptRan = true">
    <footer>جميع الحقوق محفوظة</footer></body></html>`;
  const file = path.join(os.tmpdir(), 'targum-e2e-page.html');
  writeFileSync(file, html);

  await openWorkbench();
  await page.getByRole('button', { name: 'Import' }).click();
  await page.getByRole('region', { name: 'Import articles' }).locator('input[type=file]').setInputFiles(file);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('targum-e2e-page.html: added to the library.');
  const row = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').first();
  await expect(row).toContainText('تنظيم داعش يحرق مقراته في القلمون');
  await expect(row).toContainText('الأردن العربي · 2017-08-28');
  await row.getByRole('link').click();
  const source = page.locator('.reading-grid');
  await expect(source).toContainText(body[0]!.trim().slice(0, 40));
  await expect(source).not.toContainText('رياضة');
  await expect(source).not.toContainText('نتائج مباريات الدوري');
  expect(await page.evaluate(() => (window as unknown as { __scriptRan?: boolean }).__scriptRan)).toBeUndefined();
});
