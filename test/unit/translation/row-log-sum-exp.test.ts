import { describe, expect, it } from 'vitest';
import { rowLogSumExp } from '../../../src/node/translation/row-log-sum-exp';

/** The definition, in float64: max + log Σ exp(x − max). */
function reference(row: Float32Array): number {
  const max = row.reduce((best, value) => Math.max(best, value), -Infinity);
  return max + Math.log(row.reduce((sum, value) => sum + Math.exp(value - max), 0));
}

describe('rowLogSumExp', () => {
  it("gives each row's log-sum-exp over a full vocabulary, blocked tokens (−∞) and large logits included", async () => {
    const rows = 3;
    const vocabulary = 62_000;
    const logits = new Float32Array(rows * vocabulary).map((_, index) => Math.sin(index * 12.9898) * 8);
    logits[5] = -Infinity;
    logits[vocabulary + 7] = 900;
    logits[2 * vocabulary + 11] = -Infinity;
    const normalisers = await rowLogSumExp(logits, rows, vocabulary);
    expect(normalisers).toHaveLength(rows);
    for (let row = 0; row < rows; row++) {
      expect(normalisers[row]).toBeCloseTo(reference(logits.subarray(row * vocabulary, (row + 1) * vocabulary)), 3);
    }
    expect(normalisers[1]).toBeCloseTo(900, 3);
  });

  it('reads only the rows asked for when the buffer holds more', async () => {
    const logits = Float32Array.of(0, 0, 0, 0, 5, 5, 5, 5);
    expect([...(await rowLogSumExp(logits, 1, 4))]).toEqual([expect.closeTo(Math.log(4), 5)]);
  });
});
