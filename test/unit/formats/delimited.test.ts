import { describe, expect, it } from 'vitest';
import type { BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { withoutBidiControls } from '../../../src/common/formats/bilingual-text';
import { bilingualWriters, type BilingualFormat, type WriterOptions } from '../../../src/common/formats/bilingual-writers';
import { readTsvPairs } from '../../../src/common/formats/tsv-reader';
import { alignment, essentials, translation } from './sample-documents';

const write = async (format: BilingualFormat, document: BilingualDocument, options?: WriterOptions) => (await bilingualWriters[format](document, options))[0]!.data as string;

/** A small RFC 4180 parser, to read back what the writer quoted. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  const pattern = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r\n|$)/gy;
  let record: string[] = [];
  for (let match = pattern.exec(text); match && match[0] !== ''; match = pattern.exec(text)) {
    const field = match[1]!;
    record.push(field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field);
    if (match[2] !== ',') {
      records.push(record);
      record = [];
    }
  }
  return records;
}

describe('TSV', () => {
  it('writes a translation as docs/cli.md says: source<TAB>translation, escapes, a blank line between paragraphs', async () => {
    const tsv = await write('tsv', translation());
    const lines = tsv.split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[2]).toBe('');
    expect(lines[4]).toBe('שורה\\nשנייה\t');
    expect(lines[0]!.split('\t')).toEqual(['ארגון דאעש מסר היום (חמישי) בקשה לצבא סוריה.', 'ISIS today (Thursday) conveyed a request to the Syrian army.']);
    expect(tsv.endsWith('\t\n')).toBe(true);
  });

  it('writes an alignment as source, target, type and confidence with three decimals', async () => {
    const lines = (await write('tsv', alignment())).split('\n');
    expect(lines[1]).toBe('غادر \u061C500 مقاتل الجرود.\tFighters left the barrens. There were 500 of them.\t1-2\t0.71');
    expect(lines[0]!.endsWith('\t1-1\t0.935')).toBe(true);
    expect(lines[2]).toBe('لمزيد من الأخبار اشترك الآن.\t\t1-0\t0.4');
    expect(lines[3]).toBe('\tPhoto: AFP\t0-1\t0.5');
  });

  it('reads back what it wrote, with or without a header row', async () => {
    for (const document of [translation(), alignment()]) {
      for (const header of [false, true]) {
        const read = readTsvPairs(await write('tsv', document, { header, byteOrderMark: header }));
        expect(read.sourceLanguage).toBe(document.sourceLanguage);
        expect(read.targetLanguage).toBe('en');
        expect(read.kind).toBe(document.kind);
        expect(read.units.map(({ source, target, paragraph }) => ({ source, target, paragraph }))).toEqual(
          // An alignment's TSV has no blank lines, so each line reads as its own paragraph.
          withoutBidiControls(document).units.map(({ source, target, paragraph }, index) => ({ source, target, paragraph: document.kind === 'alignment' ? index : paragraph })),
        );
      }
    }
    const aligned = readTsvPairs(await write('tsv', alignment()));
    expect(aligned.units.map((unit) => unit.link)).toEqual(essentials(alignment()).map((unit) => unit.link));
  });

  it('takes a first line as a header only when every field is a column name of its own (not "toString")', () => {
    const read = readTsvPairs('source\ttoString\nשלום עולם\thello world\nבוקר טוב\tgood morning\n', { from: 'he', to: 'en' });
    expect(read.units.map((unit) => [unit.source, unit.target])).toEqual([
      ['source', 'toString'],
      ['שלום עולם', 'hello world'],
      ['בוקר טוב', 'good morning'],
    ]);
  });

  it('refuses a file without tabs, an empty one, and one whose languages it cannot tell', () => {
    expect(() => readTsvPairs('שלום\tHello\nno tab here\n')).toThrow(/^Line 2 of this TSV file has no tab/);
    expect(() => readTsvPairs('\n\n')).toThrow(/^This TSV file is empty\.$/);
    expect(() => readTsvPairs('source\ttranslation\n')).toThrow(/^This TSV file has a header row but no pairs\.$/);
    expect(() => readTsvPairs('Bonjour\tHello\n')).toThrow(/^The columns of this TSV file hold English and English/);
    expect(() => readTsvPairs('123\t456\n')).toThrow(/hold no Hebrew, Arabic or English and no Hebrew, Arabic or English/);
    expect(readTsvPairs('Bonjour\tHello\n', { from: 'he', to: 'en' }).units).toHaveLength(1);
  });
});

describe('CSV', () => {
  it('quotes as RFC 4180 says, with a header row and CRLF line ends, and reads back field for field', async () => {
    const csv = await write('csv', translation());
    expect(csv.startsWith('source,translation,status\r\n')).toBe(true);
    expect(csv).toContain('"""Operation"" & <Dawn> \'new\' in \u200E2017 — AT&T said ""a < b > c""",edited\r\n');
    expect(csv).toContain('"שורה\nשנייה",,machine\r\n');
    expect(parseCsv(csv)).toEqual([
      ['source', 'translation', 'status'],
      ...withoutBidiControls(translation()).units.map((unit) => [unit.source, unit.target, unit.status]),
    ]);
    expect(parseCsv(await write('csv', alignment()))[2]).toEqual(['غادر \u061C500 مقاتل الجرود.', 'Fighters left the barrens. There were 500 of them.', '1-2', '0.71']);
  });

  it('starts with a byte-order mark only when asked (spreadsheets need it to see UTF-8)', async () => {
    expect((await write('csv', translation(), { byteOrderMark: true })).startsWith('\uFEFFsource,')).toBe(true);
    expect((await write('csv', translation())).startsWith('source,')).toBe(true);
  });
});

describe('Moses', () => {
  it('writes two files with the same number of lines, one line per unit, line breaks inside a unit replaced', async () => {
    for (const document of [translation(), alignment()]) {
      const [source, target] = await bilingualWriters.moses(document);
      expect([source!.extension, target!.extension]).toEqual([document.sourceLanguage, document.targetLanguage]);
      const sourceLines = (source!.data as string).split('\n');
      const targetLines = (target!.data as string).split('\n');
      expect(sourceLines).toHaveLength(document.units.length + 1);
      expect(targetLines).toHaveLength(document.units.length + 1);
    }
    const [source, target] = await bilingualWriters.moses(translation());
    expect((source!.data as string).split('\n')[3]).toBe('שורה שנייה');
    expect((target!.data as string).split('\n')[3]).toBe('');
  });
});

describe('plain text and JSON', () => {
  it('txt is the translation only, a blank line between paragraphs; interleaved puts each translation under its source', async () => {
    expect(await write('txt', translation())).toBe(
      'ISIS today (Thursday) conveyed a request to the Syrian army. "Operation" & <Dawn> \'new\' in \u200E2017 — AT&T said "a < b > c"\n\nLebanese army forces advance in the battle against ISIS.\n',
    );
    const interleaved = await write('interleaved', translation());
    expect(interleaved.startsWith('דאעש מבקש לסגת / "קלמון" \u200E(2017)\n\nארגון דאעש מסר היום (חמישי) בקשה לצבא סוריה.\nISIS today (Thursday) conveyed a request to the Syrian army.\nNote: דאעש — ISIS (Arabic acronym)\n\n')).toBe(true);
  });

  it('json follows docs/cli.md for a translation and an alignment, and adds what docs/formats.md documents', async () => {
    const json = JSON.parse(await write('json', translation()));
    expect(json).toMatchObject({ version: 1, from: 'he', to: 'en', model: 'targum-tiny-mul-en', title: 'דאעש מבקש לסגת / "קלמון" \u200E(2017)', outlet: 'ישראל היום', segtype: 'sentence', tool: { name: 'Targum', version: '0.1.0' } });
    expect(json.paragraphs).toHaveLength(2);
    expect(json.paragraphs[0].sentences[0]).toEqual({
      source: 'ארגון דאעש מסר היום (חמישי) בקשה לצבא סוריה.',
      translation: 'ISIS today (Thursday) conveyed a request to the Syrian army.',
      status: 'confirmed',
      machine: 'ISIS today (Thursday) conveyed request to the army of Syria.',
      confirmed: '2024-03-05T10:20:30.000Z',
      notes: ['דאעש — ISIS (Arabic acronym)'],
    });
    const links = JSON.parse(await write('json', alignment())).links;
    expect(links[1]).toEqual({ source: ['غادر \u061C500 مقاتل الجرود.'], target: ['Fighters left the barrens.', 'There were 500 of them.'], type: '1-2', confidence: 0.71, status: 'edited', paragraph: 0 });
    expect(links[3]).toMatchObject({ source: [], target: ['Photo: AFP'], type: '0-1' });
  });
});
