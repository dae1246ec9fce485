import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTargum } from '../../support/cli';
import { samplePath, tmxDtd } from '../../support/reference-texts';
import { readFlores } from '../align/flores-documents';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-align-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const run = (args: string[], input?: string) => runTargum(args, { dataDir, input });
const write = (name: string, text: string) => {
  const file = path.join(dataDir, name);
  writeFileSync(file, text);
  return file;
};

const hebrewSeed = samplePath('000');
const englishSeed = path.resolve('test/fixtures/phrasebook/seed-000.en.txt');
const flores = readFlores();

/**
 * Two segmented paragraphs of FLORES lines 0–9: the target joins lines 3 and 4 into one sentence and
 * leaves line 7 out. Returns the files and the links expected, as `source|target|type` rows.
 */
function segmentedPair(from: 'he' | 'ar', to: 'en' | 'ar') {
  const source = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9]].map((lines) => lines.map((line) => flores[from][line]!));
  const target = [[flores[to][0]!, flores[to][1]!, flores[to][2]!, `${flores[to][3]} ${flores[to][4]}`], [5, 6, 8, 9].map((line) => flores[to][line]!)];
  const lines = (paragraphs: string[][]) => `${paragraphs.map((sentences) => sentences.join('\n')).join('\n\n')}\n`;
  return {
    source: write(`source.${from}.txt`, lines(source)),
    target: write(`target.${to}.txt`, lines(target)),
    sourceEnglish: write(`source.${from}.en.txt`, `${[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((line) => flores.en[line]).join('\n')}\n`),
    targetEnglish: write(`target.${to}.en.txt`, `${[0, 1, 2, `${flores.en[3]} ${flores.en[4]}`, 5, 6, 8, 9].map((line) => (typeof line === 'number' ? flores.en[line] : line)).join('\n')}\n`),
    expectedTypes: ['1-1', '1-1', '1-1', '2-1', '1-1', '1-1', '1-0', '1-1', '1-1'],
  };
}

