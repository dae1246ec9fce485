/**
 * Documents with a known alignment, built from FLORES-200 dev (test/fixtures/flores200-dev: line N of
 * dev.ar, dev.he and dev.en is the same sentence) with a seeded random generator: 8% of links become
 * 2-1 (two source lines; their two target lines joined into one sentence), 8% 1-2, 3% lose their
 * target line (1-0) and 3% their source line (0-1); each side is cut into paragraphs of 3 to 6
 * sentences on its own. Used by the accuracy tests and by `npm run bench:align`.
 */
import { readFileSync } from 'node:fs';
import type { TextLanguage } from '../../../src/common/text/language';
import { floresPath } from '../../support/reference-texts';

export function readFlores(): Record<TextLanguage, string[]> {
  const read = (language: TextLanguage) => readFileSync(floresPath(language), 'utf8').split('\n').slice(0, 997);
  return { he: read('he'), ar: read('ar'), en: read('en') };
}

/** mulberry32: a small seeded generator, so every run builds the same documents. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GoldLink {
  source: number[];
  target: number[];
}

export interface GoldDocument {
  source: string[][];
  target: string[][];
  /** The English reference of each source and target sentence (for stand-in machine translation). */
  sourceEnglish: string[];
  targetEnglish: string[];
  links: GoldLink[];
}

/**
 * A shape of link: how each side cuts the same consecutive lines into sentences (line counts per
 * sentence; an empty side leaves the lines out there), and how often it is drawn.
 */
export interface LinkShape {
  source: number[];
  target: number[];
  share: number;
}

/** The shapes of the accuracy tests: 8% 2-1, 8% 1-2, 3% 1-0, 3% 0-1, the rest 1-1. */
export const COMMON_SHAPES: readonly LinkShape[] = [
  { source: [1, 1], target: [2], share: 0.08 },
  { source: [2], target: [1, 1], share: 0.08 },
  { source: [1], target: [], share: 0.03 },
  { source: [], target: [1], share: 0.03 },
];

/** Links of three as well: 3-1, 1-3, and 2-2 whose sides cut three lines at different places. */
export const SHAPES_OF_THREE: readonly LinkShape[] = [
  ...COMMON_SHAPES,
  { source: [1, 1, 1], target: [3], share: 0.04 },
  { source: [3], target: [1, 1, 1], share: 0.04 },
  { source: [1, 2], target: [2, 1], share: 0.04 },
];

const lineCount = (shape: Pick<LinkShape, 'source' | 'target'>) => Math.max(shape.source.reduce((a, b) => a + b, 0), shape.target.reduce((a, b) => a + b, 0));

/**
 * Builds a document from FLORES lines `lines` (indices, in the order given): each line becomes a 1-1
 * link, or with the shares of `shapes` a link of another shape (a 2-1: two source lines, their two
 * target lines joined into one sentence). Each side is then cut into paragraphs of 3 to 6 sentences,
 * independently of the other: paragraph breaks say nothing about the alignment.
 */
export function buildDocument(
  flores: Record<TextLanguage, string[]>,
  from: TextLanguage,
  to: TextLanguage,
  lines: number[],
  seed: number,
  shapes: readonly LinkShape[] = COMMON_SHAPES,
): GoldDocument {
  const random = seededRandom(seed);
  const source: string[] = [];
  const target: string[] = [];
  const document: GoldDocument = { source: [], target: [], sourceEnglish: [], targetEnglish: [], links: [] };
  for (let k = 0; k < lines.length; ) {
    let draw = random();
    let shape: Pick<LinkShape, 'source' | 'target'> = { source: [1], target: [1] };
    for (const candidate of shapes) {
      if (draw < candidate.share) {
        shape = candidate;
        break;
      }
      draw -= candidate.share;
    }
    if (k + lineCount(shape) > lines.length) shape = { source: [1], target: [1] };
    const group = lines.slice(k, k + lineCount(shape));
    k += group.length;
    const link: GoldLink = { source: [], target: [] };
    const add = (texts: string[], english: string[], language: TextLanguage, cut: number[], indices: number[]) => {
      let next = 0;
      for (const size of cut) {
        const part = group.slice(next, (next += size));
        indices.push(texts.length);
        texts.push(part.map((line) => flores[language][line]!).join(' '));
        english.push(part.map((line) => flores.en[line]!).join(' '));
      }
    };
    add(source, document.sourceEnglish, from, shape.source, link.source);
    add(target, document.targetEnglish, to, shape.target, link.target);
    document.links.push(link);
  }
  document.source = paragraphsOf(source, random);
  document.target = paragraphsOf(target, random);
  return document;
}

