import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { buildArticle } from '../../src/common/import/article-import';
import { languageNames } from '../../src/common/text/language';
import { encodeSingleByte } from '../support/code-page';
import { articleDocx, docxZipBomb } from '../support/docx-fixtures';
import { sampleNames, samplesFolder } from '../support/reference-texts';
import { expect, saveScreenshot, storedCounts, test } from './fixtures';

const seedNames = sampleNames();
const seedText = (name: string): string => readFileSync(path.join(samplesFolder, name), 'utf8');
const work = mkdtempSync(path.join(os.tmpdir(), 'targum-e2e-import-'));

/** The line the import panel shows for an imported file: its title, language and paragraph count. */
function addedLine(name: string, text: string, title?: string): string {
  const article = buildArticle(text, undefined, { title });
  return `${name}: added as ${article.title} (${languageNames[article.language]}, ${article.paragraphs.length} paragraphs)`;
}

async function openImport(page: Page): Promise<Locator> {
  await expect(page.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
  await page.getByRole('button', { name: 'Import' }).click();
  return page.getByRole('region', { name: 'Import articles' });
}

/**
 * The sample library holds the seeds already: each seed imported again is listed as already there, and
 * "Keep both" adds it anyway.
 */
async function keepBoth(results: Locator, expected: number): Promise<void> {
  const buttons = results.getByRole('button', { name: 'Keep both' });
  await expect(buttons).toHaveCount(expected);
  for (let left = expected; left > 0; left--) {
    await expect(results.getByRole('listitem').filter({ hasText: ': already in the library as ' })).toHaveCount(left);
    await buttons.first().click();
    await expect(buttons).toHaveCount(left - 1);
  }
}

/** Drops files on the panel as a reader's drag and drop does: a DataTransfer built in the page from the files' bytes. */
async function dropFiles(page: Page, target: Locator, files: ReadonlyArray<{ name: string; bytes: Uint8Array; type?: string }>): Promise<void> {
  const payload = files.map((file) => ({ name: file.name, type: file.type ?? '', data: Buffer.from(file.bytes).toString('base64') }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const item of items) transfer.items.add(new File([Uint8Array.from(atob(item.data), (c) => c.charCodeAt(0))], item.name, { type: item.type }));
    return transfer;
  }, payload);
  await target.dispatchEvent('dragenter', { dataTransfer });
  await target.dispatchEvent('dragover', { dataTransfer });
  await expect(target).toHaveClass(/dragging/);
  await target.dispatchEvent('drop', { dataTransfer });
}

test('articles come in by pasting and through the file picker, legacy encodings included; a bad file says why and adds nothing', async ({ openWorkbench, page }) => {
  await openWorkbench();
  const panel = await openImport(page);

  await panel.getByLabel('Article text').fill('قصف جوي على مواقع المسلحين في ريف حماة.\nوقالت مصادر محلية إن الغارات استهدفت مستودعات للذخيرة.');
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  await expect(panel.getByRole('list', { name: 'Import results' })).toHaveText('Pasted text: added as قصف جوي على مواقع المسلحين في ريف حماة. (Arabic, 2 paragraphs)');

  // The same text again: the library has it, and the reader chooses.
  await panel.getByLabel('Article text').fill('قصف جوي على مواقع المسلحين في ريف حماة.\nوقالت مصادر محلية إن الغارات استهدفت مستودعات للذخيرة.');
  await panel.getByRole('button', { name: 'Add pasted text' }).click();
  const duplicate = panel.getByRole('list', { name: 'Import results' }).getByRole('listitem');
  await expect(duplicate).toContainText('Pasted text: already in the library as قصف جوي على مواقع المسلحين في ريف حماة.');
  await expect(duplicate.getByRole('link', { name: 'Open it' })).toBeVisible();
  await expect(duplicate.getByRole('button', { name: 'Keep both' })).toBeVisible();
  await duplicate.getByRole('button', { name: 'Replace it' }).click();
  await expect(duplicate).toHaveText('Pasted text: added as قصف جوي على مواقع المسلحين في ريف حماة. (Arabic, 2 paragraphs)');
  await panel.getByLabel('Article text').fill('');

  const hebrew = seedText(seedNames[0]!);
  const legacy = path.join(work, 'hebrew-1255.txt');
  writeFileSync(legacy, encodeSingleByte(hebrew, 'windows-1255'));
  const binary = path.join(work, 'binary.txt');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  await panel.locator('input[type=file][multiple]').setInputFiles([legacy, binary]);
  const results = panel.getByRole('list', { name: 'Import results' });
  await expect(panel.getByRole('status')).toHaveText('0 added, 1 already in the library, 1 not imported');
  await keepBoth(results, 1);
  await expect(results).toContainText(addedLine('hebrew-1255.txt', hebrew));
  await expect(results).toContainText('binary.txt: This file holds binary data, not text.');
  await expect(panel.getByRole('status')).toHaveText('1 added, 1 not imported');

  const rows = page.getByRole('list', { name: 'Articles' }).getByRole('listitem');
  await expect(rows).toHaveCount(7);
  await page.getByRole('link', { name: /^ארגון דאעש מסר היום/ }).first().click();
  await expect(page.locator('.source-cell').first()).toHaveText(/^ארגון דאעש מסר היום \(חמישי\)/);
});

