import { describe, expect, it } from 'vitest';
import {
  confirmLink,
  defaultSplitCut,
  isValidAlignment,
  LinkEditError,
  linkWithNeighbour,
  mergeWithNext,
  moveSentence,
  splitLink,
  unlink,
  type LinkEdit,
} from '../../../src/renderer/alignment/link-edits';
import type { AlignmentLinkRecord } from '../../../src/renderer/data/records';

const auto = (source: number[], target: number[], confidence = 0.9): AlignmentLinkRecord => ({ source, target, confidence, manual: false });
/** Links as `S:T` strings ("0,1:0"), to compare shapes at a glance. */
const shape = (links: readonly AlignmentLinkRecord[]) => links.map((link) => `${link.source.join(',')}:${link.target.join(',')}`);

// Source sentences 0–5, target sentences 0–5: 1-1, 2-1, 0-1, 1-0, 1-2, 1-1.
const sample = (): AlignmentLinkRecord[] => [auto([0], [0]), auto([1, 2], [1]), auto([], [2]), auto([3], []), auto([4], [3, 4]), auto([5], [5])];

describe('alignment editor operations', () => {
  it('merges a link with the next one into one manual link, sure of itself', () => {
    const edit = mergeWithNext(sample(), 0);
    expect(shape(edit.links)).toEqual(['0,1,2:0,1', ':2', '3:', '4:3,4', '5:5']);
    expect(edit.links[0]).toMatchObject({ manual: true, confidence: 1 });
    expect(edit.links.slice(1).every((link) => !link.manual)).toBe(true);
    expect(edit.focus).toBe(0);
    expect(() => mergeWithNext(sample(), 5)).toThrow(LinkEditError);
  });

  it('splits a link where the user cuts it, and proposes halves that leave something on each part', () => {
    const links = sample();
    expect(defaultSplitCut(links[1]!)).toEqual({ source: 1, target: 1 });
    expect(shape(splitLink(links, 1, defaultSplitCut(links[1]!)).links)).toEqual(['0:0', '1:1', '2:', ':2', '3:', '4:3,4', '5:5']);
    // The cut is the user's: the second target sentence can start the second part with no source sentence before it.
    expect(shape(splitLink(links, 4, { source: 1, target: 1 }).links).slice(4, 6)).toEqual(['4:3', ':4']);
    expect(shape(splitLink(links, 4, { source: 0, target: 1 }).links).slice(4, 6)).toEqual([':3', '4:4']);
    // A 1-1 link splits into its two sentences, unlinked.
    expect(defaultSplitCut(links[0]!)).toEqual({ source: 1, target: 0 });
    expect(() => splitLink(links, 1, { source: 2, target: 1 })).toThrow(/each part keeps at least one/);
    expect(() => splitLink(links, 1, { source: 0, target: 0 })).toThrow(LinkEditError);
    expect(() => splitLink(links, 2, { source: 0, target: 1 })).toThrow(/cannot be split/);
  });

  it('unlinks a link into one unlinked sentence each, and links an unlinked sentence with its unlinked neighbour', () => {
    const links = sample();
    expect(shape(unlink(links, 4).links)).toEqual(['0:0', '1,2:1', ':2', '3:', '4:', ':3', ':4', '5:5']);
    expect(() => unlink(links, 2)).toThrow(/not linked/);

    // The 0-1 at 2 has the 1-0 at 3 after it: linked, they make a 1-1.
    expect(shape(linkWithNeighbour(links, 2).links)).toEqual(['0:0', '1,2:1', '3:2', '4:3,4', '5:5']);
    // From the 1-0, the 0-1 before it is taken when there is none after.
    const fromSecond = linkWithNeighbour(links, 3);
    expect(shape(fromSecond.links)).toEqual(['0:0', '1,2:1', '3:2', '4:3,4', '5:5']);
    expect(fromSecond.focus).toBe(2);
    expect(() => linkWithNeighbour(links, 0)).toThrow(/both sides already/);
    expect(() => linkWithNeighbour([auto([0], []), auto([1], [0])], 0)).toThrow(/No unlinked target sentence/);
  });

  it('moves a boundary sentence to the previous or next link, and drops a link left empty', () => {
    const links = sample();
    // The first source sentence of the 2-1 goes up: 0,1 | 0 and 2 | 1.
    const up = moveSentence(links, 1, 'source', 'previous');
    expect(shape(up.links).slice(0, 2)).toEqual(['0,1:0', '2:1']);
    expect(up.focus).toBe(1);
    // Its last source sentence goes down into the 0-1, which becomes a 1-1.
    expect(shape(moveSentence(links, 1, 'source', 'next').links).slice(1, 3)).toEqual(['1:1', '2:2']);
    // Moving the only sentence of the 0-1 up empties it: it is gone, and focus follows the sentence.
    const emptied = moveSentence(links, 2, 'target', 'previous');
    expect(shape(emptied.links)).toEqual(['0:0', '1,2:1,2', '3:', '4:3,4', '5:5']);
    expect(emptied.focus).toBe(1);
    expect(() => moveSentence(links, 0, 'source', 'previous')).toThrow(/no previous link/);
    expect(() => moveSentence(links, 2, 'source', 'next')).toThrow(/no source sentence/);
  });

  it('makes and unmakes links of three: 3-1, 1-3 and 2-2', () => {
    // 2-1 then 1-0 makes a 3-1; 1-2 then 0-1 a 1-3; 1-1 then 1-1 a 2-2.
    const threeOne = mergeWithNext([auto([0, 1], [0]), auto([2], []), auto([3], [1])], 0);
    expect(shape(threeOne.links)).toEqual(['0,1,2:0', '3:1']);
    const oneThree = mergeWithNext([auto([0], [0, 1]), auto([], [2])], 0);
    expect(shape(oneThree.links)).toEqual(['0:0,1,2']);
    const twoTwo = mergeWithNext([auto([0], [0]), auto([1], [1])], 0);
    expect(shape(twoTwo.links)).toEqual(['0,1:0,1']);
    // Split back: a 3-1 proposes 2 source sentences with the target, then 1 alone; a 2-2 two 1-1 links.
    expect(defaultSplitCut(threeOne.links[0]!)).toEqual({ source: 2, target: 1 });
    expect(shape(splitLink(threeOne.links, 0, { source: 1, target: 1 }).links)).toEqual(['0:0', '1,2:', '3:1']);
    expect(shape(splitLink(twoTwo.links, 0, defaultSplitCut(twoTwo.links[0]!)).links)).toEqual(['0:0', '1:1']);
    expect(shape(moveSentence([auto([0], [0]), auto([1], [1, 2, 3])], 1, 'target', 'previous').links)).toEqual(['0:0,1', '1:2,3']);
    expect(shape(unlink(oneThree.links, 0).links)).toEqual(['0:', ':0', ':1', ':2']);
    for (const edit of [threeOne, oneThree, twoTwo]) expect(isValidAlignment(edit.links, edit.links.flatMap((link) => link.source).length, edit.links.flatMap((link) => link.target).length)).toBe(true);
  });

  it('confirms an automatic link as the user’s', () => {
    const edit = confirmLink(sample(), 1);
    expect(edit.links[1]).toEqual({ source: [1, 2], target: [1], confidence: 1, manual: true });
    expect(() => confirmLink(edit.links, 1)).toThrow(/yours already/);
  });

  it('keeps every alignment valid through any sequence of operations', () => {
    // A small deterministic generator: the same sequence on every run.
    let state = 7;
    const random = (below: number) => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return Math.floor(state / 65536) % below;
    };
    let links = sample();
    let applied = 0;
    for (let step = 0; step < 3000; step++) {
      const index = random(links.length);
      const side = random(2) === 0 ? 'source' : 'target';
      const link = links[index]!;
      const operations: Array<() => LinkEdit> = [
        () => mergeWithNext(links, index),
        () => splitLink(links, index, { source: random(link.source.length + 1), target: random(link.target.length + 1) }),
        () => unlink(links, index),
        () => linkWithNeighbour(links, index),
        () => moveSentence(links, index, side, random(2) === 0 ? 'previous' : 'next'),
      ];
      try {
        const edit = operations[random(operations.length)]!();
        links = edit.links;
        applied++;
        expect(edit.focus).toBeLessThan(links.length);
      } catch (error) {
        expect(error).toBeInstanceOf(LinkEditError);
      }
      expect(isValidAlignment(links, 6, 6)).toBe(true);
    }
    expect(applied).toBeGreaterThan(800);
  });

  it('tells a valid alignment from one that skips, repeats or reorders sentences', () => {
    expect(isValidAlignment(sample(), 6, 6)).toBe(true);
    expect(isValidAlignment(sample(), 7, 6)).toBe(false);
    expect(isValidAlignment([auto([1], [0]), auto([0], [1])], 2, 2)).toBe(false);
    expect(isValidAlignment([auto([0], [0]), auto([], []), auto([1], [1])], 2, 2)).toBe(false);
  });
});
