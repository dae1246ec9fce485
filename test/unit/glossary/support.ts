import { buildGlossIndex, findGlossMatches } from '../../../src/common/glossary/gloss-index';
import { glossKey } from '../../../src/common/glossary/gloss-key';
import type { TextLanguage } from '../../../src/common/text/language';
import { sampleText as seed } from '../../support/reference-texts';

/** The text of sample article `number` (000 is Hebrew, 001–004 Arabic). */
export { seed };

/** The paragraphs (lines) of a seed that contain `needle`. */
export function seedLinesWith(number: string, needle: string): string[] {
  return seed(number)
    .split('\n')
    .filter((line) => line.includes(needle));
}

export interface Mark {
  /** The text marked, prefix included. */
  text: string;
  /** The part after the stripped prefix. */
  stem: string;
  kind: 'whole' | 'prefixed';
  /** The selections of the glosses found there. */
  glosses: string[];
}

/** Glosses the reader made on `surfaces` (as selected), then what they mark in `text`. */
export function marks(text: string, language: TextLanguage, surfaces: readonly string[]): Mark[] {
  const index = buildGlossIndex(surfaces.map((surface, id) => ({ id, key: glossKey(surface, language), language })));
  return findGlossMatches(text, language, index).map((match) => ({
    text: text.slice(match.start, match.end),
    stem: text.slice(match.stemStart, match.end),
    kind: match.kind,
    glosses: match.glossIds.map((id) => surfaces[id]!),
  }));
}

/** Just the marked texts. */
export function marked(text: string, language: TextLanguage, surfaces: readonly string[]): string[] {
  return marks(text, language, surfaces).map((mark) => mark.text);
}
