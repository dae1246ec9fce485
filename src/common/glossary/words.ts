import { foldText } from '../text/fold';
import type { TextLanguage } from '../text/language';

/** One word of a text: its place in the original string and its folded form. */
export interface Word {
  start: number;
  end: number;
  folded: string;
  /** Only spaces, hyphens, maqaf or direction marks lie between this word and the next: a phrase may continue. */
  joinsNext: boolean;
}

const WORD_CHARS = '[\\p{L}\\p{M}\\p{Nd}]+';
/** Zero-width and direction marks inside a word (foldText drops them). */
const INVISIBLE = '[\\u200B-\\u200F\\u061C\\u2066-\\u2069\\u202A-\\u202E]+';
/**
 * Hebrew acronyms and loan sounds are one word: gershayim or geresh between letters (צה"ל, הרמטכ"ל,
 * ג'ורג'), a geresh sign ending a word (פרופ׳), and an apostrophe after ג ז צ ץ (the letters it turns
 * into j, zh, ch: מרקוביץ'). Elsewhere a quote mark is punctuation. A prefix glued to a quotation
 * (ב"הארץ") makes one word too; prefixes.ts reads through the quote.
 */
const HEBREW_INNER = `["'׳״“”‘’](?=[\\u05D0-\\u05EA])`;
const HEBREW_END = `(?:׳|(?<=[גזצץ]\\p{M}*)['’])`;
const ENGLISH_INNER = `['’](?=\\p{L})`;

function wordPattern(inner: string, end: string): RegExp {
  const joiner = inner === '' ? INVISIBLE : `(?:${INVISIBLE}|${inner})`;
  return new RegExp(`${WORD_CHARS}(?:${joiner}${WORD_CHARS})*${end}`, 'gu');
}

const WORD: Record<TextLanguage, RegExp> = {
  he: wordPattern(HEBREW_INNER, `${HEBREW_END}?`),
  ar: wordPattern('', ''),
  en: wordPattern(ENGLISH_INNER, ''),
};

/** What may stand between two words of one phrase: white space, hyphens, maqaf, direction marks. */
const PHRASE_GAP = /^[\s\u00A0\u05BE\u2010\u2011\u2012\u2013\u002D\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E]+$/u;

/** The words of a text in order, each with its folded form (see foldText). */
export function splitWords(text: string, language: TextLanguage): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(WORD[language])) {
    const start = match.index;
    const end = start + match[0].length;
    const previous = words.at(-1);
    if (previous) previous.joinsNext = PHRASE_GAP.test(text.slice(previous.end, start));
    words.push({ start, end, folded: foldText(match[0]), joinsNext: false });
  }
  return words;
}

/**
 * The offset in `original` (a word as written) where its folded form's `letters`-th character begins:
 * marks, tatweel and direction marks after the last skipped letter belong to it.
 */
export function offsetAfterFoldedLetters(original: string, letters: number): number {
  let counted = 0;
  let offset = 0;
  for (const character of original) {
    const width = foldText(character).length;
    if (counted >= letters && width > 0) return offset;
    counted += width;
    offset += character.length;
  }
  return offset;
}
