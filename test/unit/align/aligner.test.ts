import { describe, expect, it } from 'vitest';
import { alignTexts, defaultAlignmentModel } from '../../../src/common/align/align-texts';
import { documentLexicon, sentenceWords } from '../../../src/common/align/document-lexicon';
import { anchorKeys } from '../../../src/common/align/anchors';
import { chrF, mergeProfiles, ngramProfile } from '../../../src/common/align/char-ngrams';
import { lengthModelFor, textLength } from '../../../src/common/align/length-model';
import { linkType } from '../../../src/common/align/types';
import { alignmentOfText, bilingualFromAlignment } from '../../../src/common/formats/bilingual-document';
import { bilingualWriters } from '../../../src/common/formats/bilingual-writers';
import { buildDocument, readFlores, scoreLinks, seededRandom } from './flores-documents';
import type { TextLanguage } from '../../../src/common/text/language';

const flores = readFlores();

describe('anchors', () => {
  it('unify Eastern and Western digits and thousands separators, and read dates and weekdays in three languages', () => {
    const keys = (text: string, language: TextLanguage) => anchorKeys(text, language).filter((key) => !/^(name|latin):/.test(key));
    expect(keys('قتل ١٬٥٠٠ شخص يوم الاثنين ٣ آب؟', 'ar')).toEqual(['number:1500', 'number:3', 'day:1', 'month:8', 'question:?']);
    expect(keys('1,500 people were killed on Monday, August 3?', 'en')).toEqual(['number:1500', 'number:3', 'day:1', 'month:8', 'question:?']);
    expect(keys('1,500 בני אדם נהרגו ביום שני, 3 באוגוסט?', 'he')).toEqual(['number:1500', 'number:3', 'day:1', 'month:8', 'question:?']);
    // Lower-case "may" is a verb, צה"ל an acronym, not a quotation.
    expect(keys('Prices may rise.', 'en')).toEqual([]);
    expect(keys('דובר צה"ל אמר', 'he')).toEqual([]);
  });

  it('keep colons, semicolons, dashes and per cent, whatever the language writes them with', () => {
    const marks = (text: string, language: TextLanguage) => anchorKeys(text, language).filter((key) => /^(number|mark):/.test(key)).sort();
    const english = marks('Turnout was 40 percent; the minister said: "too low" — and left at 10:30.', 'en');
    expect(english).toEqual(['mark:colon', 'mark:dash', 'mark:percent', 'mark:semicolon', 'number:10', 'number:30', 'number:40']);
    expect(marks('שיעור ההצבעה היה 40 אחוז; השר אמר: "נמוך מדי" — ועזב ב-10:30.', 'he')).toEqual(english);
    expect(marks('بلغت نسبة المشاركة ٤٠ بالمئة؛ وقال الوزير: "منخفضة جدا" — وغادر في ١٠:٣٠.', 'ar')).toEqual(english);
  });

  it('write a name the same way in every script', () => {
    const names = (text: string, language: TextLanguage) => anchorKeys(text, language).filter((key) => key.startsWith('name:'));
    expect(names('The game publisher Konami', 'en')).toContain('name:KNM');
    expect(names('מו"ל המשחק, חב\' קונאמי', 'he')).toContain('name:KNM');
    expect(names('شركة كونامي', 'ar')).toContain('name:KNM');
    expect(names('Alex Ovechkin of the Washington Capitals', 'en')).toEqual(expect.arrayContaining(['name:BSKN', 'name:SNKTN']));
    expect(names("אלכס אובצ'קין מוושינגטון קפיטלס", 'he')).toEqual(expect.arrayContaining(['name:BSKN', 'name:SNKTN']));
  });
});

describe('document lexicon', () => {
  const sure = (source: number, target: number, confidence = 0.99) => ({ source: [source], target: [target], confidence });

  it('pairs words repeated together in the links a first alignment is sure of, and nothing else', () => {
    const source = [['ماء', 'بارد'], ['ماء', 'ساخن'], ['ماء', 'نهر'], ['جبل']].map((words) => words.map((word) => sentenceWords(word, 'ar')[0]!));
    const target = [['water', 'cold'], ['water', 'hot'], ['water', 'river'], ['mountain']];
    const lexicon = documentLexicon(source, target, [sure(0, 0), sure(1, 1), sure(2, 2), sure(3, 3)], defaultAlignmentModel.lexicon);
    // ماء and water, together in three links of three: one learned pair, found in the first three sentences of each side.
    expect(new Set(lexicon.source.flat()).size).toBe(1);
    expect(lexicon.source.map((keys) => keys.length)).toEqual([1, 1, 1, 0]);
    expect(lexicon.target).toEqual(lexicon.source);
    // Links the first alignment is unsure of teach nothing.
    expect(documentLexicon(source, target, [sure(0, 0, 0.5), sure(1, 1, 0.5), sure(2, 2), sure(3, 3)], defaultAlignmentModel.lexicon).source.flat()).toEqual([]);
  });

  it('reads words folded, without their prefixes, once each', () => {
    expect(sentenceWords('والماء والماء في النهر.', 'ar')).toEqual(['ماء', 'نهر']);
    expect(sentenceWords('והמים בנהר', 'he')).toEqual(['מים', 'נהר']);
    expect(sentenceWords('The Water, the water.', 'en')).toEqual(['the', 'water']);
  });
});

