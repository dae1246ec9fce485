/**
 * Aligning an article with its counterpart while keeping the links the user made: the user's links are
 * fixed, and the aligner runs on each stretch of sentences between them. When the sentences themselves
 * have changed (the segmenter improved), the user's links whose sentences still read the same are carried
 * over to the new sentences first.
 */
import { diffArrays } from 'diff';
import { alignTexts } from '../../common/align/align-texts';
import type { AlignmentSide } from '../../common/align/types';
import type { AlignmentLinkRecord } from '../data/records';

const placeholder = (source: number[], target: number[]): AlignmentLinkRecord => ({ source, target, confidence: 0, manual: false });

/** The sentences [from, to) of a side as a side of their own, grouped by the paragraphs they belong to. */
function sliceSide(side: AlignmentSide, paragraphOf: readonly number[], from: number, to: number): AlignmentSide {
  const paragraphs: string[][] = [];
  const sentences = side.paragraphs.flat();
  for (let index = from; index < to; index++) {
    if (index === from || paragraphOf[index] !== paragraphOf[index - 1]) paragraphs.push([]);
    paragraphs[paragraphs.length - 1]!.push(sentences[index]!);
  }
  return { language: side.language, paragraphs, ...(side.translation ? { translation: side.translation.slice(from, to) } : {}) };
}

function paragraphIndexes(side: AlignmentSide): number[] {
  return side.paragraphs.flatMap((sentences, paragraph) => sentences.map(() => paragraph));
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => from + offset);

/**
 * The links of source sentences [s0, s1) with target sentences [t0, t1) by the aligner; a stretch with
 * sentences on one side only becomes one unlinked sentence per link (nothing else can be linked there).
 */
function alignStretch(source: AlignmentSide, target: AlignmentSide, paragraphs: { source: number[]; target: number[] }, s0: number, s1: number, t0: number, t1: number) {
  if (s0 === s1 || t0 === t1) {
    return [...range(s0, s1).map((index) => ({ source: [index], target: [], confidence: 1, manual: false })), ...range(t0, t1).map((index) => ({ source: [], target: [index], confidence: 1, manual: false }))];
  }
  const aligned = alignTexts(sliceSide(source, paragraphs.source, s0, s1), sliceSide(target, paragraphs.target, t0, t1), { unit: 'sentence' });
  return aligned.links.map((link) => ({
    source: link.source.map((index) => index + s0),
    target: link.target.map((index) => index + t0),
    confidence: link.confidence,
    manual: false,
  }));
}

/**
 * Aligns the two sides. With `links` (a valid alignment of these same sentences), the manual links stay as
 * they are and every stretch of other links between them is aligned again; without, the whole is aligned.
 */
export function alignKeepingManual(source: AlignmentSide, target: AlignmentSide, links?: readonly AlignmentLinkRecord[]): AlignmentLinkRecord[] {
  const sourceCount = source.paragraphs.reduce((sum, sentences) => sum + sentences.length, 0);
  const targetCount = target.paragraphs.reduce((sum, sentences) => sum + sentences.length, 0);
  const paragraphs = { source: paragraphIndexes(source), target: paragraphIndexes(target) };
  const result: AlignmentLinkRecord[] = [];
  let source0 = 0;
  let target0 = 0;
  let source1 = 0;
  let target1 = 0;
  const flush = () => {
    result.push(...alignStretch(source, target, paragraphs, source0, source1, target0, target1));
    source0 = source1;
    target0 = target1;
  };
  for (const link of links ?? []) {
    if (link.manual) {
      flush();
      result.push(link);
      source1 += link.source.length;
      target1 += link.target.length;
      source0 = source1;
      target0 = target1;
    } else {
      source1 += link.source.length;
      target1 += link.target.length;
    }
  }
  if (source1 > sourceCount || target1 > targetCount) throw new Error('alignment: the links name more sentences than the texts have');
  source1 = sourceCount;
  target1 = targetCount;
  flush();
  return result;
}

/** For each old sentence, its index among the new sentences when it is still there (in order), else undefined. */
function sentenceMap(before: readonly string[], after: readonly string[]): Array<number | undefined> {
  const map: Array<number | undefined> = new Array(before.length).fill(undefined);
  let old = 0;
  let current = 0;
  for (const change of diffArrays(before as string[], after as string[])) {
    const count = change.count ?? change.value.length;
    if (change.added) current += count;
    else if (change.removed) old += count;
    else for (let step = 0; step < count; step++) map[old++] = current++;
  }
  return map;
}

/** The new indices of old sentences [from, from + count), when all are still there and still next to each other. */
function mappedRun(map: ReadonlyArray<number | undefined>, from: number, count: number): number[] | undefined {
  const run: number[] = [];
  for (let index = from; index < from + count; index++) {
    const mapped = map[index];
    if (mapped === undefined || (run.length > 0 && mapped !== run[run.length - 1]! + 1)) return undefined;
    run.push(mapped);
  }
  return run;
}

/** Where old position `at` (between sentences at−1 and at) falls among the new sentences. */
function mappedPosition(map: ReadonlyArray<number | undefined>, at: number): number | undefined {
  if (at === 0) return 0;
  const before = map[at - 1];
  if (before !== undefined) return before + 1;
  return map[at];
}

export interface CarriedLinks {
  /** A valid alignment of the new sentences: the kept manual links, everything else unlinked (to be aligned). */
  links: AlignmentLinkRecord[];
  kept: number;
  dropped: number;
}

/**
 * The manual links of an alignment of `before` sentences carried over to `after` sentences: a link is kept
 * when every sentence it joins reads the same, in the same order, and it still falls after the links kept
 * before it.
 */
export function carryManualLinks(
  links: readonly AlignmentLinkRecord[],
  before: { source: readonly string[]; target: readonly string[] },
  after: { source: readonly string[]; target: readonly string[] },
): CarriedLinks {
  const maps = { source: sentenceMap(before.source, after.source), target: sentenceMap(before.target, after.target) };
  const kept: AlignmentLinkRecord[] = [];
  let dropped = 0;
  let oldSource = 0;
  let oldTarget = 0;
  let nextSource = 0;
  let nextTarget = 0;
  const fill = (sourceTo: number, targetTo: number) => {
    kept.push(...range(nextSource, sourceTo).map((index) => placeholder([index], [])), ...range(nextTarget, targetTo).map((index) => placeholder([], [index])));
  };
  for (const link of links) {
    const start = { source: oldSource, target: oldTarget };
    oldSource += link.source.length;
    oldTarget += link.target.length;
    if (!link.manual) continue;
    const source = mappedRun(maps.source, start.source, link.source.length);
    const target = mappedRun(maps.target, start.target, link.target.length);
    const sourceAt = link.source.length > 0 ? source?.[0] : mappedPosition(maps.source, start.source);
    const targetAt = link.target.length > 0 ? target?.[0] : mappedPosition(maps.target, start.target);
    if (!source || !target || sourceAt === undefined || targetAt === undefined || sourceAt < nextSource || targetAt < nextTarget) {
      dropped += 1;
      continue;
    }
    fill(sourceAt, targetAt);
    kept.push({ ...link, source, target });
    nextSource = sourceAt + source.length;
    nextTarget = targetAt + target.length;
  }
  fill(after.source.length, after.target.length);
  return { links: kept, kept: kept.filter((link) => link.manual).length, dropped };
}
