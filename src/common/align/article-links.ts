/**
 * Linking the paragraphs of two articles about the same event that are not translations of each other
 * (two outlets, two languages): most paragraphs have no counterpart and the order of what is reported
 * differs, so there is no alignment path. Paragraphs are compared through their English translations,
 * by TF-IDF cosine over content words (cut to their first six letters, a crude stemmer; synonyms for
 * what news counts, such as fighters, gunmen and militants, made one), which names, places and numbers
 * dominate, being rare across paragraphs; plus a bonus for each kind of thing both paragraphs count
 * (fighters, dead, kilometres…) whatever the figures, since differing figures are what a reader
 * comparing outlets looks for.
 *
 * A pair is linked when its similarity reaches `threshold` and one paragraph is the other's most
 * similar; paragraphs linked to the same paragraph form one link (several paragraphs of one article
 * may report what one paragraph of the other says).
 */

import { canonicalSubject, isCountedNoun, numberFacts, sameSubject, type NumberFact } from './facts';

/** Bonus per kind of counted thing reported in both paragraphs. */
const COUNTED_BONUS = 0.25;

/** One paragraph of an article: its text and its English translation (empty when it has none). */
export interface ComparedParagraph {
  text: string;
  english: string;
}

/** Paragraphs of the left and right article (indices) reporting the same facts, with their similarity. */
export interface ArticleLink {
  left: number[];
  right: number[];
  similarity: number;
}

const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at by for from with without into onto over under about after before since until as is are was were be been ' +
    'being has have had do does did will would can could may might must shall should this that these those it its they them their he his she her ' +
    'we our you your i who whom which what when where while also than then there here not no nor so such very more most some any all each other ' +
    'said says say according one two its which whose'
  ).split(' '),
);

function contentWords(english: string): string[] {
  return (english.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map((word) => (isCountedNoun(word) ? canonicalSubject(word) : word.slice(0, 6)));
}

type Vector = Map<string, number>;

function tfIdfVectors(documents: string[][]): Vector[] {
  const documentFrequency = new Map<string, number>();
  for (const words of documents) for (const word of new Set(words)) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  return documents.map((words) => {
    const vector: Vector = new Map();
    for (const word of words) vector.set(word, (vector.get(word) ?? 0) + 1);
    let norm = 0;
    for (const [word, count] of vector) {
      const weight = (1 + Math.log(count)) * Math.log(1 + documents.length / documentFrequency.get(word)!);
      vector.set(word, weight);
      norm += weight * weight;
    }
    norm = Math.sqrt(norm);
    for (const [word, weight] of vector) vector.set(word, norm > 0 ? weight / norm : 0);
    return vector;
  });
}

function cosine(a: Vector, b: Vector): number {
  let sum = 0;
  const [small, large] = a.size < b.size ? [a, b] : [b, a];
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);
  return sum;
}

/** Similarity of every left paragraph with every right one, in [0, 1]. */
export function paragraphSimilarities(left: ComparedParagraph[], right: ComparedParagraph[]): number[][] {
  const vectors = tfIdfVectors([...left, ...right].map((paragraph) => contentWords(paragraph.english)));
  const counted = (paragraph: ComparedParagraph) => numberFacts(paragraph.english).filter((fact) => fact.subject !== undefined);
  const leftCounted = left.map(counted);
  const rightCounted = right.map(counted);
  return left.map((_, i) =>
    right.map((__, j) => {
      const shared = new Set(leftCounted[i]!.filter((a) => rightCounted[j]!.some((b: NumberFact) => sameSubject(a, b))).map((fact) => fact.subject)).size;
      return Math.min(1, cosine(vectors[i]!, vectors[left.length + j]!) + COUNTED_BONUS * shared);
    }),
  );
}

export function linkArticleParagraphs(left: ComparedParagraph[], right: ComparedParagraph[], threshold = 0.2): ArticleLink[] {
  const similarity = paragraphSimilarities(left, right);
  const bestRight = similarity.map((row) => argmax(row));
  const bestLeft = right.map((_, j) => argmax(similarity.map((row) => row[j]!)));
  // Union–find over the kept pairs: left i is node i, right j is node left.length + j.
  const parent = Array.from({ length: left.length + right.length }, (_, node) => node);
  const find = (node: number): number => (parent[node] === node ? node : (parent[node] = find(parent[node]!)));
  const kept: Array<[number, number]> = [];
  similarity.forEach((row, i) =>
    row.forEach((value, j) => {
      if (value >= threshold && (bestRight[i] === j || bestLeft[j] === i)) {
        kept.push([i, j]);
        parent[find(i)] = find(left.length + j);
      }
    }),
  );
  const groups = new Map<number, ArticleLink>();
  for (const [i, j] of kept) {
    const root = find(i);
    const link = groups.get(root) ?? { left: [], right: [], similarity: 0 };
    if (!link.left.includes(i)) link.left.push(i);
    if (!link.right.includes(j)) link.right.push(j);
    link.similarity = Math.max(link.similarity, similarity[i]![j]!);
    groups.set(root, link);
  }
  return [...groups.values()]
    .map((link) => ({ ...link, left: link.left.sort((a, b) => a - b), right: link.right.sort((a, b) => a - b) }))
    .sort((a, b) => a.left[0]! - b.left[0]! || a.right[0]! - b.right[0]!);
}

function argmax(values: number[]): number {
  let best = -1;
  values.forEach((value, index) => {
    if (value > 0 && (best < 0 || value > values[best]!)) best = index;
  });
  return best;
}
