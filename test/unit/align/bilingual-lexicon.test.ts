import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bilingualLexicon, dictionaryKeys } from '../../../src/common/align/bilingual-lexicon';
import { sentenceWords as words } from '../../../src/common/align/document-lexicon';
import { chromiumLinesPath, cldrLinesPath, parseParallelLines, type ParallelLine } from '../../../scripts/align/parallel-lines';
import { extractChromiumLines, readLocalePack } from '../../../scripts/align/extract-chromium-lines';
import { extractCldrLines, type PackageReader } from '../../../scripts/align/extract-cldr-lines';
import { learnLexicon, learnWordPairs, shippedLexiconPath, shippedLexiconText } from '../../../scripts/align/learn-lexicon';
import { readFlores } from './flores-documents';

const flores = readFlores();
const noFlores: typeof flores = { he: [], ar: [], en: [] };

describe('the bilingual lexicon Targum ships', () => {
  it('is what scripts/align/learn-lexicon.ts learns from the FLORES-200 dev lines and the short parallel lines', () => {
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

  it('keeps a key to a few words: a chain of pairs through words of several senses does not make unrelated words match', () => {
    // Forms of "second" (שני) pair first; then שני chains on to "two", "Monday" and through Monday to יום and "day".
    const pairs = {
      'he-en': [['שני', 'seco'], ['שניי', 'seco'], ['שניה', 'seco'], ['שני', 'two'], ['שני', 'mond'], ['יום', 'mond'], ['יום', 'day'], ['ימים', 'day']] as Array<[string, string]>,
    };
    const english = dictionaryKeys(pairs, 'he', 'en', 'target', [['second'], ['two'], ['monday'], ['day']]);
    const hebrew = dictionaryKeys(pairs, 'he', 'en', 'source', [['שנייה'], ['יום'], ['ימים']]);
    // The strongest pairs, first, share a key as long as it holds at most six words: שני, שניי(ה), שניה, second, two, Monday (cut to four letters).
    expect(english[1]).toEqual(english[0]);
    expect(english[2]).toEqual(english[0]);
    expect(hebrew[0]).toEqual(english[0]);
    // יום would make seven: it and "day" keep a key of their own, so that "day" does not match "second".
    expect(hebrew[1]).toEqual(english[3]);
    expect(hebrew[2]).toEqual(english[3]);
    expect(english[3]).not.toEqual(english[0]);
  });

  it('learns pairs that both directions agree on from line-aligned text, those found in the most lines first', () => {
    const lines = (language: 'he' | 'en') => Array.from({ length: 300 }, (_, line) => flores[language][line]!);
    const learned = learnWordPairs(lines('he'), lines('en'), 'he', 'en');
    expect(learned.length).toBeGreaterThan(200);
    expect(learned.every(([he, en]) => /^[\u05D0-\u05EA]+$/.test(he) && /^[a-z]+$/.test(en))).toBe(true);
    // Water (מים) is in a dozen of these lines, "wallet"-like rarities in two.
    const water = learned.findIndex(([he, en]) => he === 'מים' && en === 'wate');
    expect(water).toBeGreaterThanOrEqual(0);
    expect(water).toBeLessThan(learned.length / 4);
  });

  it('learns from as many lines as it is given: 40,000 lines of 160,000 words a side', () => {
    // Made-up words: three Hebrew letters, and an English word of its own for each (no shared skeleton).
    const letters = 'אבגדהוזחטיכלמנסעפצקרשת';
    const hebrew = Array.from({ length: 400 }, (_, word) => letters[word % 22]! + letters[Math.floor(word / 22) % 22]! + letters[(word * 7) % 22]!);
    const english = Array.from({ length: 400 }, (_, word) => `${'aeiou'[word % 5]}${'aeiou'[Math.floor(word / 5) % 5]}${'aeiou'[Math.floor(word / 25) % 5]}${'aeiou'[Math.floor(word / 125) % 5]}x`);
    const words = Array.from({ length: 40_000 }, (_, line) => [0, 1, 2, 3].map((k) => (line * 37 + k * 101) % 400));
    const learned = learnWordPairs(
      words.map((line) => line.map((word) => hebrew[word]).join(' ')),
      words.map((line) => line.map((word) => english[word]).join(' ')),
      'he',
      'en',
    );
    const truth = new Set(hebrew.map((word, index) => `${word} ${english[index]!.slice(0, 4)}`));
    expect(learned.length).toBeGreaterThan(100);
    expect(learned.filter(([he, en]) => truth.has(`${he} ${en}`)).length).toBeGreaterThan(0.9 * learned.length);
  }, 60_000);

  it('learns from the short parallel lines alone words that FLORES is not needed for: Japan in all three languages', () => {
    const lexicon = learnLexicon(noFlores, []);
    // "In Japan" in each language, its prefixes (ב, في ال) dropped.
    const key = (pair: string, which: 'source' | 'target', text: string, language: 'en' | 'ar' | 'he') => dictionaryKeys(lexicon, pair.slice(0, 2) as 'ar' | 'he', pair.slice(3) as 'en' | 'ar', which, [words(text, language)])[0];
    expect(key('ar-en', 'target', 'in Japan', 'en')).toHaveLength(1);
    expect(key('ar-en', 'source', 'في اليابان', 'ar')).toEqual(key('ar-en', 'target', 'in Japan', 'en'));
    expect(key('he-en', 'source', 'ביפן', 'he')).toEqual(key('he-en', 'target', 'in Japan', 'en'));
    expect(key('he-ar', 'source', 'ביפן', 'he')).toEqual(key('he-ar', 'target', 'في اليابان', 'ar'));
    for (const [name, list] of Object.entries(lexicon)) expect(list!.length, name).toBeGreaterThan(1000);
  });
});

/** The lines of a file, checked to be well formed: three non-empty fields without placeholders, each line once, sorted. */
function wellFormedLines(path: string): ParallelLine[] {
  const text = readFileSync(path, 'utf8');
  const lines = parseParallelLines(text, path);
  const rows = text.split('\n').slice(0, -1);
  expect(rows).toHaveLength(lines.length);
  expect(new Set(rows).size).toBe(rows.length);
  expect([...rows].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(rows);
  for (const line of lines) for (const field of Object.values(line)) expect(field, field).toMatch(/^[^\s{}](?:[^\t\n{}]*[^\s{}])?$/u);
  expect(lines.filter((line) => /<\/?[a-z][^>]*>/i.test(line.en + line.ar + line.he))).toEqual([]);
  return lines;
}

describe('the short parallel lines the lexicon learns from (scripts/align/*-lines.tsv)', () => {
  it('has an English, an Arabic and a Hebrew text on every line of the CLDR lines, each line once, sorted', () => {
    const lines = wellFormedLines(cldrLinesPath);
    expect(lines.length).toBeGreaterThan(4000);
    expect(lines).toContainEqual({ en: 'Egypt', ar: 'مصر', he: 'מצרים' });
  });

  it('has the same on every line of the Chromium lines, markup and placeholders left out', () => {
    const lines = wellFormedLines(chromiumLinesPath);
    expect(lines.length).toBeGreaterThan(10_000);
    expect(lines.filter((line) => /\$\d|%s/.test(line.en + line.ar + line.he))).toEqual([]);
  });

  it('refuses a line without three non-empty fields, naming it', () => {
    expect(() => parseParallelLines('Egypt\tمصر\tמצרים\nJapan\tاليابان\n', 'cldr-lines.tsv')).toThrow(/cldr-lines.tsv line 2: expected 3 non-empty/);
    expect(() => parseParallelLines('Egypt\t\tמצרים\n', 'chromium-lines.tsv')).toThrow(/chromium-lines.tsv line 1/);
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

  it('are read from Chromium locale packs: messages in all three languages, placeholders and markup left out, sorted', () => {
    const packs = {
      en: pack({ 10: 'Open link in new tab', 11: 'Downloading $1 files…', 12: 'Learn <a href="x">more</a>', 13: 'OK', 14: 'Reload' }),
      ar: pack({ 10: 'فتح الرابط في علامة تبويب جديدة', 11: 'جارٍ تنزيل $1 من الملفات…', 12: 'مزيد من <a href="x">المعلومات</a>', 13: 'حسنًا', 14: 'إعادة تحميل' }),
      he: pack({ 10: 'פתיחת הקישור בכרטיסייה חדשה', 11: 'מתבצעת הורדה של $1 קבצים…', 12: 'מידע <a href="x">נוסף</a>', 13: 'אישור' }),
    };
    expect(extractChromiumLines({ en: readLocalePack(packs.en), ar: readLocalePack(packs.ar), he: readLocalePack(packs.he) })).toEqual([
      { en: 'Downloading files…', ar: 'جارٍ تنزيل من الملفات…', he: 'מתבצעת הורדה של קבצים…' },
      { en: 'Learn more', ar: 'مزيد من المعلومات', he: 'מידע נוסף' },
      { en: 'Open link in new tab', ar: 'فتح الرابط في علامة تبويب جديدة', he: 'פתיחת הקישור בכרטיסייה חדשה' },
    ]);
  });

  it('refuses a locale pack of another format, or one whose messages run outside it, with a message', () => {
    const good = pack({ 1: 'Reload' });
    const otherFormat = Buffer.from(good);
    otherFormat.writeUInt32LE(4, 0);
    expect(() => readLocalePack(otherFormat)).toThrow(/format 4, only format 5/);
    expect(() => readLocalePack(good.subarray(0, 14))).toThrow(/do not fit/);
    const overrun = Buffer.from(good);
    overrun.writeUInt32LE(good.length + 10, 12 + 6 + 2);
    expect(() => readLocalePack(overrun)).toThrow(/outside the file/);
  });
});

/** A locale pack of format 5 (UTF-8) holding the messages, by id. */
function pack(messages: Record<number, string>): Buffer {
  const entries = Object.entries(messages).map(([id, text]) => ({ id: Number(id), bytes: Buffer.from(text, 'utf8') }));
  const header = Buffer.alloc(12 + (entries.length + 1) * 6);
  header.writeUInt32LE(5, 0);
  header.writeUInt8(1, 4);
  header.writeUInt16LE(entries.length, 8);
  let offset = header.length;
  entries.forEach(({ id, bytes }, index) => {
    header.writeUInt16LE(id, 12 + index * 6);
    header.writeUInt32LE(offset, 12 + index * 6 + 2);
    offset += bytes.length;
  });
  header.writeUInt32LE(offset, 12 + entries.length * 6 + 2);
  return Buffer.concat([header, ...entries.map((entry) => entry.bytes)]);
}
