import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runTargum } from '../../support/cli';
import { tinyModelFolder } from '../../support/tiny-model';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { readXliff } from '../../../src/common/formats/xliff-reader';
import { tmxDtd, xliffSchema, xmllint } from '../formats/xmllint';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-cli-'));
const hebrewSeed = path.resolve('resources/samples/000_31cd6cf0c36ffd10.txt');
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
// Every test starts bin/targum several times, each loading the translation engine: slow on a busy two-core machine.
vi.setConfig({ testTimeout: 60_000 });

const run = (args: string[], input?: string) => runTargum(args, { dataDir, input });


describe('targum translate', () => {
  it('translates a Hebrew article with a model folder into the English of the phrasebook, paragraph by paragraph', async () => {
    const result = await run(['translate', hebrewSeed, '--model', tinyModelFolder]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const expected = readFileSync(path.resolve('test/fixtures/phrasebook/seed-000.en.txt'), 'utf8').trim().split('\n').join('\n\n');
    expect(result.stdout).toBe(`${expected}\n`);
  });

  it('writes tsv and json as the contract says', async () => {
    const input = 'מה שלומך היום?\nזה משפט.\n';
    const tsv = await run(['translate', '-', '--model', tinyModelFolder, '--format', 'tsv', '--segmented'], 'ארגון דאעש מסר היום (חמישי) באמצעות שליחים בקשה לצבא סוריה ובעלת בריתו חיזבאללה לסגת מהשטחים שכבש הארגון במערב לבנון, בסמוך לגבול הסורי.\n\nכוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי\n');
    expect(tsv.code).toBe(0);
    const lines = tsv.stdout.split('\n');
    expect(lines[0]!.split('\t')).toHaveLength(2);
    expect(lines[0]).toMatch(/^ארגון דאעש .*\tISIS today \(Thursday\) conveyed a request/);
    expect(lines[1]).toBe('');
    expect(lines[2]).toBe('כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי\tLebanese army forces advance in the battle against ISIS // Photo: AFP');
    const json = await run(['translate', '-', '--model', tinyModelFolder, '--format', 'json', '--from', 'he'], input);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout);
    expect(document).toMatchObject({ version: 1, from: 'he', to: 'en', model: 'targum-tiny-mul-en' });
    expect(document.paragraphs[0].sentences[0]).toMatchObject({ source: 'מה שלומך היום?', status: 'machine' });
  });

  it('writes --out whole, and nothing to stdout', async () => {
    const out = path.join(dataDir, 'out.txt');
    const result = await run(['translate', hebrewSeed, '--model', tinyModelFolder, '--out', out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('ISIS today (Thursday) conveyed a request');
  });

  it('refuses bad input with one targum: line and a non-zero exit', async () => {
    const binary = path.join(dataDir, 'image.bin');
    writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));
    const cases: Array<[string[], RegExp]> = [
      [['translate', path.join(dataDir, 'missing.txt')], /^targum: .*missing\.txt: no such file\n$/],
      [['translate', binary], /^targum: .*image\.bin is not text \(it holds binary data\)\n$/],
      [['translate', hebrewSeed, '--model', 'no-such-model'], /^targum: no model "no-such-model" is installed/],
      [['translate', hebrewSeed, '--format', 'pdf'], /^targum: translate: --format must be one of txt, tsv, csv, json, tmx, xliff, moses, html, docx, not "pdf"\n$/],
      [['translate', hebrewSeed, '--beams', 'many'], /^targum: translate: --beams must be a whole number from 1 to 8/],
      [['translate'], /^targum: translate: give one input file/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr, args.join(' ')).toMatch(message);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(result.stdout).toBe('');
    }
  });
});

