import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bilingualLexicon, dictionaryKeys } from '../../../src/common/align/bilingual-lexicon';
import { sentenceWords as words } from '../../../src/common/align/document-lexicon';
import { cldrLinesPath, parseCldrLines } from '../../../scripts/align/cldr-lines';
import { extractCldrLines, type PackageReader } from '../../../scripts/align/extract-cldr-lines';
import { learnLexicon, learnWordPairs, shippedLexiconPath, shippedLexiconText } from '../../../scripts/align/learn-lexicon';
import { readFlores } from './flores-documents';

const flores = readFlores();
const noFlores: typeof flores = { he: [], ar: [], en: [] };

describe('the bilingual lexicon Targum ships', () => {
  it('is what scripts/align/learn-lexicon.ts learns from the FLORES-200 dev lines and the CLDR lines', () => {
    expect(readFileSync(shippedLexiconPath, 'utf8')).toBe(shippedLexiconText(flores));
  }, 60_000);

  it('pairs words that translate each other, and leaves numbers and names to the other anchors', () => {
    const pairs = new Set(bilingualLexicon['he-en']!.map(([he, en]) => `${he} ${en}`));
    // מים/water, ספר/book, cut to the lexicon's four letters.
    expect(pairs).toContain('מים wate');
    for (const [name, list] of Object.entries(bilingualLexicon)) {
      expect(list!.length, name).toBeGreaterThan(500);
      expect(list!.filter(([a, b]) => /\d/.test(a + b)), name).toEqual([]);
    }
  });

  it('matches a word pair whatever prefixes and endings the words carry, in both directions', () => {
    const pairs = { 'he-ar': [['מים', 'مياه']] as Array<[string, string]> };
    // Hebrew "and the water", Arabic "the water", and a sentence without it.
    const [hebrew, none] = dictionaryKeys(pairs, 'he', 'ar', 'source', [words('והמים קרים', 'he'), words('אין כאן דבר', 'he')]);
    expect(hebrew).toHaveLength(1);
    expect(none).toEqual([]);
    expect(dictionaryKeys(pairs, 'he', 'ar', 'target', [words('المياه باردة', 'ar')])).toEqual([hebrew]);
    expect(dictionaryKeys(pairs, 'ar', 'he', 'target', [words('והמים קרים', 'he')])).toEqual([hebrew]);
    expect(dictionaryKeys(pairs, 'he', 'en', 'source', [words('והמים קרים', 'he')])).toEqual([[]]);
  });

  it('gives words joined through other pairs one key, so that any form of one matches any form of the other', () => {
    const pairs = { 'he-en': [['חדש', 'new'], ['חדשו', 'new'], ['חדשו', 'news'], ['ספר', 'book']] as Array<[string, string]> };
    const [news, book] = dictionaryKeys(pairs, 'he', 'en', 'target', [words('news', 'en'), words('book', 'en')]);
    expect(dictionaryKeys(pairs, 'he', 'en', 'source', [words('חדש', 'he'), words('חדשות', 'he')])).toEqual([news, news]);
    expect(book).not.toEqual(news);
  });

  it('learns pairs that both directions agree on from line-aligned text', () => {
    const lines = (language: 'he' | 'en') => Array.from({ length: 300 }, (_, line) => flores[language][line]!);
    const learned = learnWordPairs(lines('he'), lines('en'), 'he', 'en');
    expect(learned.length).toBeGreaterThan(200);
    expect(learned.every(([he, en]) => /^[\u05D0-\u05EA]+$/.test(he) && /^[a-z]+$/.test(en))).toBe(true);
  });

  it('learns from the CLDR lines alone words that FLORES is not needed for: Egypt in all three languages', () => {
    const lexicon = learnLexicon(noFlores, []);
    // "In Egypt" in each language: מצרים is read without its מ (as if "from"), مصر keeps its three letters.
    const [english] = dictionaryKeys(lexicon, 'ar', 'en', 'target', [words('in Egypt', 'en')]);
    expect(english).toHaveLength(1);
    expect(dictionaryKeys(lexicon, 'ar', 'en', 'source', [words('في مصر', 'ar')])).toEqual([english]);
    expect(dictionaryKeys(lexicon, 'he', 'en', 'source', [words('במצרים', 'he')])).toEqual([dictionaryKeys(lexicon, 'he', 'en', 'target', [words('in Egypt', 'en')])[0]]);
    expect(dictionaryKeys(lexicon, 'he', 'ar', 'source', [words('במצרים', 'he')])).toEqual([dictionaryKeys(lexicon, 'he', 'ar', 'target', [words('في مصر', 'ar')])[0]]);
    for (const [name, list] of Object.entries(lexicon)) expect(list!.length, name).toBeGreaterThan(1000);
  });
});

