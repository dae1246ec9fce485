/**
 * The alignment editor's operations on a list of links. A list is valid when, read in order, its links
 * name every source sentence once and in order, and every target sentence once and in order (one side of
 * a link may be empty: a 1-0 or 0-1 link). Every operation keeps a valid list valid; a link it makes or
 * changes is marked `manual` (the user decided it, so re-aligning keeps it) with confidence 1.
 */
import type { AlignmentLinkRecord } from '../data/records';

export type LinkSide = 'source' | 'target';

/** An operation that does not apply where it was asked for; the message says why in one sentence. */
export class LinkEditError extends Error {}

/** The links after an edit, and the link to focus next. */
export interface LinkEdit {
  links: AlignmentLinkRecord[];
  focus: number;
}

/** Where to split a link: how many of its source and of its target sentences go to the first part. */
export interface SplitCut {
  source: number;
  target: number;
}

/**
 * Links the aligner was less sure of than this are shown as uncertain. Confidences are calibrated (a link of
 * confidence 0.7 is right about 7 times in 10), so these are the links wrong once in three or more often.
 * Aligning seed 000 with its English, every link is right and scores 0.74 or more; with the English run into
 * one paragraph, the links that go wrong score 0.62–0.65 (and a few right ones under 0.7 too).
 */
export const uncertainBelow = 0.7;

export function isUncertain(link: AlignmentLinkRecord): boolean {
  return !link.manual && link.confidence < uncertainBelow;
}

const manual = (source: number[], target: number[]): AlignmentLinkRecord => ({ source, target, confidence: 1, manual: true });

function linkAt(links: readonly AlignmentLinkRecord[], index: number): AlignmentLinkRecord {
  const link = links[index];
  if (!link) throw new LinkEditError('Choose a link first.');
  return link;
}

function replace(links: readonly AlignmentLinkRecord[], index: number, count: number, by: AlignmentLinkRecord[]): AlignmentLinkRecord[] {
  return [...links.slice(0, index), ...by, ...links.slice(index + count)];
}

/** Whether the links name sentences 0…count−1 of each side once each, in order, and no link is empty. */
export function isValidAlignment(links: readonly AlignmentLinkRecord[], sourceCount: number, targetCount: number): boolean {
  let nextSource = 0;
  let nextTarget = 0;
  for (const link of links) {
    if (link.source.length === 0 && link.target.length === 0) return false;
    for (const index of link.source) if (index !== nextSource++) return false;
    for (const index of link.target) if (index !== nextTarget++) return false;
  }
  return nextSource === sourceCount && nextTarget === targetCount;
}

/** The link joined with the next one (any two neighbours: 1-1 and 1-1 make 2-2, 1-0 and 0-1 make 1-1). */
export function mergeWithNext(links: readonly AlignmentLinkRecord[], index: number): LinkEdit {
  const link = linkAt(links, index);
  const next = links[index + 1];
  if (!next) throw new LinkEditError('The last link has no next link to merge with.');
  return { links: replace(links, index, 2, [manual([...link.source, ...next.source], [...link.target, ...next.target])]), focus: index };
}

/** The cut a split starts from: each side halved (the first part gets the extra sentence), never an empty part. */
export function defaultSplitCut(link: AlignmentLinkRecord): SplitCut {
  const cut = { source: Math.ceil(link.source.length / 2), target: Math.ceil(link.target.length / 2) };
  if (cut.source === link.source.length && cut.target === link.target.length) {
    // A 1-1 (or 1-0) link: the only splits leave one side on each part.
    if (link.target.length > 0 && link.source.length > 0) cut.target = 0;
    else if (link.source.length > 1) cut.source = link.source.length - 1;
    else if (link.target.length > 1) cut.target = link.target.length - 1;
  }
  return cut;
}

/** Whether a link holds more than one sentence, so that it can be split. */
export function canSplit(link: AlignmentLinkRecord): boolean {
  return link.source.length + link.target.length > 1;
}

/** Whether the cut leaves a sentence on each part. */
export function isValidCut(link: AlignmentLinkRecord, cut: SplitCut): boolean {
  const inRange = cut.source >= 0 && cut.source <= link.source.length && cut.target >= 0 && cut.target <= link.target.length;
  return inRange && cut.source + cut.target > 0 && cut.source + cut.target < link.source.length + link.target.length;
}