test('each seed comes in through the file picker and by drag and drop, with its title, language and paragraphs', async ({ openWorkbench, page }) => {
  await openWorkbench();
  const panel = await openImport(page);
  const results = panel.getByRole('list', { name: 'Import results' });

  await panel.locator('input[type=file][multiple]').setInputFiles(seedNames.map((name) => path.join(samplesFolder, name)));
  await expect(panel.getByRole('status')).toHaveText('0 added, 5 already in the library');
  await keepBoth(results, 5);
  for (const name of seedNames) await expect(results).toContainText(addedLine(name, seedText(name)));
  await expect(panel.getByRole('status')).toHaveText('5 added');

  for (const name of seedNames) {
    await dropFiles(page, panel, [{ name, bytes: readFileSync(path.join(samplesFolder, name)), type: 'text/plain' }]);
    await keepBoth(results, 1);
    await expect(results).toHaveText(addedLine(name, seedText(name)));
  }
  await expect.poll(async () => (await storedCounts(page, ['articles', 'segments'])).articles).toBe(15);
  // The outlets the seeds name: «الأردن العربي – …» (002) and «الحدث الثلاثاء …» (003).
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('الأردن العربي · 2017-08-28');
  await expect(page.getByRole('list', { name: 'Articles' })).toContainText('الحدث · 2018-05-22');
});

