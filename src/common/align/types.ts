import type { TextLanguage } from '../text/language';

/** What a link joins: sentences, or whole paragraphs. */
export type AlignmentUnit = 'sentence' | 'paragraph';

/**
 * One link of an alignment: consecutive source units with consecutive target units, by index into
 * the side's units. One side is empty for a `1-0` or `0-1` link. `confidence` is the probability,
 * under the alignment model, that this exact link is right (low where the model hesitates).
 */
export interface AlignmentLink {
  source: number[];
  target: number[];
  confidence: number;
}

/** One text to align: paragraphs of sentences, and optionally a translation of every sentence. */
export interface AlignmentSide {
  language: TextLanguage;
  paragraphs: string[][];
  /** One line per sentence in document order (all paragraphs flattened), into the common language. */
  translation?: string[];
}

/** An alignment as writers consume it: the units of both sides and the links between them, in order. */
export interface AlignedText {
  from: TextLanguage;
  to: TextLanguage;
  unit: AlignmentUnit;
  source: string[];
  target: string[];
  links: AlignmentLink[];
}

/** `S-T` with S and T the unit counts of the link (`1-1`, `2-1`, `0-1`, …). */
export function linkType(link: Pick<AlignmentLink, 'source' | 'target'>): string {
  return `${link.source.length}-${link.target.length}`;
}
