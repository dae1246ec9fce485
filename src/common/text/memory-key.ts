import { foldText } from './fold';
import type { TextLanguage } from './language';

const DOUBLE_QUOTES = /[«»„‟〝〞＂]/gu;
const SINGLE_QUOTES = /[‹›‚‛]/gu;
const DASHES = /[\u05BE\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu;
const ARABIC_PUNCTUATION: Record<string, string> = { '،': ',', '؛': ';', '؟': '?', '٪': '%' };
const FINAL_FULL_STOPS = /[.…۔\s]+$/u;

/**
 * The translation-memory key of a source sentence (MemoryRecord.sourceKey): the language, then the
 * sentence as foldText reads it (no diacritics, tatweel or niqqud; unified alef, hamza, ya, ta
 * marbuta; Western digits; lower-case Latin), with every kind of quotation mark written " or ',
 * every dash -, Arabic comma, semicolon, question mark and percent sign as their Latin forms, white
 * space collapsed and trimmed, and final full stops and ellipses dropped: a headline or caption is
 * the same sentence without its full stop. A final ? or ! is kept, as it changes the sentence.
 */
export function memoryKey(language: TextLanguage, text: string): string {
  const normalised = foldText(text)
    .replace(DOUBLE_QUOTES, '"')
    .replace(SINGLE_QUOTES, "'")
    .replace(DASHES, '-')
    .replace(/[،؛؟٪]/gu, (mark) => ARABIC_PUNCTUATION[mark]!)
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(FINAL_FULL_STOPS, '');
  return `${language}:${normalised}`;
}
