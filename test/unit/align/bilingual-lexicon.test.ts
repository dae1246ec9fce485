import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bilingualLexicon, dictionaryKeys } from '../../../src/common/align/bilingual-lexicon';
import { sentenceWords as words } from '../../../src/common/align/document-lexicon';
import { learnWordPairs, shippedLexiconPath, shippedLexiconText } from '../../../scripts/align/learn-lexicon';
import { readFlores } from './flores-documents';

const flores = readFlores();

describe('the bilingual lexicon Targum ships', () => {
  it('is what scripts/align/learn-lexicon.ts learns from the FLORES-200 dev lines', () => {
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
});
