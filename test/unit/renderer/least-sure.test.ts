import { describe, expect, it } from 'vitest';
import type { SentenceView } from '../../../src/renderer/data/article-view';
import type { SegmentStatus } from '../../../src/common/formats/translation-output';
import { nextLeastSure } from '../../../src/renderer/screens/reader/least-sure';

function sentence(id: number, confidence: number | undefined, status: SegmentStatus = 'machine', origin: 'machine' | 'correction' | 'memory' = status === 'machine' ? 'machine' : 'correction'): SentenceView {
  const machine = { articleId: 1, source: `s${id}`, text: `e${id}`, modelId: 'm', precision: 'q8', createdAt: 1, ...(confidence === undefined ? {} : { confidence }) };
  return {
    segment: { id, articleId: 1, paragraphIndex: 0, sentenceIndex: id, text: `s${id}`, segmenterVersion: 1 },
    state: { english: `e${id}`, status, origin, value: null, machine },
  } as SentenceView;
}

describe('the least sure sentence next (U)', () => {
  const order = [sentence(1, 0.9), sentence(2, 0.3), sentence(3, 0.2, 'confirmed'), sentence(4, 0.5), sentence(5, 0.1, 'edited'), sentence(6, undefined), sentence(7, 0.3), sentence(8, 0.05, 'machine', 'memory')];

  it('goes from the least sure unconfirmed machine sentence upwards, document order among equals, and round again', () => {
    const visited: Array<number | undefined> = [];
    let current: number | undefined;
    for (let step = 0; step < 5; step++) visited.push((current = nextLeastSure(order, current)));
    expect(visited).toEqual([2, 7, 4, 1, 2]);
  });

  it('starts from the least sure when the focused sentence is not one to check, and finds none without confidences', () => {
    expect(nextLeastSure(order, 3)).toBe(2);
    expect(nextLeastSure([sentence(1, undefined), sentence(2, 0.4, 'confirmed')], undefined)).toBeUndefined();
  });
});
