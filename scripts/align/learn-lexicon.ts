/**
 * Learns the bilingual lexicon (src/common/align/bilingual-lexicon.ts) from line-aligned parallel text:
 * IBM Model 1 in both directions over the lines' words (sentenceWords: folded, prefixes dropped), and
 * the word pairs that both directions' likeliest alignments link in at least `together` lines. Pairs
 * that the other anchors already match (numbers, Latin words, names by their consonant skeleton,
 * months and weekdays) are left out.
 *
 * The lines are FLORES-200 dev sentences (test/fixtures/flores200-dev) and, always, every short
 * parallel line of parallel-lines.ts (Unicode CLDR items and Chromium's interface messages), which hold
 * no FLORES sentence: a lexicon learned from part of FLORES has still seen nothing of the rest.
 * `npx tsx scripts/align/learn-lexicon.ts` writes src/common/align/bilingual-lexicon.json from all 997
 * dev lines and the short lines.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { anchorKeys } from '../../src/common/align/anchors';
import { dictionaryWords, type WordPairs } from '../../src/common/align/bilingual-lexicon';
import { sentenceWords } from '../../src/common/align/document-lexicon';
import type { TextLanguage } from '../../src/common/text/language';
import { readFlores } from '../../test/unit/align/flores-documents';
import { readParallelLines } from './parallel-lines';

export interface LearnSettings {
  /** EM iterations of each IBM Model 1. */
  iterations: number;
  /** Lines in which both directions must link a pair. */
  together: number;
}

export const learnSettings: LearnSettings = { iterations: 8, together: 2 };

/** The language pairs of the shipped lexicon; `ar-he` is read from `he-ar` reversed. */
export const lexiconPairs: ReadonlyArray<readonly [TextLanguage, TextLanguage]> = [
  ['ar', 'en'],
  ['he', 'en'],
  ['he', 'ar'],
];

type Line = number[];

/** Words as ids, per line, and the words by id. */
function vocabulary(lines: string[][]): { lines: Line[]; words: string[] } {
  const ids = new Map<string, number>();
  const out = lines.map((words) =>
    words.map((word) => {
      let id = ids.get(word);
      if (id === undefined) ids.set(word, (id = ids.size));
      return id;
    }),
  );
  return { lines: out, words: [...ids.keys()] };
}

/**
 * IBM Model 1: t(f | e) for the words of `to` lines given those of `from` lines (with an empty word,
 * id −1, for words that translate nothing); returns for each line pair the likeliest `from` word of
 * every `to` word (−1: the empty word).
 */
function model1Links(from: Line[], to: Line[], iterations: number): number[][] {
  // Every (e, f) that meets in a line gets an id once, so that t and the counts are arrays and each
  // line lists its pairs' ids, `to` word by word, the empty word first: the iterations only index.
  const pairIds = new Map<number, number>();
  const pairSource: number[] = [];
  const linePairs = from.map((eLine, index) => {
    const ids: number[] = [];
    for (const f of to[index]!) {
      for (const e of [-1, ...eLine]) {
        const key = (e + 1) * 1_000_003 + f;
        let id = pairIds.get(key);
        if (id === undefined) {
          pairIds.set(key, (id = pairIds.size));
          pairSource.push(e);
        }
        ids.push(id);
      }
    }
    return ids;
  });
  const t = new Float64Array(pairIds.size).fill(1 / new Set(to.flat()).size);
  const counts = new Float64Array(pairIds.size);
  // Totals by `from` word, the empty word (−1) at 0.
  const totals = new Float64Array(from.reduce((most, line) => line.reduce((inner, e) => Math.max(inner, e), most), -1) + 2);
  for (let iteration = 0; iteration < iterations; iteration++) {
    counts.fill(0);
    totals.fill(0);
    from.forEach((eLine, index) => {
      const ids = linePairs[index]!;
      const candidates = eLine.length + 1;
      for (let start = 0; start < ids.length; start += candidates) {
        let norm = 0;
        for (let c = 0; c < candidates; c++) norm += t[ids[start + c]!]!;
        for (let c = 0; c < candidates; c++) {
          const id = ids[start + c]!;
          const share = t[id]! / norm;
          const total = pairSource[id]! + 1;
          counts[id] = counts[id]! + share;
          totals[total] = totals[total]! + share;
        }
      }
    });
    for (let id = 0; id < t.length; id++) t[id] = counts[id]! / totals[pairSource[id]! + 1]!;
  }
  return from.map((eLine, index) => {
    const ids = linePairs[index]!;
    const candidates = eLine.length + 1;
    return to[index]!.map((_, position) => {
      // The empty word wins ties, as it comes first.
      let best = 0;
      for (let c = 1; c < candidates; c++) if (t[ids[position * candidates + c]!]! > t[ids[position * candidates + best]!]!) best = c;
      return best === 0 ? -1 : eLine[best - 1]!;
    });
  });
}

