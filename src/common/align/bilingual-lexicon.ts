/**
 * A small bilingual lexicon shipped with Targum: word pairs (Arabic–English, Hebrew–English,
 * Hebrew–Arabic) that translate each other, as anchors of kind `dictionary`. Words are those of
 * sentenceWords (document-lexicon.ts: folded, lower-cased, prefixes dropped) cut to their first letters (dictionaryWords),
 * so that a pair matches the words of any sentence however they are prefixed or inflected.
 *
 * bilingual-lexicon.json is learned by scripts/align/learn-lexicon.ts, which writes it, from the 997
 * lines of FLORES-200 dev (NLLB team, Meta AI; CC BY-SA 4.0, which the lexicon, made from them, keeps)
 * and from short parallel lines (scripts/align/parallel-lines.ts): about 4,400 of Unicode CLDR 48.2.0
 * (names of countries, languages, currencies, units, months, emoji…; Unicode License v3) and about
 * 11,000 of Chromium's user-interface messages (BSD-3-Clause), whose notices are beside them; a unit
 * test checks that it is what the script makes of them.
 */
import { z } from 'zod';
import shipped from './bilingual-lexicon.json';
import type { TextLanguage } from '../text/language';

/** Word pairs by language pair (`ar-en`: Arabic word, English word); the other direction is read reversed. */
export type WordPairs = Partial<Record<string, ReadonlyArray<readonly [string, string]>>>;

const wordPairs = z.record(z.string(), z.array(z.tuple([z.string(), z.string()])));

export const bilingualLexicon: WordPairs = wordPairs.parse(shipped.pairs);

/**
 * How many letters of a word the lexicon keeps: its suffixes dropped roughly (plural, gender,
 * possessive and verb endings vary more than stems, in all three languages), so that a pair seen
 * in a few sentences matches the other forms of its words too.
 */
const STEM = 4;

/** The words of a sentence as the lexicon has them: its words (sentenceWords) cut to their first STEM letters. */
export function dictionaryWords(words: readonly string[]): string[] {
  return [...new Set(words.map((word) => word.slice(0, STEM)))];
}

/**
 * The key of each word, per side, for the pairs of `from`→`to`: words joined by pairs, directly or
 * through other words (חדש and חדשות both with "new"), share one key, `dictionary:N`. One key a word
 * keeps a sentence's anchors few (an English word may pair with several Hebrew forms), and a form of
 * one word matches the forms of the other that the lexicon pairs with any of its forms.
 */
const keysByPairs = new WeakMap<WordPairs, Map<string, { source: Map<string, string>; target: Map<string, string> }>>();

/**
 * The most words (of both sides) that share a key: beyond a few forms of one word, pairs chained
 * through words of several senses (שני: second and Monday; one four-letter English stem for two
 * words) would make words of unrelated meanings match: thousands in one key, learned from Chromium's
 * messages.
 */
const WORDS_A_KEY = 6;

function keysOfPair(pairs: WordPairs, from: TextLanguage, to: TextLanguage) {
  let byName = keysByPairs.get(pairs);
  if (!byName) keysByPairs.set(pairs, (byName = new Map()));
  const name = `${from}-${to}`;
  const known = byName.get(name);
  if (known) return known;
  const list = pairs[name] ?? pairs[`${to}-${from}`]?.map(([a, b]) => [b, a] as const) ?? [];
  // Union–find over the words of both sides (source words as 0…, target words after them), the
  // strongest pairs first (the learner lists them so); a pair that would give a key more than
  // WORDS_A_KEY words is left out.
  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  for (const [sourceWord] of list) if (!sourceIds.has(sourceWord)) sourceIds.set(sourceWord, sourceIds.size);
  for (const [, targetWord] of list) if (!targetIds.has(targetWord)) targetIds.set(targetWord, sourceIds.size + targetIds.size);
  const parent = Array.from({ length: sourceIds.size + targetIds.size }, (_, id) => id);
  const size = parent.map(() => 1);
  const root = (id: number): number => {
    while (parent[id] !== id) id = parent[id] = parent[parent[id]!]!;
    return id;
  };
  for (const [sourceWord, targetWord] of list) {
    const a = root(sourceIds.get(sourceWord)!);
    const b = root(targetIds.get(targetWord)!);
    if (a === b || size[a]! + size[b]! > WORDS_A_KEY) continue;
    parent[a] = b;
    size[b]! += size[a]!;
  }
  const keyed = (ids: Map<string, number>) => new Map([...ids].map(([word, id]) => [word, `dictionary:${root(id)}`]));
  const keys = { source: keyed(sourceIds), target: keyed(targetIds) };
  byName.set(name, keys);
  return keys;
}

/** The `dictionary` anchor keys of each sentence, given by its words (sentenceWords), of one side (`which`) of a `from`→`to` alignment. */
export function dictionaryKeys(pairs: WordPairs, from: TextLanguage, to: TextLanguage, which: 'source' | 'target', sentences: ReadonlyArray<readonly string[]>): string[][] {
  const keys = keysOfPair(pairs, from, to)[which];
  if (keys.size === 0) return sentences.map(() => []);
  return sentences.map((words) => dictionaryWords(words).flatMap((word) => keys.get(word) ?? []));
}
