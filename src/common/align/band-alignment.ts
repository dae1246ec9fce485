/**
 * Monotonic alignment of two unit sequences by dynamic programming within a band around the
 * diagonal (Gale and Church's beads 1-1, 1-0, 0-1, 2-1, 1-2 and 2-2, and 3-1 and 1-3). Each possible
 * link's posterior probability comes from the forward–backward algorithm over the band (costs
 * divided by a temperature), and the path chosen is the one with the most links expected right (the
 * greatest sum of posteriors; it differs from the single likeliest path where several cuts are
 * nearly as likely). A link's confidence is its posterior, so a link whose neighbours could as well
 * be cut differently gets a low confidence.
 *
 * The band follows the diagonal of equal relative position (by cumulative size, e.g. characters), or
 * a guide path (an earlier, cheaper alignment), and is widened fourfold whenever the best path runs
 * along its edge, up to the whole matrix or MAX_HALF_WIDTH units either side.
 */
import type { AlignmentLink } from './types';

export const BEADS: ReadonlyArray<readonly [number, number]> = [
  [1, 1],
  [1, 0],
  [0, 1],
  [2, 1],
  [1, 2],
  [2, 2],
  [3, 1],
  [1, 3],
];

export interface BandProblem {
  sourceCount: number;
  targetCount: number;
  /** Cumulative sizes of the units (length count + 1, starting at 0): where the diagonal runs. */
  sourceOffsets: ArrayLike<number>;
  targetOffsets: ArrayLike<number>;
  /** −log probability (nats) of linking source units [i0, i1) with target units [j0, j1); `bead` indexes BEADS. */
  cost(i0: number, i1: number, j0: number, j1: number, bead: number): number;
  /** Costs are divided by this before the posteriors are computed (> 1 flattens confidences). */
  temperature: number;
}

const MAX_HALF_WIDTH = 400;

interface Band {
  lo: Int32Array;
  hi: Int32Array;
  base: Int32Array;
  cells: number;
}

/** Aligns within a band of `initialHalfWidth` target units around `guide` links, or the diagonal. */
export function alignInBand(problem: BandProblem, initialHalfWidth: number, guide?: AlignmentLink[]): AlignmentLink[] {
  const { sourceCount: n, targetCount: m } = problem;
  const centre = guide ? guidePath(guide, n) : diagonal(problem);
  for (let halfWidth = initialHalfWidth; ; halfWidth *= 4) {
    const band = makeBand(centre, n, m, halfWidth);
    // Past MAX_HALF_WIDTH the texts hardly correspond anywhere: the path found is kept (and memory bounded).
    const whole = halfWidth >= Math.max(n, m) || halfWidth >= MAX_HALF_WIDTH;
    const result = solve(problem, band);
    if (whole || !touchesEdge(result.path, band, m)) return result.links;
  }
}

/** For each source position, the target position at the same relative offset. */
function diagonal({ sourceCount: n, targetCount: m, sourceOffsets, targetOffsets }: BandProblem): Int32Array {
  const centre = new Int32Array(n + 1);
  const sourceTotal = sourceOffsets[n]! || 1;
  const targetTotal = targetOffsets[m]! || 1;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const position = (sourceOffsets[i]! / sourceTotal) * targetTotal;
    while (j < m && (targetOffsets[j]! + targetOffsets[j + 1]!) / 2 < position) j++;
    centre[i] = j;
  }
  centre[n] = m;
  return centre;
}

/** For each source position, the first target position of the guide's path there (inside a link of several source units: its start). */
function guidePath(links: AlignmentLink[], n: number): Int32Array {
  const centre = new Int32Array(n + 1).fill(-1);
  let i = 0;
  let j = 0;
  centre[0] = 0;
  for (const link of links) {
    for (let k = 1; k < link.source.length; k++) centre[i + k] = j;
    i += link.source.length;
    j += link.target.length;
    if (centre[i] === -1) centre[i] = j;
  }
  return centre;
}

