/**
 * Documents with a known alignment, built from FLORES-200 dev (line N of dev.ar, dev.he and dev.en is
 * the same sentence): consecutive lines become paragraphs of 3 to 6 lines, and with a seeded random
 * generator 8% of links become 2-1 (two source lines; their two target lines joined into one
 * sentence), 8% 1-2, 3% lose their target line (1-0) and 3% their source line (0-1). Paragraph
 * boundaries are the same on both sides. Used by the accuracy test and by `npm run bench:align`.
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

/** Builds a document from FLORES lines `lines` (indices, in the order given). */
export function buildDocument(flores: Record<TextLanguage, string[]>, from: TextLanguage, to: TextLanguage, lines: number[], seed: number): GoldDocument {
  const random = seededRandom(seed);
  const document: GoldDocument = { source: [], target: [], sourceEnglish: [], targetEnglish: [], links: [] };
  let sourceCount = 0;
  let targetCount = 0;
  for (let start = 0; start < lines.length; ) {
    const size = Math.min(lines.length - start, 3 + Math.floor(random() * 4));
    const paragraph = lines.slice(start, start + size);
    start += size;
    const source: string[] = [];
    const target: string[] = [];
    for (let k = 0; k < paragraph.length; ) {
      // A deletion never empties a paragraph: the last line of a paragraph with nothing yet on that side stays.
      const draw = random();
      const two = k + 1 < paragraph.length;
      const line = paragraph[k]!;
      const next = paragraph[k + 1]!;
      const join = (language: TextLanguage) => `${flores[language][line]} ${flores[language][next]}`;
      let link: GoldLink;
      if (draw < 0.08 && two) {
        source.push(flores[from][line]!, flores[from][next]!);
        document.sourceEnglish.push(flores.en[line]!, flores.en[next]!);
        target.push(join(to));
        document.targetEnglish.push(join('en'));
        link = { source: [sourceCount, sourceCount + 1], target: [targetCount] };
        k += 2;
      } else if (draw >= 0.08 && draw < 0.16 && two) {
        source.push(join(from));
        document.sourceEnglish.push(join('en'));
        target.push(flores[to][line]!, flores[to][next]!);
        document.targetEnglish.push(flores.en[line]!, flores.en[next]!);
        link = { source: [sourceCount], target: [targetCount, targetCount + 1] };
        k += 2;
      } else if (draw >= 0.16 && draw < 0.19 && (target.length > 0 || k + 1 < paragraph.length)) {
        source.push(flores[from][line]!);
        document.sourceEnglish.push(flores.en[line]!);
        link = { source: [sourceCount], target: [] };
        k += 1;
      } else if (draw >= 0.19 && draw < 0.22 && (source.length > 0 || k + 1 < paragraph.length)) {
        target.push(flores[to][line]!);
        document.targetEnglish.push(flores.en[line]!);
        link = { source: [], target: [targetCount] };
        k += 1;
      } else {
        source.push(flores[from][line]!);
        document.sourceEnglish.push(flores.en[line]!);
        target.push(flores[to][line]!);
        document.targetEnglish.push(flores.en[line]!);
        link = { source: [sourceCount], target: [targetCount] };
        k += 1;
      }
      sourceCount += link.source.length;
      targetCount += link.target.length;
      document.links.push(link);
    }
    document.source.push(source);
    document.target.push(target);
  }
  return document;
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
