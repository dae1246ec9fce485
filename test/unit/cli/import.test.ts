import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTargum } from '../../support/cli';
import { encodeSingleByte } from '../../support/code-page';
import { articleDocx, docxZipBomb } from '../../support/docx-fixtures';

const work = mkdtempSync(path.join(os.tmpdir(), 'targum-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runTargum(args, { dataDir: work, env });
const seedText = (name: string): string => readFileSync(path.resolve('resources/samples', name), 'utf8');

describe('targum import', () => {
  it('prints the article as the contract says: title, language, encoding, date, paragraphs with sentences and boilerplate', async () => {
    const result = await run(['import', path.resolve('resources/samples/002_006563e634bf3530.txt'), '--json']);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article).toMatchObject({ version: 1, language: 'ar', encoding: 'utf-8', date: '2017-08-28', title: 'قبيل إخراجه من القلمون..تنظيم داعش الإرهابي يحرق مقراته وآلياته' });
    expect(article.paragraphs[1]).toMatchObject({ boilerplate: true, kind: 'date' });
    expect(article.paragraphs.at(-1)).toMatchObject({ boilerplate: true, kind: 'comments' });
    expect(article.paragraphs[2]).toMatchObject({ boilerplate: false });
    expect(article.paragraphs.flatMap((paragraph: { sentences: string[] }) => paragraph.sentences)).toHaveLength(19);
  });

  it('detects a legacy Arabic encoding, and takes --encoding', async () => {
    const seed = readFileSync(path.resolve('resources/samples/004_ed2df22646606838.txt'), 'utf8').replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
    const file = path.join(work, 'legacy.txt');
    writeFileSync(file, encodeSingleByte(seed, 'windows-1256'));
    const detected = JSON.parse((await run(['import', file, '--json'])).stdout);
    expect(detected.encoding).toBe('windows-1256');
    expect(detected.paragraphs[0].text).toBe(seed.split('\n')[0]!.trim());
    const forced = await run(['import', file, '--encoding', 'utf-8']);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('reads a saved web page through Readability and DOMPurify: the article, its title, site name and date, without navigation or related links', async () => {
    const body = seedText('002_006563e634bf3530.txt')
      .split('\n')
      .filter((line) => line.trim().length > 60)
      .slice(1, 6);
    const page = path.join(work, 'page.html');
    writeFileSync(
      page,
      `<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>تنظيم داعش يحرق مقراته في القلمون</title>
      <meta property="og:site_name" content="الأردن العربي"><meta property="article:published_time" content="2017-08-28T01:30:00+03:00">
      <script>document.title = 'ran'</script></head><body>
      <nav><ul><li><a href="/">الرئيسية</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
      <article><h1>تنظيم داعش يحرق مقراته في القلمون</h1>${body.map((line) => `<p>${line}<img src="x" onerror="alert(1)"></p>`).join('')}</article>
      <aside class="related"><h3>مواضيع ذات صلة</h3><ul><li><a href="/a">نتائج مباريات الدوري</a></li></ul></aside></body></html>`,
    );
    const result = await run(['import', page, '--json']);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout);
    expect(article).toMatchObject({ title: 'تنظيم داعش يحرق مقراته في القلمون', language: 'ar', encoding: 'utf-8', outlet: 'الأردن العربي', date: '2017-08-28' });
    const texts = article.paragraphs.map((paragraph: { text: string }) => paragraph.text);
    expect(texts).toEqual(['تنظيم داعش يحرق مقراته في القلمون', ...body.map((line) => line.trim())]);
  });

  it('reads a Word document: its paragraphs, the Title style as the title, and the outlet the text credits', async () => {
    const seed = seedText('003_fe292405636c0dc5.txt');
    const file = path.join(work, 'article.docx');
    writeFileSync(file, await articleDocx(seed, { title: 'الإرهابيون يندحرون في جنوب دمشق', creator: 'Reporter' }));
    const result = await run(['import', file, '--json']);
    expect(result.stderr).toBe('');
    const article = JSON.parse(result.stdout);
    expect(article).toMatchObject({ title: 'الإرهابيون يندحرون في جنوب دمشق', language: 'ar', encoding: 'utf-8', outlet: 'الحدث', date: '2018-05-22' });
    expect(article.paragraphs.slice(1).map((paragraph: { text: string }) => paragraph.text)).toEqual(seed.split('\n').map((line) => line.trim()).filter(Boolean));
  });

  it('refuses binary files, unsupported types, zip bombs and files over the size limit, in one targum: line', async () => {
    const binary = path.join(work, 'photo.txt');
    writeFileSync(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await run(['import', binary])).stderr).toBe(`targum: import: ${binary}: This file holds binary data, not text.\n`);
    const pdf = path.join(work, 'article.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect((await run(['import', pdf])).stderr).toBe(`targum: import: ${pdf}: .pdf files cannot be imported; Targum reads .txt, .md, .html, .htm and .docx files.\n`);
    const bomb = path.join(work, 'bomb.docx');
    writeFileSync(bomb, docxZipBomb(1024));
    const refused = await run(['import', bomb]);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toMatch(/^targum: import: .*bomb\.docx: This \.docx file unpacks to 1\.1 GB or more from 1\.\d MB, far out of proportion for a document \(a zip bomb\), so Targum does not open it\.\n$/);
    const empty = path.join(work, 'empty.html');
    writeFileSync(empty, '<!doctype html><html><head><title> </title><script>var text = "not this";</script></head><body><img src="photo.jpg"> <style>p { color: red }</style></body></html>');
    expect((await run(['import', empty])).stderr).toBe(`targum: import: ${empty}: This web page holds no article text.\n`);
    writeFileSync(path.join(work, 'settings.json'), JSON.stringify({ importSizeLimitMb: 1 }));
    const large = path.join(work, 'large.txt');
    writeFileSync(large, 'שלום עולם. '.repeat(120_000));
    const tooLarge = await run(['import', large]);
    expect(tooLarge.code).not.toBe(0);
    expect(tooLarge.stderr).toMatch(/^targum: import: .*large\.txt: it is 2\.\d MB, over the 1 MB import limit \(Settings → Largest file to import\)\.\n$/);
  }, 60_000);
});

describe('targum import FOLDER', () => {
  it('reads every file of the folder, subfolders included, and lists files of other types as skipped', async () => {
    const folder = path.join(work, 'folder');
    mkdirSync(path.join(folder, 'more'), { recursive: true });
    writeFileSync(path.join(folder, 'a.txt'), 'כותרת הידיעה\nהצבא הודיע הבוקר על תרגיל גדול בצפון. התרגיל יימשך שלושה ימים.\n');
    writeFileSync(path.join(folder, 'more', 'b.txt'), 'عنوان الخبر\nأعلن الجيش صباح اليوم عن مناورة كبيرة في الشمال.\n');
    writeFileSync(path.join(folder, 'photo.jpg'), 'not text');
    const result = await run(['import', folder, '--json']);
    expect(result.code).toBe(0);
    const { files } = JSON.parse(result.stdout);
    expect(files).toMatchObject([
      { name: 'a.txt', status: 'imported', language: 'he', title: 'כותרת הידיעה' },
      { name: 'more/b.txt', status: 'imported', language: 'ar', title: 'عنوان الخبر' },
      { name: 'photo.jpg', status: 'skipped' },
    ]);
    const text = await run(['import', folder]);
    expect(text.stdout).toContain('photo.jpg: skipped');
    expect(text.stdout).toContain('a.txt: imported (he, ');
  });
});

describe('option values', () => {
  it('names a bad value that starts with a dash instead of calling it ambiguous', async () => {
    const result = await run(['translate', '--threads', '-3', path.resolve('resources/samples/002_006563e634bf3530.txt')]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('"-3"');
    expect(result.stderr).not.toContain('ambiguous');
  });
});