/** Sentences cut into paragraphs of 3 to 6. */
function paragraphsOf(sentences: string[], random: () => number): string[][] {
  const paragraphs: string[][] = [];
  for (let start = 0; start < sentences.length; ) {
    const size = 3 + Math.floor(random() * 4);
    paragraphs.push(sentences.slice(start, (start += size)));
  }
  return paragraphs;
}

/** Stand-in machine translation: the English reference with each word dropped with probability 1/10. */
export function dropWords(sentences: string[], seed: number): string[] {
  const random = seededRandom(seed);
  return sentences.map((sentence) =>
    sentence
      .split(' ')
      .filter(() => random() >= 0.1)
      .join(' '),
  );
}

/**
 * Every third sentence's translation exchanged with another's: the translations of sentences 0, 3,
 * 6, … rotated among themselves by a random number of places, so that each lands at least three
 * sentences away (a translation one sentence off would only look like a 2-2 link).
 */
export function swapEveryThird(sentences: string[], seed: number): string[] {
  const random = seededRandom(seed);
  const chosen = Array.from({ length: Math.ceil(sentences.length / 3) }, (_, k) => 3 * k);
  if (chosen.length < 2) return [...sentences];
  const shift = 1 + Math.floor(random() * (chosen.length - 1));
  const out = [...sentences];
  chosen.forEach((position, k) => (out[position] = sentences[chosen[(k + shift) % chosen.length]!]!));
  return out;
}

/** A third of the words of every sentence dropped at random. */
export function dropThird(sentences: string[], seed: number): string[] {
  const random = seededRandom(seed);
  return sentences.map((sentence) =>
    sentence
      .split(' ')
      .filter(() => random() >= 1 / 3)
      .join(' '),
  );
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

/** Strict precision, recall and F1 over links: a predicted link counts only if gold has exactly the same one. */
export function scoreLinks(predicted: GoldLink[], gold: GoldLink[]): Scores {
  const key = (link: GoldLink) => `${link.source.join(',')}|${link.target.join(',')}`;
  const goldKeys = new Set(gold.map(key));
  const correct = predicted.filter((link) => goldKeys.has(key(link))).length;
  const precision = correct / predicted.length;
  const recall = correct / gold.length;
  return { precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/**
 * The lines cut into consecutive documents of 40 to 80 lines (the last one takes the rest), each
 * built by buildDocument: the documents of one seed, as a user would align them one by one.
 */
export function documentsOf(
  flores: Record<TextLanguage, string[]>,
  from: TextLanguage,
  to: TextLanguage,
  lines: number[],
  seed: number,
  shapes: readonly LinkShape[] = COMMON_SHAPES,
): GoldDocument[] {
  const random = seededRandom(seed * 7919 + 17);
  const documents: GoldDocument[] = [];
  for (let start = 0; start < lines.length; ) {
    let size = 40 + Math.floor(random() * 41);
    if (lines.length - (start + size) < 40) size = lines.length - start;
    documents.push(buildDocument(flores, from, to, lines.slice(start, (start += size)), seed * 1000 + documents.length, shapes));
  }
  return documents;
}