/**
 * Whether the anchors (anchors.ts) already match the two words: a number, a Latin word (in Hebrew or
 * Arabic text, one left untranslated), a name's skeleton, a month.
 */
function anchored(sourceWord: string, from: TextLanguage, targetWord: string, to: TextLanguage): boolean {
  if ((from !== 'en' && /[a-z]/.test(sourceWord)) || (to !== 'en' && /[a-z]/.test(targetWord))) return true;
  // English names are capitalised; anchorKeys finds them only so.
  const keysOf = (word: string, language: TextLanguage) => new Set(anchorKeys(language === 'en' ? word[0]!.toUpperCase() + word.slice(1) : word, language));
  const target = keysOf(targetWord, to);
  return /\d/.test(sourceWord + targetWord) || [...keysOf(sourceWord, from)].some((key) => target.has(key));
}

/** Word pairs of `from` and `to` lines (line N of each translating the other), those linked in the most lines first (bilingual-lexicon.ts joins them in that order). */
export function learnWordPairs(sourceLines: string[], targetLines: string[], from: TextLanguage, to: TextLanguage, settings: LearnSettings = learnSettings): Array<[string, string]> {
  const source = vocabulary(sourceLines.map((line) => dictionaryWords(sentenceWords(line, from))));
  const target = vocabulary(targetLines.map((line) => dictionaryWords(sentenceWords(line, to))));
  const sourceOfTarget = model1Links(source.lines, target.lines, settings.iterations);
  const targetOfSource = model1Links(target.lines, source.lines, settings.iterations);
  const together = new Map<string, number>();
  source.lines.forEach((sourceLine, index) => {
    const agreed = new Set<string>();
    target.lines[index]!.forEach((t, position) => {
      const s = sourceOfTarget[index]![position]!;
      if (s >= 0 && targetOfSource[index]![sourceLine.indexOf(s)] === t) agreed.add(`${s} ${t}`);
    });
    for (const pair of agreed) together.set(pair, (together.get(pair) ?? 0) + 1);
  });
  const pairs: Array<{ words: [string, string]; count: number }> = [];
  for (const [pair, count] of together) {
    if (count < settings.together) continue;
    const [s, t] = pair.split(' ').map(Number) as [number, number];
    const sourceWord = source.words[s]!;
    const targetWord = target.words[t]!;
    if (!anchored(sourceWord, from, targetWord, to)) pairs.push({ words: [sourceWord, targetWord], count });
  }
  const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return pairs.sort((a, b) => b.count - a.count || order(a.words[0], b.words[0]) || order(a.words[1], b.words[1])).map((pair) => pair.words);
}

/** The lexicon of every language pair learned from the given lines of FLORES (indices) and the short parallel lines. */
export function learnLexicon(flores: Record<TextLanguage, string[]>, lines: number[], settings: LearnSettings = learnSettings): WordPairs {
  const short = readParallelLines();
  const pick = (language: TextLanguage) => [...lines.map((line) => flores[language][line]!), ...short[language]];
  return Object.fromEntries(lexiconPairs.map(([from, to]) => [`${from}-${to}`, learnWordPairs(pick(from), pick(to), from, to, settings)]));
}

/** The text of bilingual-lexicon.json: the lexicon learned from all 997 FLORES-200 dev lines and the short parallel lines. */
export function shippedLexiconText(flores: Record<TextLanguage, string[]> = readFlores()): string {
  const pairs = learnLexicon(flores, Array.from({ length: 997 }, (_, line) => line));
  const lines = Object.entries(pairs).map(([name, list]) => `    ${JSON.stringify(name)}: [${list!.map((pair) => JSON.stringify(pair)).join(', ')}]`);
  const source =
    'Learned by scripts/align/learn-lexicon.ts from the 997 lines of FLORES-200 dev (NLLB team, Meta AI), CC BY-SA 4.0; from scripts/align/cldr-lines.tsv, taken from Unicode CLDR 48.2.0 (Unicode, Inc.), Unicode License v3 (scripts/align/cldr-lines.LICENSE.txt); and from scripts/align/chromium-lines.tsv, taken from the interface translations of Chromium (The Chromium Authors), BSD-3-Clause (scripts/align/chromium-lines.LICENSE.txt)';
  return `{\n  "source": ${JSON.stringify(source)},\n  "pairs": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export const shippedLexiconPath = fileURLToPath(new URL('../../src/common/align/bilingual-lexicon.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(shippedLexiconPath, shippedLexiconText());
  console.log(`wrote ${shippedLexiconPath}`);
}