test('Word documents come in by picker and by drop; a folder comes in whole, other files listed as skipped', async ({ openWorkbench, page }) => {
  const arabic = seedText(seedNames[1]!);
  const docx = path.join(work, 'mufawadat.docx');
  writeFileSync(docx, await articleDocx(arabic, { title: 'مفاوضات حزب الله وداعش في القلمون' }));
  const hebrewDocx = await articleDocx(seedText(seedNames[0]!));

  const folder = path.join(work, 'press');
  mkdirSync(path.join(folder, 'weekend'), { recursive: true });
  writeFileSync(path.join(folder, seedNames[2]!), seedText(seedNames[2]!));
  writeFileSync(path.join(folder, 'weekend', 'syria.docx'), await articleDocx(seedText(seedNames[4]!)));
  writeFileSync(path.join(folder, 'weekend', 'page.html'), `<html><head><title>الإرهابيون يندحرون</title></head><body><article>${seedText(seedNames[3]!).split('\n').filter(Boolean).map((line) => `<p>${line}</p>`).join('')}</article></body></html>`);
  writeFileSync(path.join(folder, 'photo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  writeFileSync(path.join(folder, 'notes.txt'), '');
  writeFileSync(path.join(folder, '.DS_Store'), Buffer.from([0, 0, 0, 1]));

  await openWorkbench();
  const panel = await openImport(page);
  const results = panel.getByRole('list', { name: 'Import results' });
  await panel.locator('input[type=file][multiple]').setInputFiles(docx);
  // The Title-style paragraph is the title and the document's first paragraph.
  await expect(results).toHaveText(addedLine('mufawadat.docx', `مفاوضات حزب الله وداعش في القلمون\n${arabic}`));
  await dropFiles(page, panel, [{ name: 'hebrew.docx', bytes: hebrewDocx, type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }]);
  await keepBoth(results, 1);
  await expect(results).toHaveText(addedLine('hebrew.docx', seedText(seedNames[0]!)));

  await panel.getByLabel('Folder').setInputFiles(folder);
  await expect(panel.getByRole('status')).toContainText('already in the library');
  await keepBoth(results, await results.getByRole('button', { name: 'Keep both' }).count());
  await expect(panel.getByRole('status')).toHaveText('3 added, 1 skipped, 1 not imported');
  await expect(results.getByRole('listitem')).toHaveText([
    addedLine(`press/${seedNames[2]}`, seedText(seedNames[2]!)),
    /^press\/notes\.txt: This file is empty/,
    'press/photo.png: skipped, .png files cannot be imported; Targum reads .txt, .md, .html, .htm and .docx files.',
    /^press\/weekend\/page\.html: added as الإرهابيون يندحرون \(Arabic, \d+ paragraphs\)$/,
    addedLine('press/weekend/syria.docx', seedText(seedNames[4]!)),
  ]);
  await saveScreenshot(page, 'library-import-folder');
  await expect.poll(async () => (await storedCounts(page, ['articles', 'segments'])).articles).toBe(10);
});

test('every kind of bad file says what is wrong in one sentence and saves nothing', async ({ openWorkbench, page }) => {
  const files: Array<[string, string | Uint8Array]> = [
    ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])],
    ['empty.md', ''],
    ['blank.txt', ' \n\n \t'],
    ['scan.pdf', '%PDF-1.7'],
    ['bomb.docx', docxZipBomb(1024)],
    ['liar.docx', docxZipBomb(1024, 512 * 1024)],
    ['renamed.docx', seedText(seedNames[1]!)],
    ['garbled.txt', Buffer.from(Buffer.from(seedText(seedNames[0]!), 'utf8').toString('latin1'), 'utf8')],
    ['no-text.html', '<!doctype html><html><head><title> </title><script>var text = "not this";</script></head><body><img src="photo.jpg"></body></html>'],
    ['huge.txt', Buffer.alloc(21 * 1024 * 1024, 'א ')],
  ];
  for (const [name, content] of files) writeFileSync(path.join(work, name), content);

  await openWorkbench();
  const panel = await openImport(page);
  const before = await storedCounts(page, ['articles', 'segments']);
  await panel.locator('input[type=file][multiple]').setInputFiles(files.map(([name]) => path.join(work, name)));
  const results = panel.getByRole('list', { name: 'Import results' });
  await expect(results.getByRole('listitem')).toHaveText([
    'photo.txt: This file holds binary data, not text.',
    "empty.md: This file is empty; choose a file that holds the article's text.",
    "blank.txt: This file holds only blank space; choose a file that holds the article's text.",
    'scan.pdf: .pdf files cannot be imported; Targum reads .txt, .md, .html, .htm and .docx files.',
    /^bomb\.docx: This \.docx file unpacks to 1\.1 GB or more from 1\.\d MB, far out of proportion for a document \(a zip bomb\), so Targum does not open it\.$/,
    'liar.docx: This .docx file unpacks to more than it declares, as a zip bomb does, so Targum does not open it.',
    'renamed.docx: This file is not a Word document (.docx); save it from Word or LibreOffice as .docx and import it again.',
    /^garbled\.txt: This file's text was garbled before it was saved/,
    'no-text.html: This web page holds no article text.',
    'huge.txt: it is 21.0 MB, over the 20 MB import limit (Settings → Largest file to import).',
  ]);
  await expect(panel.getByRole('status')).toHaveText('0 added, 10 not imported');
  await saveScreenshot(page, 'library-import-refused');
  expect(await storedCounts(page, ['articles', 'segments'])).toEqual(before);
});