function makeBand(centre: Int32Array, n: number, m: number, halfWidth: number): Band {
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const base = new Int32Array(n + 1);
  let cells = 0;
  for (let i = 0; i <= n; i++) {
    // Each row also spans to its neighbours' centres, so that a long unit facing many short ones keeps the band connected.
    lo[i] = Math.max(0, Math.min(centre[i]!, centre[Math.max(0, i - 1)]!) - halfWidth);
    hi[i] = Math.min(m, Math.max(centre[i]!, centre[Math.min(n, i + 1)]!) + halfWidth);
  }
  // The last row reaches the end even where the centre stops short of it (a guide ending in 0-1 links).
  hi[n] = m;
  for (let i = 0; i <= n; i++) {
    base[i] = cells;
    cells += hi[i]! - lo[i]! + 1;
  }
  return { lo, hi, base, cells };
}

function touchesEdge(path: Array<[number, number]>, band: Band, m: number): boolean {
  return path.some(([i, j]) => (j === band.lo[i] && j > 0) || (j === band.hi[i] && j < m));
}

function logAdd(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b));
}

/** The best path and its links' posteriors. The band always holds a path: each row reaches its neighbours' centres. */
function solve(problem: BandProblem, band: Band): { links: AlignmentLink[]; path: Array<[number, number]> } {
  const { sourceCount: n, targetCount: m, temperature } = problem;
  const { lo, hi, base, cells } = band;
  const beads = BEADS.length;
  const alpha = new Float64Array(cells).fill(-Infinity);
  const beta = new Float64Array(cells).fill(-Infinity);
  const back = new Int8Array(cells).fill(-1);
  const costs = new Float64Array(cells * beads).fill(Infinity);
  const cell = (i: number, j: number) => (j < lo[i]! || j > hi[i]! ? -1 : base[i]! + j - lo[i]!);

  alpha[cell(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const here = base[i]! + j - lo[i]!;
      for (let b = 0; b < beads; b++) {
        const [ds, dt] = BEADS[b]!;
        if (i < ds || j < dt) continue;
        const from = cell(i - ds, j - dt);
        if (from < 0 || alpha[from] === -Infinity) continue;
        const cost = problem.cost(i - ds, i, j - dt, j, b);
        costs[here * beads + b] = cost;
        alpha[here] = logAdd(alpha[here]!, alpha[from]! - cost / temperature);
      }
    }
  }
  const end = cell(n, m);

  beta[end] = 0;
  for (let i = n; i >= 0; i--) {
    for (let j = hi[i]!; j >= lo[i]!; j--) {
      const here = base[i]! + j - lo[i]!;
      if (here === end) continue;
      let sum = -Infinity;
      for (let b = 0; b < beads; b++) {
        const [ds, dt] = BEADS[b]!;
        if (i + ds > n || j + dt > m) continue;
        const next = cell(i + ds, j + dt);
        if (next < 0) continue;
        const cost = costs[next * beads + b]!;
        if (cost === Infinity) continue;
        sum = logAdd(sum, beta[next]! - cost / temperature);
      }
      beta[here] = sum;
    }
  }

  const posteriorOf = (from: number, here: number, b: number) => Math.exp(alpha[from]! - costs[here * beads + b]! / temperature + beta[here]! - alpha[end]!);
  const expected = new Float64Array(cells).fill(-Infinity);
  expected[cell(0, 0)] = 0;
  for (let i = 0; i <= n; i++) {
    for (let j = lo[i]!; j <= hi[i]!; j++) {
      const here = base[i]! + j - lo[i]!;
      for (let b = 0; b < beads; b++) {
        const [ds, dt] = BEADS[b]!;
        if (i < ds || j < dt || costs[here * beads + b] === Infinity) continue;
        const from = cell(i - ds, j - dt);
        const score = expected[from]! + posteriorOf(from, here, b);
        if (score > expected[here]!) {
          expected[here] = score;
          back[here] = b;
        }
      }
    }
  }

  const links: AlignmentLink[] = [];
  const path: Array<[number, number]> = [[n, m]];
  for (let i = n, j = m; i > 0 || j > 0; ) {
    const here = cell(i, j);
    const b = back[here]!;
    const [ds, dt] = BEADS[b]!;
    const posterior = posteriorOf(cell(i - ds, j - dt), here, b);
    links.push({
      source: range(i - ds, i),
      target: range(j - dt, j),
      confidence: Math.min(1, Math.max(0, posterior)),
    });
    i -= ds;
    j -= dt;
    path.push([i, j]);
  }
  return { links: links.reverse(), path };
}

function range(start: number, end: number): number[] {
  return Array.from({ length: end - start }, (_, k) => start + k);
}
