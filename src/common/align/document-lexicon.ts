/**
 * Word pairs learned from the document itself (Moore's 2002 idea, on one document): words found
 * together in the links a first alignment is sure of, and seldom apart, are taken for translations of
 * each other and become anchors of a second alignment. Words that occur in one such link only teach
 * nothing, so only words repeated in the document can pair.
 */
import { foldText } from '../text/fold';
import type { TextLanguage } from '../text/language';
import type { AlignmentLink } from './types';

/** Prefixes dropped from Hebrew and Arabic words when three letters are left (ו, ב, ה…; و, ب, ال…). */
const PREFIXES: Partial<Record<TextLanguage, RegExp>> = { he: /^[ובלמהשכ]{1,2}(?=[\u05D0-\u05EA]{3})/, ar: /^(?:[وفبلك]?ال|لل|[وفبلك])(?=[\u0621-\u064A]{3})/ };

/** The distinct words of a sentence, folded, prefixes dropped, of three letters or more. */
export function sentenceWords(text: string, language: TextLanguage): string[] {
  const words = foldText(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const prefix = PREFIXES[language];
  return [...new Set(words.map((word) => (prefix ? word.replace(prefix, '') : word)).filter((word) => word.length >= 3))];
}

export interface LexiconSettings {
  /** Links at least this sure teach the lexicon. */
  confidence: number;
  /** A pair must occur together in at least this many of those links… */
  together: number;
  /** …and its Dice coefficient over them (2 × together / (links with one + links with the other)) be at least this. */
  dice: number;
}

/** Anchor keys (`lexicon:N`) of each source and target sentence for the word pairs learned from `links`. */
export function documentLexicon(sourceWords: string[][], targetWords: string[][], links: AlignmentLink[], settings: LexiconSettings): { source: string[][]; target: string[][] } {
  const taught = links.filter((link) => link.confidence >= settings.confidence && link.source.length > 0 && link.target.length > 0);
  const source = linkWords(sourceWords, taught.map((link) => link.source));
  const target = linkWords(targetWords, taught.map((link) => link.target));
  // Dice ≥ d needs the pair together in at least d / (2 − d) of the links of either word, so that
  // only words whose counts are that close are paired (and counted).
  const closest = settings.dice / (2 - settings.dice);
  const together = new Map<number, number>();
  taught.forEach((_, link) => {
    for (const s of source.ofLink[link]!) {
      const sourceCount = source.counts[s]!;
      if (sourceCount < settings.together) continue;
      for (const t of target.ofLink[link]!) {
        const targetCount = target.counts[t]!;
        if (targetCount < settings.together || targetCount < closest * sourceCount || sourceCount < closest * targetCount) continue;
        const pair = s * target.words.length + t;
        together.set(pair, (together.get(pair) ?? 0) + 1);
      }
    }
  });
  const sourceKeys = new Map<string, string[]>();
  const targetKeys = new Map<string, string[]>();
  for (const [pair, count] of together) {
    const s = Math.floor(pair / target.words.length);
    const t = pair % target.words.length;
    if (count < settings.together || (2 * count) / (source.counts[s]! + target.counts[t]!) < settings.dice) continue;
    const key = `lexicon:${pair}`;
    sourceKeys.set(source.words[s]!, [...(sourceKeys.get(source.words[s]!) ?? []), key]);
    targetKeys.set(target.words[t]!, [...(targetKeys.get(target.words[t]!) ?? []), key]);
  }
  const keysOf = (words: string[][], keys: Map<string, string[]>) => words.map((unit) => unit.flatMap((word) => keys.get(word) ?? []));
  return { source: keysOf(sourceWords, sourceKeys), target: keysOf(targetWords, targetKeys) };
}

/** The distinct word ids of each link's side, the words by id, and in how many links each occurs. */
function linkWords(unitWords: string[][], linkUnits: number[][]): { words: string[]; counts: number[]; ofLink: number[][] } {
  const ids = new Map<string, number>();
  const counts: number[] = [];
  const ofLink = linkUnits.map((units) => {
    const seen = new Set<number>();
    for (const unit of units) {
      for (const word of unitWords[unit]!) {
        let id = ids.get(word);
        if (id === undefined) {
          id = ids.size;
          ids.set(word, id);
          counts.push(0);
        }
        seen.add(id);
      }
    }
    for (const id of seen) counts[id]! += 1;
    return [...seen];
  });
  return { words: [...ids.keys()], counts, ofLink };
}
