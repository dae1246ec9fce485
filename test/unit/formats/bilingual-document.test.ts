import { describe, expect, it } from 'vitest';
import { alignmentOfText, bilingualFromAlignment } from '../../../src/common/formats/bilingual-document';
import { strFromU8, unzipSync } from 'fflate';
import { bilingualFormats, bilingualWriters, exportBilingual } from '../../../src/common/formats/bilingual-writers';
import { RLM, alignment, translation } from './sample-documents';

describe('bilingual documents from a translated article', () => {
  it('takes the corrected English by default and keeps the raw machine translation only where it differs', () => {
    const document = translation();
    expect(document).toMatchObject({ kind: 'translation', sourceLanguage: 'he', targetLanguage: 'en', segtype: 'sentence', model: 'targum-tiny-mul-en', outlet: 'ישראל היום' });
    expect(document.units.map((unit) => [unit.status, unit.machine !== undefined, unit.paragraph])).toEqual([
      ['confirmed', true, 0],
      ['edited', true, 0],
      ['machine', false, 1],
      ['machine', false, 1],
    ]);
    expect(document.units[0]!.confirmedAt).toBe('2024-03-05T10:20:30.000Z');
  });

  it('takes the raw machine translation when asked, as machine segments', () => {
    const document = translation({ text: 'machine' });
    expect(document.units[0]).toMatchObject({ target: 'ISIS today (Thursday) conveyed request to the army of Syria.', status: 'machine' });
    expect(document.units[0]!.machine).toBeUndefined();
    expect(document.units[0]!.confirmedAt).toBeUndefined();
    expect(document.units[2]!.target).toBe(translation().units[2]!.target);
  });

  it('leaves out unconfirmed segments and glosses when asked', () => {
    const document = translation({ unconfirmed: false, notes: false });
    expect(document.units).toHaveLength(1);
    expect(document.units[0]).toMatchObject({ status: 'confirmed', notes: [] });
  });

  it('joins a paragraph’s sentences at paragraph level, with the lowest status and every note', () => {
    const document = translation({ level: 'paragraph' });
    expect(document.segtype).toBe('paragraph');
    expect(document.units).toHaveLength(2);
    const [first, second] = document.units;
    expect(first!.source).toBe(`${translation().units[0]!.source} ${translation().units[1]!.source}`);
    expect(first).toMatchObject({ status: 'edited', confirmedAt: undefined, notes: ['דאעש — ISIS (Arabic acronym)'] });
    expect(first!.machine).toBe('ISIS today (Thursday) conveyed request to the army of Syria. Operation & Dawn new');
    expect(second!.target).toBe('Lebanese army forces advance in the battle against \u202AISIS\u202C.');
    expect(second!.machine).toBeUndefined();
  });
});

describe('bilingual documents from an alignment', () => {
  it('joins a side of several sentences with one space and leaves the empty side of 1-0 and 0-1 empty', () => {
    const document = alignment();
    expect(document.units.map((unit) => [unit.source === '', unit.target])).toEqual([
      [false, 'The Lebanese army announced the end of the battle.'],
      [false, 'Fighters left the barrens. There were 500 of them.'],
      [false, ''],
      [true, 'Photo: AFP'],
    ]);
    expect(document.units.map((unit) => unit.status)).toEqual(['edited', 'edited', 'edited', 'confirmed']);
  });

  it('joins links by paragraph at paragraph level, adding up sentences and keeping the lowest confidence', () => {
    const document = bilingualFromAlignment(
      { from: 'he', to: 'ar', links: [{ source: ['א.'], target: ['ب.'], confidence: 0.9, paragraph: 0 }, { source: ['ג.', 'ד.'], target: ['ج.'], confidence: 0.6, paragraph: 0 }, { source: ['ה.'], target: [], confidence: 0.3 }] },
      { toolVersion: '0.1.0' },
      { level: 'paragraph' },
    );
    expect(document.units.map(({ source, target, paragraph, link }) => ({ source, target, paragraph, link }))).toEqual([
      { source: 'א. ג. ד.', target: 'ب. ج.', paragraph: 0, link: { sourceSentences: ['א.', 'ג.', 'ד.'], targetSentences: ['ب.', 'ج.'], confidence: 0.6 } },
      { source: 'ה.', target: '', paragraph: 1, link: { sourceSentences: ['ה.'], targetSentences: [], confidence: 0.3 } },
    ]);
  });
});

describe('bilingual documents from the aligner', () => {
  it('turns links by sentence index into links of sentences, 1-2 and 0-1 included', () => {
    const alignment = alignmentOfText({
      from: 'he',
      to: 'en',
      unit: 'sentence',
      source: ['א.', 'ב.'],
      target: ['A.', 'B1.', 'B2.', 'Extra.'],
      links: [
        { source: [0], target: [0], confidence: 0.9 },
        { source: [1], target: [1, 2], confidence: 0.8 },
        { source: [], target: [3], confidence: 0.2 },
      ],
    });
    const document = bilingualFromAlignment(alignment, { toolVersion: '0.1.0' });
    expect(document.units.map(({ source, target, paragraph }) => [source, target, paragraph])).toEqual([
      ['א.', 'A.', 0],
      ['ב.', 'B1. B2.', 1],
      ['', 'Extra.', 2],
    ]);
  });
});

describe('exporting', () => {
  it('names files from the title, and Moses files by language', async () => {
    const [tmx] = await exportBilingual(translation(), 'tmx');
    expect(tmx).toMatchObject({ name: "דאעש מבקש לסגת - 'קלמון' (2017).tmx", mimeType: 'application/x-tmx+xml' });
    expect((await exportBilingual(alignment(), 'moses')).map((file) => file.name)).toEqual(['انسحاب مسلحي داعش من القلمون.ar', 'انسحاب مسلحي داعش من القلمون.en']);
  });

  it('writes no embedding, override or isolate control in any format, and keeps direction marks', async () => {
    for (const format of bilingualFormats) {
      const files = await bilingualWriters[format](translation());
      const text = files.map((file) => (typeof file.data === 'string' ? file.data : strFromU8(unzipSync(file.data)['word/document.xml']!))).join('');
      expect(text, format).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      if (format !== 'txt') expect(text, format).toContain(`${RLM}2017${RLM}`);
    }
  });

  it('reports progress in chunks and pauses between them so that a screen can repaint', async () => {
    const base = translation();
    const large = { ...base, units: Array.from({ length: 4500 }, (_, index) => ({ ...base.units[index % 4]!, paragraph: Math.floor(index / 3) })) };
    for (const format of ['tmx', 'xliff', 'csv', 'html'] as const) {
      const reports: Array<[number, number]> = [];
      let pauses = 0;
      await bilingualWriters[format](large, { onProgress: (done, total) => reports.push([done, total]), pause: async () => void pauses++ });
      expect(reports, format).toEqual([
        [2000, 4500],
        [4000, 4500],
        [4500, 4500],
      ]);
      expect(pauses, format).toBe(2);
    }
  });
});