describe('length model', () => {
  it('keeps the constants measured on FLORES-200 dev (ratio of totals, variance per character)', () => {
    for (const [from, to] of [['he', 'en'], ['ar', 'en'], ['he', 'ar'], ['en', 'he'], ['en', 'ar'], ['ar', 'he']] as Array<[TextLanguage, TextLanguage]>) {
      const source = flores[from].map(textLength);
      const target = flores[to].map(textLength);
      const ratio = target.reduce((a, b) => a + b) / source.reduce((a, b) => a + b);
      const variance = source.reduce((sum, length, index) => sum + (target[index]! - ratio * length) ** 2 / length, 0) / source.length;
      expect(lengthModelFor(from, to).ratio).toBeCloseTo(ratio, 2);
      expect(lengthModelFor(from, to).variance / variance).toBeGreaterThan(0.98);
      expect(lengthModelFor(from, to).variance / variance).toBeLessThan(1.02);
    }
  });
});

describe('chrF', () => {
  it('is 1 for the same text, high for a translation missing a word, low for another sentence', () => {
    const reference = ngramProfile(flores.en[0]!);
    expect(chrF(reference, ngramProfile(flores.en[0]!.toUpperCase()))).toBe(1);
    expect(chrF(reference, ngramProfile(flores.en[0]!.replace(' new ', ' ')))).toBeGreaterThan(0.9);
    expect(chrF(reference, ngramProfile(flores.en[1]!))).toBeLessThan(0.45);
    const pair = mergeProfiles(ngramProfile(flores.en[0]!), ngramProfile(flores.en[1]!));
    expect(chrF(pair, ngramProfile(`${flores.en[0]} ${flores.en[1]}`))).toBeGreaterThan(0.98);
  });
});

describe('alignTexts', () => {
  it('aligns whole documents whose paragraphs are cut differently on each side', () => {
    const document = buildDocument(flores, 'he', 'en', Array.from({ length: 997 }, (_, line) => line), 1);
    const sentences = document.target.flat();
    const random = seededRandom(5);
    const recut: string[][] = [];
    for (let start = 0; start < sentences.length; ) {
      const size = 2 + Math.floor(random() * 6);
      recut.push(sentences.slice(start, (start += size)));
    }
    for (const target of [recut, [sentences]]) {
      const aligned = alignTexts({ language: 'he', paragraphs: document.source }, { language: 'en', paragraphs: target });
      const { f1 } = scoreLinks(aligned.links, document.links);
      console.log(`he→en with the English in ${target.length} paragraph(s) against ${document.source.length}: F1=${f1.toFixed(4)}`);
      expect(f1).toBeGreaterThanOrEqual(0.93);
    }
  }, 120_000);

  it('links every sentence of an empty side as a deletion, and refuses a translation of the wrong length', () => {
    const aligned = alignTexts({ language: 'he', paragraphs: [] }, { language: 'en', paragraphs: [[flores.en[0]!, flores.en[1]!]] });
    expect(aligned.links.map(linkType)).toEqual(['0-1', '0-1']);
    expect(() => alignTexts({ language: 'he', paragraphs: [[flores.he[0]!]], translation: [] }, { language: 'en', paragraphs: [[flores.en[0]!]] })).toThrow(
      /0 translated lines for 1 sentences/,
    );
  });

  it('aligns paragraphs as units with --unit paragraph, and writes tsv, csv and json as cli.md says', async () => {
    const source = [[flores.he[0]!, flores.he[1]!], [flores.he[2]!]];
    const target = [[flores.en[0]!, flores.en[1]!], [flores.en[2]!]];
    const paragraphs = alignTexts({ language: 'he', paragraphs: source }, { language: 'en', paragraphs: target }, { unit: 'paragraph' });
    expect(paragraphs.source).toEqual([`${flores.he[0]} ${flores.he[1]}`, flores.he[2]]);
    expect(paragraphs.links.map((link) => [link.source, link.target])).toEqual([
      [[0], [0]],
      [[1], [1]],
    ]);
    const aligned = { from: 'he' as const, to: 'en' as const, unit: 'sentence' as const, source: ['א\tב', 'ג'], target: ['A "b", c'], links: [{ source: [0, 1], target: [0], confidence: 0.98765 }] };
    const document = bilingualFromAlignment(alignmentOfText(aligned), { toolVersion: 'test' });
    const written = async (format: 'tsv' | 'csv' | 'json') => (await bilingualWriters[format](document))[0]!.data as string;
    expect(await written('tsv')).toBe('א\\tב ג\tA "b", c\t2-1\t0.988\n');
    expect(await written('csv')).toBe('source,target,type,confidence\r\nא\tב ג,"A ""b"", c",2-1,0.988\r\n');
    expect(JSON.parse(await written('json'))).toMatchObject({ version: 1, from: 'he', to: 'en', links: [{ source: ['א\tב', 'ג'], target: ['A "b", c'], type: '2-1', confidence: 0.988 }] });
  });
});
