import { strippedReadings } from './prefixes';
import { offsetAfterFoldedLetters, splitWords, type Word } from './words';
import type { TextLanguage } from '../text/language';

/** What the index needs of a gloss; the stored gloss records fit as they are. Glosses without an id are skipped. */
export interface GlossIndexEntry {
  id?: number;
  /** glossKey(surface, language). */
  key: string;
  language: TextLanguage;
}

export interface GlossPhrase {
  /** The folded words after the first. */
  rest: string[];
  glossIds: number[];
}

/** Glosses by language and first folded word; phrases of one first word longest first. Build once, match often. */
export interface GlossIndex {
  readonly size: number;
  readonly phrases: ReadonlyMap<TextLanguage, ReadonlyMap<string, readonly GlossPhrase[]>>;
}

export interface GlossMatch {
  /** UTF-16 offsets into the text as given (diacritics, niqqud, marks and all); the whole words, prefix included. */
  start: number;
  end: number;
  /** Where the glossed form begins: after the stripped prefix (והצבא: after ו), else `start`. */
  stemStart: number;
  /** Every gloss stored under the matched key. */
  glossIds: number[];
  /** `prefixed` when a prefix was stripped from the first word to find the gloss. */
  kind: 'whole' | 'prefixed';
}

export function buildGlossIndex(glosses: Iterable<GlossIndexEntry>): GlossIndex {
  const byKey = new Map<TextLanguage, Map<string, number[]>>();
  let size = 0;
  for (const gloss of glosses) {
    if (gloss.id === undefined || gloss.key === '') continue;
    const keys = byKey.get(gloss.language) ?? byKey.set(gloss.language, new Map()).get(gloss.language)!;
    const ids = keys.get(gloss.key);
    if (ids) ids.push(gloss.id);
    else keys.set(gloss.key, [gloss.id]);
    size += 1;
  }
  const phrases = new Map<TextLanguage, Map<string, GlossPhrase[]>>();
  for (const [language, keys] of byKey) {
    const byFirst = new Map<string, GlossPhrase[]>();
    for (const [key, glossIds] of keys) {
      const [first, ...rest] = key.split(' ');
      const list = byFirst.get(first!);
      if (list) list.push({ rest, glossIds });
      else byFirst.set(first!, [{ rest, glossIds }]);
    }
    for (const list of byFirst.values()) list.sort((a, b) => b.rest.length - a.rest.length);
    phrases.set(language, byFirst);
  }
  return { size, phrases };
}

/** The longest of `candidates` (phrases sharing a first word) whose other words follow word `at` in the text. */
function longestPhrase(words: readonly Word[], at: number, candidates: readonly GlossPhrase[] | undefined): GlossPhrase | undefined {
  return candidates?.find((phrase) => phrase.rest.every((folded, offset) => words[at + offset]!.joinsNext && words[at + offset + 1]?.folded === folded));
}

/**
 * The glossed words and phrases of a text, left to right, never overlapping. At each word the match
 * covering the most words wins; among equally long ones the word as written wins over a stripped
 * reading, and a less stripped reading over a more stripped one (see prefixes.ts). Only the first
 * word of a phrase may carry a prefix (ובית המשפט, لحزب الله).
 */
export function findGlossMatches(text: string, language: TextLanguage, index: GlossIndex): GlossMatch[] {
  const byFirst = index.phrases.get(language);
  if (!byFirst) return [];
  const words = splitWords(text, language);
  const matches: GlossMatch[] = [];
  for (let at = 0; at < words.length; ) {
    const word = words[at]!;
    let best = longestPhrase(words, at, byFirst.get(word.folded));
    let prefixLength = 0;
    for (const reading of strippedReadings(word.folded, language)) {
      const phrase = longestPhrase(words, at, byFirst.get(reading.key));
      if (phrase && (!best || phrase.rest.length > best.rest.length)) {
        best = phrase;
        prefixLength = reading.prefixLength;
      }
    }
    if (!best) {
      at += 1;
      continue;
    }
    const last = words[at + best.rest.length]!;
    const stemStart = prefixLength === 0 ? word.start : word.start + offsetAfterFoldedLetters(text.slice(word.start, word.end), prefixLength);
    matches.push({ start: word.start, end: last.end, stemStart, glossIds: best.glossIds, kind: prefixLength === 0 ? 'whole' : 'prefixed' });
    at += best.rest.length + 1;
  }
  return matches;
}
