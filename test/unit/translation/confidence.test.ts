import { describe, expect, it } from 'vitest';
import { scoredWords, sentenceConfidence, unsureWordLogProb } from '../../../src/node/translation/confidence';

const sure = Math.log(0.9);
const unsure = Math.log(0.2);

describe('word confidence from subword pieces', () => {
  it('groups pieces into words at the word-start marker and gives each its offsets and mean log-probability', () => {
    const text = 'The minister resigned.';
    const words = scoredWords(['▁The', '▁minis', 'ter', '▁resign', 'ed', '.'], [sure, sure, unsure, sure, sure, sure], text);
    expect(words.map((word) => text.slice(word.start, word.end))).toEqual(['The', 'minister', 'resigned']);
    expect(words[1]!.logProb).toBeCloseTo((sure + unsure) / 2);
  });

  it('joins a bare marker to the piece after it and finds words after the decoder cleaned up spaces', () => {
    const text = 'It cost 4.5%, he said.';
    const words = scoredWords(['▁It', '▁cost', '▁', '4.5', '%', ',', '▁he', '▁said', '.'], Array(9).fill(sure), text);
    expect(words.map((word) => text.slice(word.start, word.end))).toEqual(['It', 'cost', '4.5', 'he', 'said']);
  });

  it('leaves out pieces the text does not contain (special tokens) without shifting the others', () => {
    const text = 'A new law.';
    const words = scoredWords(['▁A', '<unk>', '▁new', '▁law', '.'], Array(5).fill(sure), text);
    expect(words.map((word) => text.slice(word.start, word.end))).toEqual(['A', 'new', 'law']);
  });
});

describe('sentence confidence', () => {
  it('is exp of the mean token log-probability, end-of-sentence included, and lists the words under log 0.5', () => {
    const text = 'Rain fell.';
    const result = sentenceConfidence(['▁Rain', '▁fell', '.'], [unsure, sure, sure], sure, text);
    expect(result.confidence).toBeCloseTo(Math.exp((unsure + 3 * sure) / 4));
    expect(result.unsure).toEqual([{ start: 0, end: 4 }]);
    expect(unsure).toBeLessThan(unsureWordLogProb);
  });

  it('is 1 for an empty translation', () => {
    expect(sentenceConfidence([], [], undefined, '')).toEqual({ confidence: 1, unsure: [] });
  });
});
