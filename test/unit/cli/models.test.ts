import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runTargum } from '../../support/cli';

const workDir = mkdtempSync(path.join(os.tmpdir(), 'targum-cli-models-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));
vi.setConfig({ testTimeout: 120_000 });

interface PhrasebookRow {
  language: string;
  source: string;
  english: string;
}

function readPhrasebook(folder: string): PhrasebookRow[] {
  return readFileSync(path.join(folder, 'phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [language, source, english] = line.split('\t');
      return { language: language!, source: source!, english: english! };
    });
}

/** A copy of the damaged-q8 model under a name that does not say its languages, as users' folders often are. */
function damagedModelCopy(): string {
  const folder = path.join(mkdtempSync(path.join(workDir, 'copy-')), 'my-model');
  cpSync(path.resolve('test/fixtures/models/targum-tiny-damaged-q8'), folder, { recursive: true });
  return folder;
}

const hebrewRows = (rows: PhrasebookRow[]) => rows.filter((row) => row.language === 'he');

describe('a model folder that does not name its languages', () => {
  it('translates the direction given with --from and --to, and the import records it', async () => {
    const folder = damagedModelCopy();
    const dataDir = mkdtempSync(path.join(workDir, 'data-'));
    const rows = hebrewRows(readPhrasebook(folder)).slice(0, 4);
    const input = rows.map((row) => row.source).join('\n');
    const translated = await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'he', '--to', 'en', '--dtype', 'fp32'], { dataDir, input });
    expect(translated.stderr).toBe('');
    expect(translated.stdout).toBe(`${rows.map((row) => row.english).join(' ')}\n`);

    const refused = await runTargum(['models', 'import', folder], { dataDir });
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toBe(`targum: cannot tell which languages ${folder} translates (its vocabulary suggests he/ar→en): give its direction, as with --from ar --to en\n`);

    const imported = await runTargum(['models', 'import', folder, '--from', 'ar', '--to', 'en'], { dataDir });
    expect(imported.code).toBe(0);
    // Its q8 files are damaged: the check that runs on import says so.
    expect(imported.stderr).toMatch(/\ntargum: note: my-model translates with fp32: its q8 files depart from its fp32 files/);
    const manifest = JSON.parse(readFileSync(path.join(dataDir, 'models', 'my-model', 'targum-model.json'), 'utf8'));
    expect(manifest).toMatchObject({ id: 'my-model', from: ['ar'], to: ['en'], source: 'imported' });
    const listed = JSON.parse((await runTargum(['models', 'list', '--json'], { dataDir })).stdout);
    expect(listed.models.find((model: { id: string }) => model.id === 'my-model')).toMatchObject({ from: ['ar'], to: ['en'] });
  });
});

describe('the precision of a model', () => {
  it('switches a model whose q8 files are damaged to fp32 by itself, says why once, and then translates its phrasebook exactly', async () => {
    const folder = damagedModelCopy();
    const dataDir = mkdtempSync(path.join(workDir, 'data-'));
    const rows = hebrewRows(readPhrasebook(folder));
    const input = rows.map((row) => row.source).join('\n');
    const expected = `${rows.map((row) => row.english).join(' ')}\n`;

    const q8 = await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'he', '--dtype', 'q8'], { dataDir, input });
    expect(q8.code).toBe(0);
    expect(q8.stdout).not.toBe(expected);

    const first = await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'he'], { dataDir, input });
    expect(first.stderr).toMatch(/^targum: note: my-model translates with fp32: its q8 files depart from its fp32 files \(chrF \d+ on Targum's check sentences, under 50\)\n$/);
    expect(first.stdout).toBe(expected);
    const json = JSON.parse((await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'he', '--format', 'json'], { dataDir, input: rows[0]!.source })).stdout);
    expect(json.paragraphs[0].sentences[0].translation).toBe(rows[0]!.english);

    const again = await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'he'], { dataDir, input });
    expect(again.stderr).toBe('');
    expect(again.stdout).toBe(expected);
    const arabic = readPhrasebook(folder).filter((row) => row.language === 'ar');
    const arabicResult = await runTargum(['translate', '-', '--segmented', '--model', folder, '--from', 'ar'], { dataDir, input: arabic.map((row) => row.source).join('\n') });
    expect(arabicResult.stderr).toBe('');
    expect(arabicResult.stdout).toBe(`${arabic.map((row) => row.english).join(' ')}\n`);
  });

  it('keeps q8 for the demo model, whose q8 files agree with its fp32 files', async () => {
    const dataDir = mkdtempSync(path.join(workDir, 'data-'));
    const result = await runTargum(['translate', '-', '--from', 'he'], { dataDir, input: 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש // צילום: אי.אף.פי' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe('Lebanese army forces advance in the battle against ISIS // Photo: AFP\n');
    const checks = JSON.parse(readFileSync(path.join(dataDir, 'model-precision.json'), 'utf8'));
    expect(checks[path.resolve('resources/models/targum-demo')].checked).toMatchObject({ dtype: 'q8' });
    expect(checks[path.resolve('resources/models/targum-demo')].checked.agreement).toBeGreaterThanOrEqual(50);
  });

  it('refuses a precision it does not know', async () => {
    const dataDir = mkdtempSync(path.join(workDir, 'data-'));
    writeFileSync(path.join(dataDir, 'in.txt'), 'שלום');
    const result = await runTargum(['translate', path.join(dataDir, 'in.txt'), '--dtype', 'int4'], { dataDir });
    expect(result.stderr).toBe('targum: translate: --dtype must be one of fp32, q8, not "int4"\n');
  });
});
