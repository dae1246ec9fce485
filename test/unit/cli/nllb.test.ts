import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runTargum } from '../../support/cli';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-cli-nllb-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
vi.setConfig({ testTimeout: 120_000 });

const nllbFolder = path.resolve('test/fixtures/models/targum-tiny-nllb');
const rows = readFileSync(path.join(nllbFolder, 'phrasebook.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split('\t') as [language: 'he' | 'ar', source: string, english: string]);

/** Translates one sentence a line and gives back the translations, one a line. */
async function translateLines(lines: string[], from: string, to: string, model: string): Promise<string[]> {
  const result = await runTargum(['translate', '-', '--segmented', '--model', model, '--from', from, '--to', to, '--format', 'tsv'], { dataDir, input: lines.join('\n') });
  expect(result.stderr).toBe('');
  return result.stdout.trimEnd().split('\n').map((line) => line.split('\t')[1]!);
}

describe('an NLLB-200 model (the tiny fixture, through the path a downloaded NLLB model takes)', () => {
  it('lists as an nllb model translating Hebrew, Arabic and English both ways once imported', async () => {
    expect((await runTargum(['models', 'import', nllbFolder, '--id', 'nllb-tiny'], { dataDir })).code).toBe(0);
    const listed = JSON.parse((await runTargum(['models', 'list', '--json'], { dataDir })).stdout);
    expect(listed.models.find((model: { id: string }) => model.id === 'nllb-tiny')).toMatchObject({ family: 'nllb', from: ['he', 'ar', 'en'], to: ['he', 'ar', 'en'] });
  });

  for (const language of ['he', 'ar'] as const) {
    const pairs = rows.filter(([rowLanguage]) => rowLanguage === language);
    it(`translates its ${language} phrasebook into English exactly, and its English back into ${language}`, async () => {
      expect(pairs.length).toBeGreaterThanOrEqual(20);
      expect(await translateLines(pairs.map(([, source]) => source), language, 'en', 'nllb-tiny')).toEqual(pairs.map(([, , english]) => english));
      expect(await translateLines(pairs.map(([, , english]) => english), 'en', language, 'nllb-tiny')).toEqual(pairs.map(([, source]) => source));
    });
  }
});