describe('targum translate --format (the export writers)', () => {
  const twoParagraphs = 'ארגון דאעש מסר היום (חמישי) באמצעות שליחים בקשה לצבא סוריה ובעלת בריתו חיזבאללה לסגת מהשטחים שכבש הארגון במערב לבנון, בסמוך לגבול הסורי.\n\nכוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי\n';
  const inputFile = path.join(dataDir, 'דאעש.txt');
  writeFileSync(inputFile, twoParagraphs);
  const translate = (format: string, out?: string) => run(['translate', inputFile, '--model', tinyModelFolder, '--segmented', '--format', format, ...(out ? ['--out', out] : [])]);

  it('writes TMX and XLIFF that validate and read back to the same sentences', async () => {
    const tmx = await translate('tmx');
    expect(tmx.stderr).toBe('');
    expect(xmllint(tmx.stdout, { dtd: tmxDtd })).toBe('');
    const fromTmx = readTmx(tmx.stdout);
    expect(fromTmx).toMatchObject({ title: 'דאעש', sourceLanguage: 'he', targetLanguage: 'en', model: 'targum-tiny-mul-en' });
    expect(fromTmx.units.map((unit) => [unit.target, unit.status, unit.paragraph])).toEqual([
      [expect.stringMatching(/^ISIS today \(Thursday\) conveyed a request/), 'machine', 0],
      ['Lebanese army forces advance in the battle against ISIS // Photo: AFP', 'machine', 1],
    ]);
    const xliff = await translate('xliff');
    expect(xmllint(xliff.stdout, { schema: xliffSchema })).toBe('');
    expect(readXliff(xliff.stdout).units.map((unit) => unit.source)).toEqual(fromTmx.units.map((unit) => unit.source));
  });

  it('writes csv with its header and html with right-to-left source cells', async () => {
    const csv = await translate('csv');
    expect(csv.stdout.split('\r\n')[0]).toBe('source,translation,status');
    expect(csv.stdout.split('\r\n')[2]).toBe('כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי,Lebanese army forces advance in the battle against ISIS // Photo: AFP,machine');
    const html = await translate('html');
    expect(html.stdout).toContain('<td lang="he" dir="rtl">כוחות צבא לבנון');
  });

  it('writes moses to PREFIX.he and PREFIX.en with as many lines each, and docx to --out', async () => {
    const folder = mkdtempSync(path.join(dataDir, 'out-'));
    const moses = await translate('moses', path.join(folder, 'corpus'));
    expect(moses.code).toBe(0);
    expect(moses.stdout).toBe('');
    expect(readdirSync(folder).sort()).toEqual(['corpus.en', 'corpus.he']);
    const he = readFileSync(path.join(folder, 'corpus.he'), 'utf8');
    const en = readFileSync(path.join(folder, 'corpus.en'), 'utf8');
    expect(he.split('\n')).toHaveLength(3);
    expect(en.split('\n')).toHaveLength(3);
    expect(en.split('\n')[1]).toBe('Lebanese army forces advance in the battle against ISIS // Photo: AFP');

    const docxFile = path.join(folder, 'article.docx');
    expect((await translate('docx', docxFile)).code).toBe(0);
    const documentXml = strFromU8(unzipSync(new Uint8Array(readFileSync(docxFile)))['word/document.xml']!);
    expect(documentXml).toContain('<w:tbl>');
    expect(documentXml).toContain('Lebanese army forces advance in the battle against ISIS // Photo: AFP');
    expect(readdirSync(folder).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('refuses docx and moses without --out, before translating', async () => {
    const docx = await run(['translate', hebrewSeed, '--format', 'docx']);
    expect(docx.stderr).toMatch(/^targum: translate: --format docx needs --out FILE \(a Word document is binary\)\n$/);
    const moses = await run(['translate', hebrewSeed, '--format', 'moses']);
    expect(moses.stderr).toBe('targum: translate: --format moses needs --out PREFIX (it writes two files, PREFIX.<from> and PREFIX.<to>)\n');
    expect([docx.code, moses.code]).toEqual([2, 2]);
  });

  it('leaves no file behind when it refuses', async () => {
    const out = path.join(dataDir, 'refused.docx');
    const result = await run(['translate', path.join(dataDir, 'missing.txt'), '--format', 'docx', '--out', out]);
    expect(result.code).not.toBe(0);
    expect(existsSync(out)).toBe(false);
  });
});

describe('targum models', () => {
  const demo = {
    id: 'targum-demo',
    path: path.resolve('resources/models/targum-demo'),
    from: ['he', 'ar'],
    to: ['en'],
    family: 'marian',
    dtypes: ['fp32', 'q8'],
    sizeBytes: expect.any(Number),
    source: 'bundled',
    demo: true,
    description: 'Demo model: knows only the sample articles',
  };

  it('lists the bundled demo model on a fresh install, imports a model folder, lists it and removes it', async () => {
    expect(JSON.parse((await run(['models', 'list', '--json'])).stdout)).toEqual({ version: 1, models: [demo] });
    expect((await run(['models', 'list'])).stdout).toMatch(/^targum-demo\the,ar→en\tmarian\tfp32,q8\t[\d.]+ MB\tbundled\tDemo model: knows only the sample articles\n$/);
    const imported = await run(['models', 'import', tinyModelFolder, '--id', 'tiny']);
    expect(imported.code).toBe(0);
    const listed = JSON.parse((await run(['models', 'list', '--json'])).stdout);
    expect(listed.models).toEqual([
      demo,
      {
        id: 'tiny',
        path: path.join(dataDir, 'models', 'tiny'),
        from: ['he', 'ar'],
        to: ['en'],
        family: 'marian',
        dtypes: ['fp32', 'q8'],
        sizeBytes: expect.any(Number),
        source: 'imported',
        dtype: 'q8',
      },
    ]);
    const translated = await run(['translate', '-', '--model', 'tiny'], 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי');
    expect(translated.stdout).toBe('Lebanese army forces advance in the battle against ISIS // Photo: AFP\n');
    expect((await run(['models', 'remove', 'tiny'])).code).toBe(0);
    expect(JSON.parse((await run(['models', 'list', '--json'])).stdout).models).toEqual([demo]);
    expect((await run(['models', 'remove', 'targum-demo'])).stderr).toBe('targum: "targum-demo" ships with Targum and cannot be removed\n');
  });

  it('translates with the demo model when no installed model fits the direction, and names it in every model field', async () => {
    const json = JSON.parse((await run(['translate', '-', '--format', 'json'], 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי')).stdout);
    expect(json.model).toBe('targum-demo');
    expect(json.paragraphs[0].sentences[0].translation).toBe('Lebanese army forces advance in the battle against ISIS // Photo: AFP');
    const tmx = readTmx((await run(['translate', hebrewSeed, '--format', 'tmx'])).stdout);
    expect(tmx.model).toBe('targum-demo');
  });

  it('writes how sure the model was of each sentence: json confidence and unsure words, a tsv column when asked', async () => {
    const known = 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי';
    const unseen = readFileSync(path.resolve('test/fixtures/flores200-dev/dev.he'), 'utf8').split('\n')[0]!;
    const json = JSON.parse((await run(['translate', '-', '--format', 'json', '--segmented'], `${known}\n\n${unseen}\n`)).stdout);
    const [sure] = json.paragraphs[0].sentences;
    const [unsure] = json.paragraphs[1].sentences;
    expect(sure.confidence).toBeGreaterThan(0.9);
    expect(sure.unsure).toEqual([]);
    expect(unsure.confidence).toBeLessThan(sure.confidence);
    expect(unsure.unsure.length).toBeGreaterThan(0);
    for (const word of unsure.unsure) expect(unsure.translation.slice(word.start, word.end)).toBe(word.word);
    const tsv = (await run(['translate', '-', '--format', 'tsv', '--confidence'], known)).stdout;
    expect(tsv).toMatch(/^[^\t]+\tLebanese army forces [^\t]+\t(1|0\.9\d*)\n$/);
    expect((await run(['translate', '-', '--confidence'], known)).stderr).toMatch(/^targum: translate: --confidence adds a column to csv and tsv/);
  });

  it('prefers an installed model to the demo for the same direction', async () => {
    expect((await run(['models', 'import', tinyModelFolder, '--id', 'tiny-installed'])).code).toBe(0);
    const json = JSON.parse((await run(['translate', '-', '--format', 'json'], 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי')).stdout);
    expect(json.model).toBe('tiny-installed');
    expect((await run(['models', 'remove', 'tiny-installed'])).code).toBe(0);
  });

  it('names what is missing from a folder that is not a model, and refuses unknown catalog ids', async () => {
    const notModel = await run(['models', 'import', path.resolve('resources/samples')]);
    expect(notModel.code).not.toBe(0);
    expect(notModel.stderr).toMatch(/^targum: .*samples is not a translation model folder: missing config\.json, tokenizer\.json, tokenizer_config\.json, onnx\/encoder_model\.onnx/);
    const unknown = await run(['models', 'install', 'gpt-17']);
    expect(unknown.stderr).toBe('targum: "gpt-17" is not in Targum\'s model catalog\n');
    expect((await run(['models', 'remove', 'nothing'])).stderr).toMatch(/^targum: no model "nothing" is installed/);
  });
});