test('an article comes in from a web address, fetched by the services and never by the page', async ({ openWorkbench, page }) => {
  const body = seedText(seedNames[2]!)
    .split('\n')
    .filter((line) => line.trim().length > 60);
  const html = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>تنظيم داعش يحرق مقراته في القلمون</title>
    <meta property="og:site_name" content="Al Jazeera"><meta property="article:published_time" content="2017-08-28T09:30:00+03:00"></head>
    <body><nav><a href="/">الرئيسية</a> <a href="/sport">رياضة</a></nav><article><h1>تنظيم داعش يحرق مقراته في القلمون</h1>${body.map((line) => `<p>${line}</p>`).join('')}</article>
    <img src="/pixel.gif"></body></html>`;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    requests.push(request.url ?? '');
    if (request.url === '/go') return response.writeHead(302, { location: '/news/2017/isis-qalamoun.html' }).end();
    if (request.url === '/news/2017/isis-qalamoun.html') return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    return response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    await openWorkbench();
    let panel = await openImport(page);
    // An address on this machine is refused until Settings allows local network addresses.
    await panel.getByLabel('Web address').fill(`${origin}/go`);
    await panel.getByRole('button', { name: 'Fetch and import' }).click();
    await expect(panel.getByRole('list', { name: 'Import results' })).toHaveText(
      `${origin}/go: 127.0.0.1 is on this machine or its local network, so it was not fetched; to import such pages, turn on Settings → Allow local network addresses.`,
    );
    expect(requests).toEqual([]);
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Allow local network addresses').check();
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByText('Saved.')).toBeVisible();
    await page.getByRole('link', { name: 'Library' }).click();
    panel = await openImport(page);
    const results = panel.getByRole('list', { name: 'Import results' });
    await panel.getByLabel('Web address').fill(`${origin}/go`);
    await panel.getByRole('button', { name: 'Fetch and import' }).click();
    await expect(results).toHaveText(`${origin}/go: added as تنظيم داعش يحرق مقراته في القلمون (Arabic, ${body.length + 1} paragraphs)`);
    await expect(page.getByRole('list', { name: 'Articles' })).toContainText('الجزيرة · 2017-08-28');
    // The services fetched the page and followed the redirect; nothing on it (the pixel) was loaded.
    expect(requests).toEqual(['/go', '/news/2017/isis-qalamoun.html']);

    await panel.getByLabel('Web address').fill(`${origin}/gone`);
    await panel.getByRole('button', { name: 'Fetch and import' }).click();
    await expect(results).toHaveText(`${origin}/gone: 127.0.0.1:${new URL(origin).port} answered 404 Not Found: the page could not be fetched.`);
    await panel.getByLabel('Web address').fill('ftp://files.example/article.txt');
    await panel.getByRole('button', { name: 'Fetch and import' }).click();
    await expect(results).toHaveText('ftp://files.example/article.txt: give a web address that starts with https:// or http://.');
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('a saved web page comes in as its article: navigation and related links dropped, scripts never run', async ({ openWorkbench, page }) => {
  const body = seedText(seedNames[2]!)
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
  const file = path.join(work, 'saved-page.html');
  writeFileSync(file, html);

  await openWorkbench();
  const panel = await openImport(page);
  await panel.locator('input[type=file][multiple]').setInputFiles(file);
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText('saved-page.html: added as تنظيم داعش يحرق مقراته في القلمون (Arabic,');
  await saveScreenshot(page, 'library-import');
  const row = page.getByRole('list', { name: 'Articles' }).getByRole('listitem').filter({ hasText: 'تنظيم داعش يحرق مقراته في القلمون' });
  await expect(row).toContainText('الأردن العربي · 2017-08-28');
  await row.getByRole('link').click();
  const source = page.locator('.reading-grid');
  await expect(source).toContainText(body[0]!.trim().slice(0, 40));
  await expect(source).not.toContainText('رياضة');
  await expect(source).not.toContainText('نتائج مباريات الدوري');
  expect(await page.evaluate(() => (window as unknown as { __scriptRan?: boolean }).__scriptRan)).toBeUndefined();
});

test('a large TMX is read in a worker: the panel shows how far it has read, and the page answers meanwhile', async ({ openWorkbench, page }) => {
  const hebrew = 'המועצה דנה הערב בתקציב בתי הספר של העיר ובתוכנית לשנה הבאה, ';
  const english = 'The council discussed the budget of the schools of the city tonight, and the plan for next year, ';
  const unit = (index: number) =>
    `<tu><tuv xml:lang="he"><seg>${index}: ${hebrew.repeat(6)}</seg></tuv><tuv xml:lang="en"><seg>${index}: ${english.repeat(6)}</seg></tuv></tu>\n`;
  const units = 12_000;
  const file = path.join(work, 'large-memory.tmx');
  writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="he" segtype="sentence"/><body>\n${Array.from({ length: units }, (_, index) => unit(index)).join('')}</body></tmx>\n`);

  await openWorkbench();
  const panel = await openImport(page);
  // The longest the page goes without running a timer while the panel says the file is being read.
  await page.evaluate(() => {
    const state = { last: performance.now(), longest: 0, reading: false };
    (window as unknown as { __gaps: typeof state }).__gaps = state;
    setInterval(() => {
      const now = performance.now();
      const reading = document.querySelector('.import-panel [role=status]')?.textContent?.includes('reading') ?? false;
      if (reading && state.reading) state.longest = Math.max(state.longest, now - state.last);
      state.last = now;
      state.reading = reading;
    }, 10);
  });
  await panel.locator('input[type=file][multiple]').setInputFiles(file);
  await expect(panel.getByRole('status')).toContainText(/Importing: reading large-memory\.tmx, \d+%…/);
  const field = panel.getByLabel('Article text');
  await field.click();
  await field.pressSequentially('typed while reading');
  await expect(field).toHaveValue('typed while reading');
  // Its pairs go into the memory in batches, the panel counting them, and the Cancel button there meanwhile.
  await expect(panel.getByRole('status')).toContainText(/Importing: storing large-memory\.tmx, \d+%…/, { timeout: 60_000 });
  await expect(panel.getByRole('button', { name: 'Cancel import' })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Import results' })).toContainText(`large-memory.tmx: Imported “large-memory” with its English, aligned in ${units} pairs.`, { timeout: 120_000 });
  await expect(panel.getByRole('button', { name: 'Cancel import' })).toBeHidden();
  // Read on this thread, the file held the page for seconds; in the worker only progress messages reach it.
  const longest = await page.evaluate(() => (window as unknown as { __gaps: { longest: number } }).__gaps.longest);
  expect(longest).toBeLessThan(500);
});

