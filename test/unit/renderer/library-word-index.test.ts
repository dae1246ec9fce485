import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/common/text/fold';
import { Vocabulary } from '../../../src/renderer/library/vocabulary';
import { WordIndex } from '../../../src/renderer/library/word-index';

/** A vocabulary and index over small documents, the way the library builds them. */
function library(documents: Record<number, string>) {
  const vocabulary = new Vocabulary();
  const index = new WordIndex();
  let nextId = 1;
  const idOf = (word: string) => {
    const known = vocabulary.idOf(word);
    if (known !== undefined) return known;
    vocabulary.learn(nextId, word);
    return nextId++;
  };
  const set = (id: number, text: string) => index.set([{ id, words: [...new Set(foldText(text).split(/\s+/).filter(Boolean))].map(idOf) }]);
  for (const [id, text] of Object.entries(documents)) set(Number(id), text);
  const search = (...terms: string[]) => index.documentsWithAll(terms.map((term) => vocabulary.matching(foldText(term)))).sort((a, b) => a - b);
  return { index, set, search };
}

describe('the word index', () => {
  it('finds the bare word and its other prefixed forms for a query with a prefix', () => {
    const { search } = library({
      1: 'ישראל תקפה בלבנון הלילה',
      2: 'דובר הצבא מסר כי לבנון הותקפה',
      3: 'המשלחת יצאה מסוריה אתמול',
      4: 'استهدف التحالف مواقع داعش في سوريا',
      5: 'הסופר כתב על בנון אחר',
    });
    expect(search('ולבנון')).toEqual([1, 2]);
    expect(search('והצבא')).toEqual([2]);
    expect(search('לסוריה')).toEqual([3]);
    expect(search('وداعش')).toEqual([4]);
    expect(search('ולבנון', 'והצבא')).toEqual([2]);
  });

  it('does not read a word as a prefix and a stem too short to be one', () => {
    const { search } = library({ 1: 'מלך העיר', 2: 'לך הביתה' });
    expect(search('מלך')).toEqual([1]);
  });

  it('finds a document by any part of any of its words, folded', () => {
    const { search } = library({ 1: 'تنظيم داعش الإرهابي يحرق مقراته', 2: 'ארגון דאעש מסר היום (חמישי)', 3: 'ISIS today conveyed a request' });
    expect(search('الارهابي')).toEqual([1]);
    expect(search('ارهاب')).toEqual([1]);
    expect(search('חמישי')).toEqual([2]);
    expect(search('(חמ')).toEqual([2]);
    expect(search('request')).toEqual([3]);
    expect(search('QUEST')).toEqual([3]);
    expect(search('nowhere')).toEqual([]);
  });

  it('wants every term, in any order', () => {
    const { search } = library({ 1: 'the ceasefire in Gaza', 2: 'Gaza tonight', 3: 'a ceasefire elsewhere' });
    expect(search('gaza', 'ceasefire')).toEqual([1]);
    expect(search('cease', 'night')).toEqual([]);
    expect(search('ga')).toEqual([1, 2]);
  });

  it('forgets the old words of a replaced document and the words of a removed one', () => {
    const { index, set, search } = library({ 1: 'old words here', 2: 'other text' });
    set(1, 'new words here');
    expect(search('old')).toEqual([]);
    expect(search('new')).toEqual([1]);
    index.remove(2);
    expect(search('other')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('keeps answering the same after thousands of replacements compact its postings', () => {
    const { set, search } = library(Object.fromEntries(Array.from({ length: 50 }, (_, id) => [id + 1, `document${id + 1} shared`])));
    for (let round = 0; round < 100; round++) for (let id = 1; id <= 50; id++) set(id, `document${id} shared round${round}`);
    expect(search('shared')).toHaveLength(50);
    expect(search('round99')).toHaveLength(50);
    expect(search('round98')).toEqual([]);
    expect(search('document1')).toEqual([1, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
});