/** The link cut in two: the first `cut.source` source and `cut.target` target sentences, then the rest. */
export function splitLink(links: readonly AlignmentLinkRecord[], index: number, cut: SplitCut): LinkEdit {
  const link = linkAt(links, index);
  if (!canSplit(link)) throw new LinkEditError('A link of one sentence cannot be split.');
  if (!isValidCut(link, cut)) throw new LinkEditError('Put the cut between sentences, so that each part keeps at least one.');
  const first = manual(link.source.slice(0, cut.source), link.target.slice(0, cut.target));
  const second = manual(link.source.slice(cut.source), link.target.slice(cut.target));
  return { links: replace(links, index, 1, [first, second]), focus: index };
}

/** Every sentence of the link on its own: one 1-0 link per source sentence, then one 0-1 per target sentence. */
export function unlink(links: readonly AlignmentLinkRecord[], index: number): LinkEdit {
  const link = linkAt(links, index);
  if (link.source.length === 0 || link.target.length === 0) throw new LinkEditError('This sentence is not linked to anything.');
  const parts = [...link.source.map((sentence) => manual([sentence], [])), ...link.target.map((sentence) => manual([], [sentence]))];
  return { links: replace(links, index, 1, parts), focus: index };
}

const isUnlinked = (link: AlignmentLinkRecord | undefined, side: LinkSide): boolean =>
  link !== undefined && link[side].length > 0 && link[side === 'source' ? 'target' : 'source'].length === 0;

/**
 * An unlinked sentence (a 1-0 or 0-1 link) linked with the unlinked sentence of the other side next to it:
 * the next link when it is one, else the previous one.
 */
export function linkWithNeighbour(links: readonly AlignmentLinkRecord[], index: number): LinkEdit {
  const link = linkAt(links, index);
  const side: LinkSide | undefined = isUnlinked(link, 'source') ? 'source' : isUnlinked(link, 'target') ? 'target' : undefined;
  if (!side) throw new LinkEditError('This link has sentences on both sides already; to add more, merge it with the next link.');
  const other: LinkSide = side === 'source' ? 'target' : 'source';
  if (isUnlinked(links[index + 1], other)) return mergeWithNext(links, index);
  if (isUnlinked(links[index - 1], other)) return mergeWithNext(links, index - 1);
  throw new LinkEditError(`No unlinked ${other} sentence is next to this one to link it with.`);
}

/**
 * Moves a boundary: the first sentence of the link's side to the end of the previous link (`previous`), or
 * its last sentence to the start of the next link (`next`). A link left with no sentence disappears.
 */
export function moveSentence(links: readonly AlignmentLinkRecord[], index: number, side: LinkSide, direction: 'previous' | 'next'): LinkEdit {
  const link = linkAt(links, index);
  const neighbourIndex = direction === 'previous' ? index - 1 : index + 1;
  const neighbour = links[neighbourIndex];
  if (!neighbour) throw new LinkEditError(direction === 'previous' ? 'The first link has no previous link.' : 'The last link has no next link.');
  if (link[side].length === 0) throw new LinkEditError(`This link has no ${side} sentence to move.`);
  const moved = direction === 'previous' ? link[side][0]! : link[side][link[side].length - 1]!;
  const rest = direction === 'previous' ? link[side].slice(1) : link[side].slice(0, -1);
  const changed = manual(side === 'source' ? rest : link.source, side === 'target' ? rest : link.target);
  const grown =
    direction === 'previous'
      ? manual(side === 'source' ? [...neighbour.source, moved] : neighbour.source, side === 'target' ? [...neighbour.target, moved] : neighbour.target)
      : manual(side === 'source' ? [moved, ...neighbour.source] : neighbour.source, side === 'target' ? [moved, ...neighbour.target] : neighbour.target);
  const emptied = changed.source.length === 0 && changed.target.length === 0;
  if (direction === 'previous') {
    return { links: replace(links, index - 1, 2, emptied ? [grown] : [grown, changed]), focus: emptied ? index - 1 : index };
  }
  return { links: replace(links, index, 2, emptied ? [grown] : [changed, grown]), focus: index };
}

/** The link marked as the user's, as it is: re-aligning keeps it and it no longer shows as uncertain. */
export function confirmLink(links: readonly AlignmentLinkRecord[], index: number): LinkEdit {
  const link = linkAt(links, index);
  if (link.manual) throw new LinkEditError('This link is yours already: re-aligning keeps it.');
  return { links: replace(links, index, 1, [manual(link.source, link.target)]), focus: index };
}
