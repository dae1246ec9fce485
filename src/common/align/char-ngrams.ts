/**
 * Character n-gram profiles and their F-score (chrF with β = 1: symmetric, as the aligner compares a
 * translation with the other text, or two translations with each other). Text is folded (case,
 * Arabic/Hebrew marks, digits) and whitespace runs become one space; n-grams of orders 1 to 4 (of
 * UTF-16 code units: the three scripts are all in the Basic Multilingual Plane) are hashed to
 * integers, so that comparing two profiles is one merge of two sorted arrays.
 */
import { foldText } from '../text/fold';

const MAX_ORDER = 4;

export interface NgramProfile {
  /** Sorted hashes; the low three bits hold the order. */
  keys: Int32Array;
  counts: Int32Array;
  /** N-grams of each order (index 0 unused). */
  totals: Float64Array;
}

export function ngramProfile(text: string): NgramProfile {
  const folded = foldText(text).replace(/\s+/g, ' ').trim();
  const hashes = new Int32Array(folded.length * MAX_ORDER);
  const totals = new Float64Array(MAX_ORDER + 1);
  let size = 0;
  for (let start = 0; start < folded.length; start++) {
    let hash = 0x811c9dc5;
    for (let order = 1; order <= MAX_ORDER && start + order <= folded.length; order++) {
      hash = Math.imul(hash ^ folded.charCodeAt(start + order - 1), 0x01000193);
      hashes[size++] = (hash & ~7) | order;
      totals[order]! += 1;
    }
  }
  const sorted = hashes.subarray(0, size).sort();
  const keys = new Int32Array(size);
  const counts = new Int32Array(size);
  let unique = 0;
  for (let k = 0; k < size; k++) {
    if (unique > 0 && keys[unique - 1] === sorted[k]) counts[unique - 1]! += 1;
    else {
      keys[unique] = sorted[k]!;
      counts[unique++] = 1;
    }
  }
  return { keys: keys.slice(0, unique), counts: counts.slice(0, unique), totals };
}

/** The profile of two texts read one after the other (n-grams across the join are not counted). */
export function mergeProfiles(a: NgramProfile, b: NgramProfile): NgramProfile {
  const keys = new Int32Array(a.keys.length + b.keys.length);
  const counts = new Int32Array(keys.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.keys.length || j < b.keys.length) {
    const x = i < a.keys.length ? a.keys[i]! : Infinity;
    const y = j < b.keys.length ? b.keys[j]! : Infinity;
    if (x === y) {
      keys[k] = x;
      counts[k++] = a.counts[i++]! + b.counts[j++]!;
    } else if (x < y) {
      keys[k] = x;
      counts[k++] = a.counts[i++]!;
    } else {
      keys[k] = y;
      counts[k++] = b.counts[j++]!;
    }
  }
  const totals = a.totals.map((total, order) => total + b.totals[order]!);
  return { keys: keys.slice(0, k), counts: counts.slice(0, k), totals };
}

/** chrF (β = 1) of two profiles in [0, 1]: precision and recall averaged over the orders, then their harmonic mean. */
export function chrF(a: NgramProfile, b: NgramProfile): number {
  const aKeys = a.keys;
  const bKeys = b.keys;
  if (aKeys.length === 0 || bKeys.length === 0) return 0;
  // One merge of the sorted keys, matches counted per order in locals (the hot loop of aligning with a translation).
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  let i = 0;
  let j = 0;
  let x = aKeys[0]!;
  let y = bKeys[0]!;
  for (;;) {
    if (x < y) {
      if (++i === aKeys.length) break;
      x = aKeys[i]!;
    } else if (x > y) {
      if (++j === bKeys.length) break;
      y = bKeys[j]!;
    } else {
      const count = Math.min(a.counts[i]!, b.counts[j]!);
      const order = x & 7;
      if (order === 1) m1 += count;
      else if (order === 2) m2 += count;
      else if (order === 3) m3 += count;
      else m4 += count;
      if (++i === aKeys.length || ++j === bKeys.length) break;
      x = aKeys[i]!;
      y = bKeys[j]!;
    }
  }
  const matches = [0, m1, m2, m3, m4];
  let precision = 0;
  let recall = 0;
  let orders = 0;
  for (let order = 1; order <= MAX_ORDER; order++) {
    if (a.totals[order] === 0 || b.totals[order] === 0) continue;
    precision += matches[order]! / a.totals[order]!;
    recall += matches[order]! / b.totals[order]!;
    orders += 1;
  }
  if (orders === 0 || precision + recall === 0) return 0;
  return (2 * precision * recall) / (orders * (precision + recall));
}
