/**
 * Is the quality estimate worth showing? With the demo model, sentences it knows (its phrasebook) and
 * sentences it has never seen (FLORES dev lines) must be told apart by sentence confidence, and a word
 * forced into a known sentence's English must be the one marked unsure.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inspectModelFolder } from '../../../src/node/translation/model-folder';
import { TranslationModel } from '../../../src/node/translation/translation-model';

const demoFolder = path.resolve('resources/models/targum-demo');
const phrasebook = readFileSync(path.join(demoFolder, 'phrasebook.tsv'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [language, source, english] = line.split('\t');
    return { language: language as 'he' | 'ar', source: source!, english: english! };
  });
const flores = (language: 'he' | 'ar', count: number) =>
  readFileSync(path.resolve(`test/fixtures/flores200-dev/dev.${language}`), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, count)
    .map((source) => ({ language, source }));

/** Probability that a random known sentence scores above a random unseen one (ties count half). */
function rocAuc(positives: readonly number[], negatives: readonly number[]): number {
  let wins = 0;
  for (const positive of positives) for (const negative of negatives) wins += positive > negative ? 1 : positive === negative ? 0.5 : 0;
  return wins / (positives.length * negatives.length);
}

/** mulberry32: the same draws on every run. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

let model: TranslationModel;

beforeAll(async () => {
  model = await TranslationModel.load(await inspectModelFolder(demoFolder, 'bundled'), { dtype: 'q8', threads: 2 });
});
afterAll(async () => {
  await model?.dispose();
});

async function confidences(sentences: ReadonlyArray<{ language: 'he' | 'ar'; source: string }>): Promise<number[]> {
  const scores: number[] = [];
  for (const language of ['he', 'ar'] as const) {
    const ofLanguage = sentences.filter((sentence) => sentence.language === language);
    for (let start = 0; start < ofLanguage.length; start += 16) {
      const results = await model.translateBatch(
        ofLanguage.slice(start, start + 16).map((sentence) => sentence.source),
        { from: language, to: 'en', beams: 1 },
      );
      for (const result of results) {
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        scores.push(result.confidence!);
      }
    }
  }
  return scores;
}

describe('quality estimation with the demo model', () => {
  it('tells its phrasebook from FLORES sentences it has never seen by sentence confidence (ROC AUC ≥ 0.95)', async () => {
    const known = await confidences(phrasebook);
    const unseen = await confidences([...flores('he', 110), ...flores('ar', 110)]);
    const auc = rocAuc(known, unseen);
    const mean = (values: number[]) => (values.reduce((sum, value) => sum + value, 0) / values.length).toFixed(3);
    console.log(`quality estimation: ROC AUC ${auc.toFixed(4)} over ${known.length} phrasebook and ${unseen.length} FLORES sentences (mean confidence ${mean(known)} vs ${mean(unseen)})`);
    expect(unseen.length).toBeGreaterThanOrEqual(200);
    expect(auc).toBeGreaterThanOrEqual(0.95);
  }, 300_000);

  // Every phrasebook sentence once: a word drawn at random (with a fixed seed) replaced by a word drawn at
  // random from the English the model was trained on that the sentence does not contain, so the model has
  // that word's pieces in its vocabulary, and only its place in the sentence is wrong.
  it('marks a word forced into a known English unsure, and at most one in ten of the others', async () => {
    const random = seededRandom(12);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const vocabulary = [...new Set(phrasebook.flatMap((entry) => entry.english.split(' ')).filter((word) => /^[a-z]{4,}$/.test(word)))];
    let othersMarked = 0;
    let others = 0;
    let followingMarked = 0;
    const missed: string[] = [];
    for (const entry of phrasebook) {
      const words = entry.english.split(' ');
      const own = new Set(entry.english.toLowerCase().split(/[^\p{L}]+/u));
      const at = pick(words.flatMap((word, index) => (/\p{L}/u.test(word) ? [index] : [])));
      const replacement = pick(vocabulary.filter((word) => !own.has(word)));
      words[at] = words[at]!.replace(/[\p{L}\p{N}'’-]+/u, replacement);
      const english = words.join(' ');
      const wordAt = (offset: number) => english.slice(0, offset).split(' ').length - 1;
      const scored = await model.scoreTranslation(entry.source, english, { from: entry.language, to: 'en' });
      const marked = scored.unsure!.map((span) => ({ word: wordAt(span.start), text: english.slice(span.start, span.end) }));
      if (!marked.some((span) => span.word === at && span.text === replacement)) missed.push(english);
      if (marked.some((span) => span.word === at + 1)) followingMarked++;
      othersMarked += marked.filter((span) => span.word !== at).length;
      others += words.length - 1;
    }
    console.log(
      `quality estimation: replaced word unsure in ${phrasebook.length - missed.length}/${phrasebook.length} sentences; ` +
        `${othersMarked}/${others} other words unsure (${((othersMarked / others) * 100).toFixed(1)} %), the word just after it in ${followingMarked}`,
    );
    expect(missed).toEqual([]);
    expect(othersMarked / others).toBeLessThanOrEqual(0.1);
  }, 300_000);
});
