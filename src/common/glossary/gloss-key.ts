import { strippedReadings } from './prefixes';
import { splitWords } from './words';
import type { TextLanguage } from '../text/language';

/**
 * The form a gloss is stored and matched under: the folded words of the selection (see foldText),
 * one space between them, punctuation around and between them left out. The word is kept as
 * selected — a gloss on והצבא has the key והצבא; glossKeyStems offers the stripped forms.
 * Empty when the selection holds no word.
 */
export function glossKey(surface: string, language: TextLanguage): string {
  return splitWords(surface, language)
    .map((word) => word.folded)
    .join(' ');
}

/**
 * The keys a one-word selection could be stored under instead, prefixes stripped, least stripped
 * first: והצבא → [הצבא, צבא]; للجيش → [الجيش, لجيش, جيش]; empty for a phrase or a bare word. A gloss on
 * a stem matches every prefixed form of it; a gloss on the prefixed form matches only that form.
 */
export function glossKeyStems(surface: string, language: TextLanguage): string[] {
  const words = splitWords(surface, language);
  return words.length === 1 ? strippedReadings(words[0]!.folded, language).map((reading) => reading.key) : [];
}
