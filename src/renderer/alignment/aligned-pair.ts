/**
 * Two articles that come aligned already (a TMX file, a bilingual table): both articles and their
 * alignment are written in one transaction. The input is units (a TMX `tu`'s text on each side) and links
 * between units; Targum's segmenter then cuts the units into sentences, so the links are carried over to
 * sentences: a unit of several sentences gives them all to its link, and links that share a sentence (a
 * sentence the segmenter does not cut where the units were cut) become one link.
 */
import { cleanImportedText } from '../../common/import/clean-text';
import type { ImportedArticle } from '../../common/import/article-import';
import type { TextLanguage } from '../../common/text/language';
import { addAlignedArticles } from '../data/alignments';
import { prepareArticle, type PreparedArticle } from '../data/articles';
import type { TargumDatabase } from '../data/database';
import type { StoreControl } from '../data/memory';
import type { AlignmentLinkRecord, ArticleOrigin } from '../data/records';
import { isValidAlignment } from './link-edits';

export interface PairSide {
  language: TextLanguage;
  /** The side's text, unit by unit in order; an empty unit is allowed (a link with one side empty). */
  units: string[];
  /** The paragraph of each unit: consecutive units of the same paragraph are joined into one. Default: a paragraph each. */
  paragraphs?: number[];
  title?: string;
  origin?: ArticleOrigin;
  originalFileName?: string;
}

/** A link between units by index; every unit of each side in exactly one link, in order. */
export interface PairLink {
  source: number[];
  target: number[];
  /** Default 1: links that come with the text were made by people. */
  confidence?: number;
}

export interface AlignedPairInput {
  source: PairSide;
  target: PairSide;
  links: PairLink[];
}

/** A unit as one line of text: cleaned as imports are, its line breaks and runs of spaces made single spaces. */
const unitText = (unit: string) => cleanImportedText(unit).replace(/\s+/g, ' ').trim();

/** The article text of a side: units of a paragraph joined by spaces, paragraphs by line breaks. */
function sideText(side: PairSide): string {
  const lines: string[] = [];
  side.units.forEach((unit, index) => {
    const text = unitText(unit);
    const paragraph = side.paragraphs?.[index] ?? index;
    if (lines.length > 0 && index > 0 && (side.paragraphs?.[index - 1] ?? index - 1) === paragraph) lines[lines.length - 1] = `${lines[lines.length - 1]} ${text}`.trim();
    else lines.push(text);
  });
  return lines.filter((line) => line !== '').join('\n');
}

const visibleLength = (text: string) => text.replace(/\s+/g, '').length;

/** For each sentence of the article (boilerplate included, in order), the units it overlaps, by the characters other than spaces. */
function unitsOfSentences(units: readonly string[], article: ImportedArticle): number[][] {
  const bounds: Array<{ begin: number; end: number }> = [];
  let total = 0;
  for (const unit of units) {
    const begin = total;
    total += visibleLength(unitText(unit));
    bounds.push({ begin, end: total });
  }
  const result: number[][] = [];
  let start = 0;
  let first = 0;
  for (const sentence of article.paragraphs.flatMap((paragraph) => paragraph.sentences)) {
    const end = start + visibleLength(sentence);
    while (first < bounds.length && bounds[first]!.end <= start) first++;
    const overlapping: number[] = [];
    for (let unit = first; unit < bounds.length && bounds[unit]!.begin < end; unit++) if (bounds[unit]!.end > bounds[unit]!.begin) overlapping.push(unit);
    result.push(overlapping);
    start = end;
  }
  if (start !== total) throw new Error('aligned pair: the sentences do not spell the units');
  return result;
}

/**
 * The links of units as links of the sentences outside boilerplate: each link takes the sentences that
 * overlap its units; a link that shares a sentence with the one before is merged into it.
 */