/**
 * Starts recording the page's long tasks (the main thread busy for over 50 ms at a stretch), each with what the
 * import panel said as it began; resolves to a reader of the longest while a file was being read and overall.
 */
async function watchLongTasks(page: Page): Promise<() => Promise<{ reading: number; overall: number }>> {
  await page.evaluate(() => {
    const state = { reading: 0, overall: 0 };
    (window as unknown as { __longTasks: typeof state }).__longTasks = state;
    // The panel's line as it was 10 ms ago and now: a task that held the thread began under one of them.
    const said: string[] = ['', ''];
    setInterval(() => {
      said.shift();
      said.push(document.querySelector('.import-panel [role=status]')?.textContent ?? '');
    }, 10);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        state.overall = Math.max(state.overall, entry.duration);
        if (said.every((line) => line.includes(': reading '))) state.reading = Math.max(state.reading, entry.duration);
      }
    }).observe({ type: 'longtask' });
  });
  return () => page.evaluate(() => (window as unknown as { __longTasks: { reading: number; overall: number } }).__longTasks);
}

test('large articles are read in a worker: a big Word document and web page come in with progress shown, and the page never stalls', async ({ openWorkbench, page }) => {
  const lines = seedText(seedNames[0]!).split('\n').filter((line) => line.trim() !== '');
  // About 4,000 paragraphs each, every one different (numbered), so that none is taken for a repeated headline.
  const body = Array.from({ length: 4_000 }, (_, index) => `${index + 1}. ${lines[index % lines.length]!}`);
  const docxFile = path.join(work, 'large-article.docx');
  writeFileSync(docxFile, await articleDocx(body.join('\n'), { title: 'מסמך ארוך מאוד' }));
  const htmlFile = path.join(work, 'large-page.html');
  writeFileSync(
    htmlFile,
    `<!doctype html><html lang="he"><head><meta charset="utf-8"><title>עמוד ארוך מאוד</title></head><body><nav><a href="/">ראשי</a></nav><article><h1>עמוד ארוך מאוד</h1>${body.map((line) => `<p>${line}</p>`).join('')}</article></body></html>`,
  );

  await openWorkbench();
  const panel = await openImport(page);
  const longestTasks = await watchLongTasks(page);
  const results = page.getByRole('list', { name: 'Import results' });
  for (const [file, title] of [
    [docxFile, 'מסמך ארוך מאוד'],
    [htmlFile, 'עמוד ארוך מאוד'],
  ] as const) {
    // Each file on a quiet page: the library indexes the article before stored in the background, on this thread.
    await page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => requestIdleCallback(() => resolve(), { timeout: 10_000 }), 300)));
    await panel.locator('input[type=file][multiple]').setInputFiles(file);
    await expect(panel.getByRole('status')).toContainText(new RegExp(`Importing: reading ${path.basename(file).replace('.', '\\.')}, \\d+%…`));
    await expect(results).toContainText(new RegExp(`${path.basename(file).replace('.', '\\.')}: added as ${title} \\(Hebrew, 400\\d paragraphs\\)`), { timeout: 120_000 });
  }
  // Read on this thread, a file held the page for over 600 ms; in the worker only its result reaches it (the
  // sanitising of a web page's article included). Storing the article, and the library indexing it, still take a
  // few hundred milliseconds here, on this thread.
  const longest = await longestTasks();
  console.log(`large article import: longest main-thread task while reading ${Math.round(longest.reading)} ms, overall ${Math.round(longest.overall)} ms`);
  expect(longest.reading).toBeLessThan(200);
});