// Each test starts bin/targum a few times: seconds apiece on a busy machine.
describe('targum align', { timeout: 90_000 }, () => {
  it('links the Hebrew seed with its English translation sentence by sentence, as tsv, leaving site boilerplate out unless kept', async () => {
    const kept = await run(['align', hebrewSeed, englishSeed, '--keep-boilerplate']);
    expect(kept.stderr).toBe('');
    expect(kept.code).toBe(0);
    const records = kept.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(records).toHaveLength(20);
    for (const [source, target, type, confidence] of records) {
      expect(source).not.toBe('');
      expect(target).not.toBe('');
      expect(type).toBe('1-1');
      expect(confidence).toMatch(/^(0(\.\d{1,3})?|1)$/);
    }
    const fighters = records.find(([source]) => source!.includes('בכ-500 לוחמים'))!;
    expect(fighters[1]).toBe('The request attests to the precarious situation of the ISIS forces, estimated at about 500 fighters, in the Qalamoun mountains, where they have been surrounded since Saturday.');

    // By default the photo credit and the "found a mistake?" line of the Hebrew page are left out, as in the app.
    const article = await run(['align', hebrewSeed, englishSeed]);
    expect(article.stderr).toBe('');
    const sources = article.stdout.trimEnd().split('\n').map((line) => line.split('\t')[0]!);
    expect(sources.some((source) => source.includes('צילום'))).toBe(false);
    expect(sources.some((source) => source.includes('טעינו'))).toBe(false);
    expect(sources.filter((source) => source !== '')).toHaveLength(16);
  });

  it('warns on stderr when the two texts hardly correspond, and still writes its links', async () => {
    const unrelated = await run(['align', hebrewSeed, path.resolve('resources/samples/001_888f2903cdf87aee.txt')]);
    expect(unrelated.code).toBe(0);
    expect(unrelated.stderr).toMatch(/^targum: warning: SRC and TGT hardly correspond .*\n$/);
    expect(unrelated.stderr.split('\n')).toHaveLength(2);
    expect(unrelated.stdout.trimEnd().split('\n').length).toBeGreaterThan(5);
  });

  it('tells two Arabic articles on the same story apart from a text and its translation, and an article from itself', async () => {
    const first = path.resolve('resources/samples/001_888f2903cdf87aee.txt');
    const second = path.resolve('resources/samples/002_006563e634bf3530.txt');
    const story = await run(['align', first, second, '--format', 'json']);
    expect(story.code).toBe(0);
    expect(story.stderr).toMatch(/^targum: warning: SRC and TGT hardly correspond .*\n$/);
    const pairing = (stdout: string) => (JSON.parse(stdout).links as Array<{ type: string; confidence: number }>).filter((link) => !/^0-|-0$/.test(link.type));
    const storyLinks = pairing(story.stdout);
    expect(storyLinks.length).toBeGreaterThan(5);
    expect(storyLinks.reduce((sum, link) => sum + link.confidence, 0) / storyLinks.length).toBeLessThan(0.5);

    const itself = await run(['align', first, first, '--format', 'json']);
    expect(itself.stderr).toBe('');
    const selfLinks = pairing(itself.stdout);
    expect(selfLinks.every((link) => link.type === '1-1' && link.confidence >= 0.9)).toBe(true);
  });

  it('finds joined and missing sentences of segmented input, with a translation of the source (json)', async () => {
    const files = segmentedPair('he', 'en');
    const result = await run(['align', files.source, files.target, '--segmented', '--src-mt', files.sourceEnglish, '--format', 'json']);
    expect(result.stderr).toBe('');
    const document = JSON.parse(result.stdout);
    expect(document).toMatchObject({ version: 1, from: 'he', to: 'en' });
    expect(document.links.map((link: { type: string }) => link.type)).toEqual(files.expectedTypes);
    expect(document.links[3]).toMatchObject({ source: [flores.he[3], flores.he[4]], target: [`${flores.en[3]} ${flores.en[4]}`] });
    expect(document.links[6]).toMatchObject({ source: [flores.he[7]], target: [] });
    for (const link of document.links) expect(link.confidence).toBeGreaterThanOrEqual(0);
  });

  it('aligns Hebrew with Arabic through English translations of both sides, and without them', async () => {
    const files = segmentedPair('he', 'ar');
    for (const extra of [['--src-mt', files.sourceEnglish, '--tgt-mt', files.targetEnglish], []]) {
      const result = await run(['align', files.source, files.target, '--segmented', ...extra]);
      expect(result.stderr).toBe('');
      const records = result.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
      expect(records.map((record) => record[2])).toEqual(files.expectedTypes);
      expect(records[6]).toEqual([flores.he[7], '', '1-0', expect.any(String)]);
    }
  });

  it('writes csv with a header, paragraphs with --unit paragraph, and --out whole with nothing on stdout', async () => {
    const csv = await run(['align', hebrewSeed, englishSeed, '--keep-boilerplate', '--format', 'csv']);
    expect(csv.stdout.startsWith('source,target,type,confidence\r\n')).toBe(true);
    expect(csv.stdout.split('\r\n')).toHaveLength(22);
    const paragraphs = await run(['align', hebrewSeed, englishSeed, '--keep-boilerplate', '--unit', 'paragraph']);
    const records = paragraphs.stdout.trimEnd().split('\n').map((line) => line.split('\t'));
    expect(records).toHaveLength(12);
    expect(records.every((record) => record[2] === '1-1')).toBe(true);
    const out = path.join(dataDir, 'aligned.tsv');
    const written = await run(['align', hebrewSeed, englishSeed, '--keep-boilerplate', '--out', out]);
    expect(written.code).toBe(0);
    expect(written.stdout).toBe('');
    expect(readFileSync(out, 'utf8').split('\n')).toHaveLength(21);
  });

  it('keeps segmented sentences exactly as given, escaping tabs and backslashes in tsv', async () => {
    const source = write('odd.he.txt', 'שורה עם\tטאב ולוכסן \\ הפוך.\n');
    const target = write('odd.en.txt', 'A line with a tab and a backslash \\ here.\n');
    const result = await run(['align', source, target, '--segmented']);
    expect(result.stdout).toMatch(/^שורה עם\\tטאב ולוכסן \\\\ הפוך\.\tA line with a tab and a backslash \\\\ here\.\t1-1\t[\d.]+\n$/);
  });

  it('aligns --segmented input exactly as given: boilerplate lines stay, a short line stays one sentence', async () => {
    const source = write('kept.he.txt', `${flores.he[0]}\nטעינו? נתקן!\n`);
    const target = write('kept.en.txt', `${flores.en[0]}\nDid we make a mistake? We'll fix it!\n`);
    const result = await run(['align', source, target, '--segmented']);
    expect(result.code).toBe(0);
    expect(result.stdout.trimEnd().split('\n').map((line) => line.split('\t').slice(0, 3))).toEqual([
      [flores.he[0], flores.en[0], '1-1'],
      ['טעינו? נתקן!', "Did we make a mistake? We'll fix it!", '1-1'],
    ]);
  });

  it('writes the export formats through the app\'s writers: TMX valid against the DTD, Moses as two files of equal length', async () => {
    const prefix = path.join(dataDir, 'seed-000');
    const [tmx, moses] = await Promise.all([
      run(['align', hebrewSeed, englishSeed, '--keep-boilerplate', '--format', 'tmx', '--out', `${prefix}.tmx`]),
      run(['align', hebrewSeed, englishSeed, '--keep-boilerplate', '--format', 'moses', '--out', prefix]),
    ]);
    expect([tmx.code, moses.code, tmx.stderr, moses.stderr]).toEqual([0, 0, '', '']);
    const validation = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', tmxDtd, `${prefix}.tmx`], { encoding: 'utf8' });
    expect(validation.stderr).toBe('');
    expect(readFileSync(`${prefix}.tmx`, 'utf8').match(/<tu[ >]/g)).toHaveLength(20);
    const [he, en] = [readFileSync(`${prefix}.he`, 'utf8'), readFileSync(`${prefix}.en`, 'utf8')].map((text) => text.trimEnd().split('\n'));
    expect(he).toHaveLength(20);
    expect(en).toHaveLength(20);
  });

  it('refuses bad input with one targum: line and a non-zero exit', async () => {
    const files = segmentedPair('he', 'ar');
    const short = write('short.en.txt', 'Only one line.\n');
    const cases: Array<[string[], RegExp]> = [
      [['align', hebrewSeed, englishSeed, '--src-mt', files.sourceEnglish], /^targum: align: --src-mt and --tgt-mt need --segmented input/],
      [['align', files.source, files.target, '--segmented', '--src-mt', short, '--tgt-mt', files.targetEnglish], /^targum: align: --src-mt .*short\.en\.txt has 1 lines for the 10 sentences of SRC; give one line per sentence\n$/],
      [['align', files.source, files.target, '--segmented', '--src-mt', files.sourceEnglish], /^targum: align: --src-mt alone needs an English TGT/],
      [['align', hebrewSeed, englishSeed, '--unit', 'word'], /^targum: align: --unit must be one of sentence, paragraph, not "word"\n$/],
      [['align', hebrewSeed, englishSeed, '--format', 'pdf'], /^targum: align: --format must be one of tsv, csv, json, tmx, xliff, moses, html, docx, not "pdf"\n$/],
      [['align', hebrewSeed], /^targum: align: give two input files, SRC and TGT\n$/],
      [['align', hebrewSeed, englishSeed, '--format', 'moses'], /^targum: align: --format moses needs --out PREFIX/],
      [['align', hebrewSeed, path.join(dataDir, 'missing.txt')], /^targum: .*missing\.txt: no such file\n$/],
      [['align', hebrewSeed, write('digits.txt', '12345\n')], /^targum: align: TGT \(.*digits\.txt\) has no Hebrew, Arabic or English text \(or give --to\)\n$/],
    ];
    const results = await Promise.all(cases.map(([args]) => run(args)));
    results.forEach((result, index) => {
      const [args, message] = cases[index]!;
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    });
  });
});