function sentenceLinks(input: AlignedPairInput, source: ImportedArticle, target: ImportedArticle): AlignmentLinkRecord[] {
  const sides = { source: { units: unitsOfSentences(input.source.units, source), article: source }, target: { units: unitsOfSentences(input.target.units, target), article: target } };
  /** For each unit, its sentences (indices among all sentences). */
  const sentencesOf = (which: 'source' | 'target') => {
    const byUnit: number[][] = input[which].units.map(() => []);
    sides[which].units.forEach((units, sentence) => units.forEach((unit) => byUnit[unit]!.push(sentence)));
    return byUnit;
  };
  const byUnit = { source: sentencesOf('source'), target: sentencesOf('target') };
  const merged: Array<{ source: number[]; target: number[]; confidence: number }> = [];
  for (const link of input.links) {
    const next = {
      source: [...new Set(link.source.flatMap((unit) => byUnit.source[unit]!))],
      target: [...new Set(link.target.flatMap((unit) => byUnit.target[unit]!))],
      confidence: link.confidence ?? 1,
    };
    const last = merged.at(-1);
    const shares = (which: 'source' | 'target') => last !== undefined && next[which].length > 0 && last[which].length > 0 && next[which][0]! <= last[which].at(-1)!;
    if (last && (shares('source') || shares('target'))) {
      last.source = [...new Set([...last.source, ...next.source])];
      last.target = [...new Set([...last.target, ...next.target])];
      last.confidence = Math.min(last.confidence, next.confidence);
    } else merged.push(next);
  }
  // Sentences of boilerplate paragraphs are left out of alignments; the others are numbered afresh.
  const renumber = (article: ImportedArticle) => {
    const numbers: Array<number | undefined> = [];
    let next = 0;
    for (const paragraph of article.paragraphs) for (const _ of paragraph.sentences) numbers.push(paragraph.boilerplate ? undefined : next++);
    return (sentences: number[]) => sentences.flatMap((sentence) => (numbers[sentence] === undefined ? [] : [numbers[sentence]]));
  };
  const renumberSource = renumber(source);
  const renumberTarget = renumber(target);
  return merged
    .map((link) => ({ source: renumberSource(link.source), target: renumberTarget(link.target), confidence: link.confidence, manual: true }))
    .filter((link) => link.source.length > 0 || link.target.length > 0);
}

const nonBoilerplateSentences = (article: ImportedArticle) => article.paragraphs.filter((paragraph) => !paragraph.boilerplate).flatMap((paragraph) => paragraph.sentences);

/**
 * The two articles of a pair and their links, built and ready to store: plain data, so that it can be built in a
 * worker. The linked sentences are not repeated here (they are the articles' own, taken when storing), which keeps
 * the worker's answer small to read on the page.
 */
export interface BuiltAlignedPair {
  source: PreparedArticle;
  target: PreparedArticle;
  links: AlignmentLinkRecord[];
}

/**
 * Builds the two articles (segmenting both sides) and carries the units' links over to their sentences; no
 * storage, so the article reader's worker does it for a large file. Throws ArticleImportError for a side with
 * nothing to read, Error for links that are not an alignment of the units.
 */
export function buildAlignedPair(input: AlignedPairInput, now: number = Date.now()): BuiltAlignedPair {
  const unitLinks = input.links.map((link) => ({ ...link, confidence: link.confidence ?? 1, manual: true }));
  if (!isValidAlignment(unitLinks, input.source.units.length, input.target.units.length)) {
    throw new Error('aligned pair: the links must name every unit of each side once, in order');
  }
  const prepare = (side: PairSide) =>
    prepareArticle({ text: sideText(side), language: side.language, title: side.title, origin: side.origin ?? 'file', originalFileName: side.originalFileName }, now);
  const source = prepare(input.source);
  const target = prepare(input.target);
  const links = sentenceLinks(input, source.article, target.article);
  if (!isValidAlignment(links, nonBoilerplateSentences(source.article).length, nonBoilerplateSentences(target.article).length)) {
    throw new Error('aligned pair: the sentences could not be linked in order');
  }
  return { source, target, links };
}

/** Stores a built pair: both articles and their alignment in one transaction (or inside the caller's), as addAlignedArticles does. */
export function storeAlignedPair(db: TargumDatabase, { source, target, links }: BuiltAlignedPair, control?: StoreControl): Promise<{ sourceId: number; targetId: number; alignmentId: number }> {
  return addAlignedArticles(db, source, target, { links, sourceSentences: nonBoilerplateSentences(source.article), targetSentences: nonBoilerplateSentences(target.article) }, control);
}

/** Makes the two articles and their alignment (buildAlignedPair) and stores them in one transaction; the links are the user's (re-aligning keeps them). */
export async function createAlignedPair(db: TargumDatabase, input: AlignedPairInput): Promise<{ sourceId: number; targetId: number; alignmentId: number }> {
  return storeAlignedPair(db, buildAlignedPair(input));
}
