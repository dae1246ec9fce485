/** A later paragraph that (nearly) repeats the headline or another earlier headline-like line. */
import { ENDS_WITH_PERIOD, type Line } from './lines';

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const MAX_HEADLINE_CHARS = 300;
/** Shorter lines repeat by chance («في عام», "If you"). */
export const MIN_HEADLINE_CHARS = 12;

/**
 * Whether `later` nearly repeats `headline`: the same numbers and at most a tenth of the other
 * characters changed (a diacritic, a typo, punctuation), or the headline and " – Site name".
 */
export function nearlyRepeats(later: Line, headline: Line): boolean {
  const a = later.loose;
  const b = headline.loose;
  if (b.length < MIN_HEADLINE_CHARS || a.length > MAX_HEADLINE_CHARS || b.length > MAX_HEADLINE_CHARS) return false;
  if (a === b) return true;
  if (headline.words >= 2 && later.words - headline.words <= 5 && later.folded.startsWith(headline.folded)) {
    return /^\s*[-\u2013\u2014|:]/u.test(later.folded.slice(headline.folded.length));
  }
  if (Math.abs(a.length - b.length) > b.length / 10 || later.digits !== headline.digits) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 10));
}

/** Near repeats are looked for only against the first paragraphs (where the headline is) and the lines just before. */
const HEADLINE_ZONE = 5;
const NEARBY = 3;

/** A paragraph that can be a headline: the first one, or a short line without a final period. */
export const isHeadlineLike = (line: Line, index: number): boolean =>
  line.words >= 2 && (index === 0 ? line.words <= 40 : line.words <= 30 && !ENDS_WITH_PERIOD.test(line.raw));

/** Indices of the earlier paragraphs that a paragraph's near repeat is looked for in. */
export function candidatesBefore(i: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < Math.min(i, HEADLINE_ZONE); j++) out.push(j);
  for (let j = Math.max(HEADLINE_ZONE, i - NEARBY); j < i; j++) out.push(j);
  return out;
}
