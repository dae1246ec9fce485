/**
 * Learns the bilingual lexicon (src/common/align/bilingual-lexicon.ts) from line-aligned parallel text:
 * IBM Model 1 in both directions over the lines' words (sentenceWords: folded, prefixes dropped), and
 * the word pairs that both directions' likeliest alignments link in at least `together` lines. Pairs
 * that the other anchors already match (numbers, Latin words, names by their consonant skeleton,
 * months and weekdays) are left out.
 *
 * `npx tsx scripts/align/learn-lexicon.ts` writes src/common/align/bilingual-lexicon.json from the 997
 * FLORES-200 dev lines (test/fixtures/flores200-dev).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { anchorKeys } from '../../src/common/align/anchors';
import { dictionaryWords, type WordPairs } from '../../src/common/align/bilingual-lexicon';
import { sentenceWords } from '../../src/common/align/document-lexicon';
import type { TextLanguage } from '../../src/common/text/language';
import { readFlores } from '../../test/unit/align/flores-documents';

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
  const key = (e: number, f: number) => (e + 1) * 1_000_003 + f;
  const t = new Map<number, number>();
  const toSize = new Set(to.flat()).size;
  const initial = 1 / toSize;
  const probability = (e: number, f: number) => t.get(key(e, f)) ?? initial;
  for (let iteration = 0; iteration < iterations; iteration++) {
    const counts = new Map<number, number>();
    const totals = new Map<number, number>();
    from.forEach((eLine, index) => {
      const candidates = [-1, ...eLine];
      for (const f of to[index]!) {
        let norm = 0;
        for (const e of candidates) norm += probability(e, f);
        for (const e of candidates) {
          const share = probability(e, f) / norm;
          counts.set(key(e, f), (counts.get(key(e, f)) ?? 0) + share);
          totals.set(e, (totals.get(e) ?? 0) + share);
        }
      }
    });
    t.clear();
    for (const [pair, count] of counts) t.set(pair, count / totals.get(Math.floor(pair / 1_000_003) - 1)!);
  }
  return from.map((eLine, index) =>
    to[index]!.map((f) => {
      let best = -1;
      for (const e of eLine) if (probability(e, f) > probability(best, f)) best = e;
      return best;
    }),
  );
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

/** Word pairs of `from` and `to` lines (line N of each translating the other), sorted. */
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
  const pairs: Array<[string, string]> = [];
  for (const [pair, count] of together) {
    if (count < settings.together) continue;
    const [s, t] = pair.split(' ').map(Number) as [number, number];
    const sourceWord = source.words[s]!;
    const targetWord = target.words[t]!;
    if (!anchored(sourceWord, from, targetWord, to)) pairs.push([sourceWord, targetWord]);
  }
  return pairs.sort(([a1, b1], [a2, b2]) => (a1 < a2 ? -1 : a1 > a2 ? 1 : b1 < b2 ? -1 : b1 > b2 ? 1 : 0));
}

/** The lexicon of every language pair learned from the given lines of FLORES (indices). */
export function learnLexicon(flores: Record<TextLanguage, string[]>, lines: number[], settings: LearnSettings = learnSettings): WordPairs {
  const pick = (language: TextLanguage) => lines.map((line) => flores[language][line]!);
  return Object.fromEntries(lexiconPairs.map(([from, to]) => [`${from}-${to}`, learnWordPairs(pick(from), pick(to), from, to, settings)]));
}

/** The text of bilingual-lexicon.json: the lexicon learned from all 997 FLORES-200 dev lines. */
export function shippedLexiconText(flores: Record<TextLanguage, string[]> = readFlores()): string {
  const pairs = learnLexicon(flores, Array.from({ length: 997 }, (_, line) => line));
  const lines = Object.entries(pairs).map(([name, list]) => `    ${JSON.stringify(name)}: [${list!.map((pair) => JSON.stringify(pair)).join(', ')}]`);
  const source = 'Learned by scripts/align/learn-lexicon.ts from the 997 lines of FLORES-200 dev (NLLB team, Meta AI), CC BY-SA 4.0';
  return `{\n  "source": ${JSON.stringify(source)},\n  "pairs": {\n${lines.join(',\n')}\n  }\n}\n`;
}

export const shippedLexiconPath = fileURLToPath(new URL('../../src/common/align/bilingual-lexicon.json', import.meta.url));

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(shippedLexiconPath, shippedLexiconText());
  console.log(`wrote ${shippedLexiconPath}`);
}
