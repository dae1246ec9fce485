/** Paragraphs as the boilerplate rules see them: folded, reduced to words, and phrase lists to match them against. */
import { foldText } from '../../text/fold';

/** Text as the rules see it: folded for compatibility (see foldText), spaces collapsed. Punctuation stays. */
export function foldLine(text: string): string {
  return foldText(text, { compatibility: true }).replace(/\s+/g, ' ').trim();
}

/** Folded text reduced to its words: every run of non-letters, non-digits is one space. */
export function looseText(text: string): string {
  return foldLine(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const firstWord = (loose: string): string => {
  const space = loose.indexOf(' ');
  return space < 0 ? loose : loose.slice(0, space);
};

/** Phrases in loose form, indexed by their first word. */
class Phrases {
  readonly list: readonly string[];
  private readonly byFirstWord = new Map<string, string[]>();

  constructor(phrases: readonly string[]) {
    this.list = [...new Set(phrases.map(looseText))].filter((p) => p !== '').sort((a, b) => b.length - a.length);
    for (const phrase of this.list) {
      const key = firstWord(phrase);
      const bucket = this.byFirstWord.get(key);
      if (bucket === undefined) this.byFirstWord.set(key, [phrase]);
      else bucket.push(phrase);
    }
  }

  /** The longest phrase that is the whole of `loose` or its first words. */
  prefixOf(loose: string): string | undefined {
    return this.byFirstWord.get(firstWord(loose))?.find((p) => loose.startsWith(p) && (loose.length === p.length || loose[p.length] === ' '));
  }

  startsLine(loose: string): boolean {
    return this.prefixOf(loose) !== undefined;
  }

  has(loose: string): boolean {
    return this.byFirstWord.get(firstWord(loose))?.includes(loose) ?? false;
  }

  /** Whether some phrase stands in `loose` as whole words. */
  within(loose: string): boolean {
    for (let at = 0; ; ) {
      if (this.startsLine(loose.slice(at))) return true;
      const space = loose.indexOf(' ', at);
      if (space < 0) return false;
      at = space + 1;
    }
  }
}

export const phraseList = (...phrases: string[]): Phrases => new Phrases(phrases);
export const phraseSet = (...phrases: string[]): Set<string> => new Set(phrases.map(looseText));

/** Sentence-final punctuation (with closing quotes or brackets after it). */
export const TERMINAL = /[.!?\u061F\u06D4\u2026]["'\u201D\u2019\u00BB)\]]*$/;
export const ENDS_WITH_PERIOD = /[.:\u2026]["'\u201D\u2019\u00BB)\]]*$/;

/** One paragraph as the rules see it. */
export interface Line {
  raw: string;
  folded: string;
  loose: string;
  words: number;
  /** The digits of the line, in order. */
  digits: string;
}

/**
 * Longer than any boilerplate line (every rule stops at forty words): such a paragraph is body,
 * and only its opening is folded (for a dateline that carries the date).
 */
const LONG_LINE = 600;

export function toLine(raw: string): Line {
  const trimmed = raw.trim();
  if (trimmed.length > LONG_LINE) {
    const words = (trimmed.match(/\s+/g)?.length ?? 0) + 1;
    return { raw: trimmed, folded: foldLine(trimmed.slice(0, LONG_LINE / 2)), loose: '', words: Math.max(words, 100), digits: '' };
  }
  const folded = foldLine(trimmed);
  const loose = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return { raw: trimmed, folded, loose, words: loose === '' ? 0 : loose.split(' ').length, digits: loose.replace(/\D/g, '') };
}

/** Splits "Heading: rest" (or «heading – rest», "heading » rest") at its first separator. */
export function splitHead(line: Line): { head: string; rest: string } | undefined {
  const match = /\s*[:\uFF1A\u2013\u2014\u00BB|>\u203A]\s*|\s+-\s+/u.exec(line.folded);
  if (match === null || match.index === 0) return undefined;
  const rest = line.folded.slice(match.index + match[0].length).trim();
  return { head: looseText(line.folded.slice(0, match.index)), rest };
}
