/**
 * Links of three (3-1, 1-3, 2-2) through every export format: the writers label them with their type
 * and keep every sentence; the formats that can be read back (TSV, TMX, XLIFF) give the same links.
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bilingualFromAlignment, type BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { bilingualWriters, type BilingualFormat } from '../../../src/common/formats/bilingual-writers';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { readTsvPairs } from '../../../src/common/formats/tsv-reader';
import { readXliff } from '../../../src/common/formats/xliff-reader';
import { essentials } from './sample-documents';

const he = ['הצבא הודיע על סיום הקרב.', 'הלוחמים עזבו.', 'הם היו 500.', 'הגשם ירד כל הלילה.', 'הדרכים נסגרו.'];
const en = ['The army announced the end of the battle, and the fighters, 500 of them, left.', 'It rained.', 'All night long.', 'The rain fell all night.', 'The roads were closed.'];

const linksOfThree = (): BilingualDocument =>
  bilingualFromAlignment(
    {
      from: 'he',
      to: 'en',
      links: [
        { source: he.slice(0, 3), target: en.slice(0, 1), confidence: 0.91, paragraph: 0 },
        { source: he.slice(3, 4), target: en.slice(1, 3), confidence: 0.62, paragraph: 0 },
        { source: ['אחד.'], target: ['One.', 'Two.', 'Three.'], confidence: 0.8, paragraph: 1 },
        { source: he.slice(3, 5), target: en.slice(3, 5), confidence: 0.77, paragraph: 1 },
      ],
    },
    { title: 'links of three', toolVersion: '0.1.0', createdAt: '2024-03-06T08:00:00.000Z' },
  );

const types = ['3-1', '1-2', '1-3', '2-2'];
const text = async (format: BilingualFormat) => (await bilingualWriters[format](linksOfThree()))[0]!.data as string;

describe('links of three in every export format', () => {
  it('tsv, csv and json give each link its type and all its sentences', async () => {
    const tsv = (await text('tsv')).trimEnd().split('\n').map((line) => line.split('\t'));
    expect(tsv.map((record) => record[2])).toEqual(types);
    expect(tsv[0]![0]).toBe(he.slice(0, 3).join(' '));
    const csv = (await text('csv')).split('\r\n');
    expect(csv.slice(1, 5).map((record) => /,(\d-\d),[\d.]+$/.exec(record)?.[1])).toEqual(types);
    const json = JSON.parse(await text('json')).links;
    expect(json.map((link: { type: string }) => link.type)).toEqual(types);
    expect(json[0].source).toEqual(he.slice(0, 3));
    expect(json[2].target).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('tsv, tmx and xliff read back the same links', async () => {
    const expected = essentials(linksOfThree()).map((unit) => unit.link);
    expect(readTsvPairs(await text('tsv')).units.map((unit) => unit.link)).toEqual(expected);
    expect(essentials(readTmx(await text('tmx'))).map((unit) => unit.link)).toEqual(expected);
    expect(essentials(readXliff(await text('xliff'))).map((unit) => unit.link)).toEqual(expected);
  });

  it('moses writes one line per link on each side; html and docx label each link with its type', async () => {
    const files = await bilingualWriters.moses(linksOfThree());
    const lines = files.map((file) => (file.data as string).trimEnd().split('\n'));
    expect(lines.map((side) => side.length)).toEqual([4, 4]);
    expect(lines[0]![0]).toBe(he.slice(0, 3).join(' '));
    const html = await text('html');
    for (const type of types) expect(html).toContain(`${type} · `);
    const docx = (await bilingualWriters.docx(linksOfThree()))[0]!.data as Uint8Array;
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    for (const type of types) expect(xml).toContain(`${type} · `);
    expect(xml).toContain('One.');
  });
});
