import { describe, expect, it } from 'vitest';
import { bilingualFromTranslation, type BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { bilingualWriters, type BilingualFormat, type WriterOptions } from '../../../src/common/formats/bilingual-writers';
import type { TranslatedDocument } from '../../../src/common/formats/translation-output';
import { tmxDtd, xliffSchema, xmllint } from './xmllint';

/** Two sentences with the model's confidence (one corrected after it), one without (translated before confidences existed). */
const article: TranslatedDocument = {
  from: 'ar',
  to: 'en',
  model: 'targum-demo',
  paragraphs: [
    [
      { source: 'غادر المقاتلون الجرود.', translation: 'The fighters left the barrens.', status: 'machine', quality: { confidence: 0.61234, unsure: [{ start: 22, end: 29 }] } },
      {
        source: 'انتهت المعركة.',
        translation: 'The battle ended.',
        status: 'edited',
        machine: 'The fight is over.',
        quality: { confidence: 0.4, unsure: [{ start: 4, end: 9 }] },
      },
      { source: 'صورة: أ ف ب', translation: 'Photo: AFP', status: 'machine' },
    ],
  ],
};
const document = (choices = {}) => bilingualFromTranslation(article, { toolVersion: '0.1.0', createdAt: '2024-03-06T08:00:00.000Z' }, choices);
const write = async (format: BilingualFormat, bilingual: BilingualDocument, options?: WriterOptions) => (await bilingualWriters[format](bilingual, options))[0]!.data as string;

describe("exports carry the model's confidence", () => {
  it('JSON gives each sentence its confidence and unsure words with offsets in the machine English', async () => {
    const json = JSON.parse(await write('json', document())) as { paragraphs: Array<{ sentences: Array<Record<string, unknown>> }> };
    const [first, second, third] = json.paragraphs[0]!.sentences;
    expect(first).toMatchObject({ confidence: 0.612, unsure: [{ word: 'barrens', start: 22, end: 29 }] });
    expect(second).toMatchObject({ translation: 'The battle ended.', machine: 'The fight is over.', confidence: 0.4, unsure: [{ word: 'fight', start: 4, end: 9 }] });
    expect(third).not.toHaveProperty('confidence');
    expect(third).not.toHaveProperty('unsure');
  });

  it('TMX puts it in an x-targum-mt-confidence prop of the tu, and stays valid', async () => {
    const tmx = await write('tmx', document());
    expect(xmllint(tmx, { dtd: tmxDtd })).toBe('');
    expect(tmx.match(/<prop type="x-targum-mt-confidence">[^<]*<\/prop>/g)).toEqual([
      '<prop type="x-targum-mt-confidence">0.612</prop>',
      '<prop type="x-targum-mt-confidence">0.4</prop>',
    ]);
    expect(tmx).not.toContain('"x-targum-confidence"');
  });

  it('XLIFF puts it in a context of the trans-unit, and stays valid', async () => {
    const xliff = await write('xliff', document());
    expect(xliff && xmllint(xliff, { schema: xliffSchema })).toBe('');
    expect(xliff.match(/<context context-type="x-targum-mt-confidence">[^<]*<\/context>/g)).toHaveLength(2);
  });

  it('CSV and TSV add a confidence column only when asked', async () => {
    expect(await write('csv', document())).not.toContain('confidence');
    const csv = (await write('csv', document(), { confidence: true })).split('\r\n');
    expect(csv[0]).toBe('source,translation,status,confidence');
    expect(csv[1]).toMatch(/,machine,0\.612$/);
    expect(csv[3]).toMatch(/,machine,$/);
    const tsv = (await write('tsv', document(), { confidence: true, header: true })).split('\n');
    expect(tsv[0]).toBe('source\ttranslation\tconfidence');
    expect(tsv[2]).toBe('انتهت المعركة.\tThe battle ended.\t0.4');
  });
});