describe('the CLDR lines the lexicon learns from (scripts/align/cldr-lines.tsv)', () => {
  it('has an English, an Arabic and a Hebrew text on every line, each line once, sorted', () => {
    const text = readFileSync(cldrLinesPath, 'utf8');
    const lines = parseCldrLines(text);
    expect(lines.length).toBeGreaterThan(4000);
    const rows = text.split('\n').slice(0, -1);
    expect(rows).toHaveLength(lines.length);
    expect(new Set(rows).size).toBe(rows.length);
    expect([...rows].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(rows);
    for (const line of lines) for (const field of Object.values(line)) expect(field, field).toMatch(/^[^\s{}](?:[^\t\n{}]*[^\s{}])?$/u);
    expect(lines).toContainEqual({ en: 'Egypt', ar: 'مصر', he: 'מצרים' });
  });

  it('refuses a line without three non-empty fields, naming it', () => {
    expect(() => parseCldrLines('Egypt\tمصر\tמצרים\nJapan\tاليابان\n')).toThrow(/line 2: expected 3 non-empty/);
    expect(() => parseCldrLines('Egypt\t\tמצרים\n')).toThrow(/line 1/);
  });

  it('are extracted one per item found in all three languages, placeholders and skin tones left out, sorted', () => {
    const locale = (language: string, tree: object) => ({ main: { [language]: tree } });
    const files: Record<string, Record<string, unknown>> = {
      'cldr-annotations-full': {
        'annotations/en/annotations.json': { annotations: { annotations: { '👋': { default: ['hand', 'wave'], tts: ['waving hand'] }, '👋🏽': { tts: ['waving hand: medium skin tone'] } } } },
        'annotations/ar/annotations.json': { annotations: { annotations: { '👋': { default: ['يد'], tts: ['يد تلوح'] }, '👋🏽': { tts: ['يد تلوح: بشرة متوسطة'] } } } },
        'annotations/he/annotations.json': { annotations: { annotations: { '👋': { default: ['יד'], tts: ['יד מנופפת'] }, '👋🏽': { tts: ['יד מנופפת: גוון עור בינוני'] } } } },
      },
      'cldr-localenames-full': Object.fromEntries(
        (['en', 'ar', 'he'] as const).flatMap((language) => {
          const territories = { en: { EG: 'Egypt', JP: 'Japan' }, ar: { EG: 'مصر', JP: 'اليابان' }, he: { EG: 'מצרים' } }[language];
          return [
            [`main/${language}/territories.json`, locale(language, { localeDisplayNames: { territories } })],
            [`main/${language}/languages.json`, locale(language, { localeDisplayNames: { languages: {} } })],
            [`main/${language}/scripts.json`, locale(language, { localeDisplayNames: { scripts: {} } })],
          ];
        }),
      ),
      'cldr-units-full': Object.fromEntries(
        (['en', 'ar', 'he'] as const).map((language) => {
          const hour = { en: { displayName: 'hours', 'unitPattern-count-one': '{0} hour', 'unitPattern-count-other': '{0} hours' }, ar: { displayName: 'ساعات', 'unitPattern-count-other': '{0} ساعة' }, he: { displayName: 'שעות', 'unitPattern-count-one': 'שעה', 'unitPattern-count-other': '{0}\tשעות' } }[language];
          return [`main/${language}/units.json`, locale(language, { units: { long: { 'duration-hour': hour, 'per': { compoundUnitPattern: '{0}/{1}' } } } })];
        }),
      ),
    };
    const read: PackageReader = (name, file) => files[name]?.[file];
    expect(extractCldrLines(read)).toEqual([
      { en: 'Egypt', ar: 'مصر', he: 'מצרים' },
      { en: 'hour', ar: 'ساعات', he: 'שעה' },
      { en: 'hours', ar: 'ساعات', he: 'שעות' },
      { en: 'hours', ar: 'ساعة', he: 'שעות' },
      { en: 'waving hand hand wave', ar: 'يد تلوح يد', he: 'יד מנופפת יד' },
    ]);
  });
});
