/**
 * Quality estimation from the decoder's own token log-probabilities (the rule Bergamot uses): a word's
 * confidence is the mean log-probability of its subword pieces, and a word is unsure under log 0.5; a
 * sentence's confidence is exp of the mean log-probability of its tokens, end-of-sentence included.
 */
import type { TextSpan } from '../../common/api/contract';

/** A word under this mean log-probability is unsure. */
export const unsureWordLogProb = Math.log(0.5);

/** SentencePiece's word-start marker. */
const wordStart = '\u2581';

export interface ScoredWord extends TextSpan {
  /** Mean log-probability of the word's pieces. */
  logProb: number;
}

export interface SentenceConfidence {
  /** exp of the mean token log-probability, in [0, 1]. */
  confidence: number;
  /** Character offsets, in the English, of the words under the threshold. */
  unsure: TextSpan[];
}

const specialPiece = /^<[^<>\s]+>$/;

const isWordCharacter = (character: string) => /[\p{L}\p{N}]/u.test(character);

/** The span without punctuation at its edges (a piece like "▁end." covers the full stop too). */
function trimPunctuation(text: string, start: number, end: number): TextSpan {
  let from = start;
  let to = end;
  while (from < to && !isWordCharacter(text[from]!)) from++;
  while (to > from && !isWordCharacter(text[to - 1]!)) to--;
  return from < to ? { start: from, end: to } : { start, end };
}

/**
 * The English words of a translation with their offsets in the decoded text and their mean log-probability.
 * Pieces are grouped into words at the word-start marker; a group is found in the text from where the last
 * one ended, so that the decoder's clean-up of spaces cannot shift an offset. A group the text does not
 * contain as such (a piece the tokenizer decodes differently) gets no offsets and is left out.
 */
export function scoredWords(pieces: readonly string[], logProbs: readonly number[], text: string): ScoredWord[] {
  const groups: Array<{ surface: string; logProbs: number[]; special?: true }> = [];
  pieces.forEach((piece, index) => {
    const last = groups.at(-1);
    // A special token (<unk>) is not in the decoded text: it stands alone and is left out.
    if (specialPiece.test(piece)) return void groups.push({ surface: '', logProbs: [], special: true });
    const surface = piece.replaceAll(wordStart, '');
    // A bare marker ("▁" before digits or punctuation) starts the word its next piece continues.
    if (!last || last.special || (piece.startsWith(wordStart) && last.surface !== '')) groups.push({ surface, logProbs: [logProbs[index]!] });
    else {
      last.surface += surface;
      last.logProbs.push(logProbs[index]!);
    }
  });
  const words: ScoredWord[] = [];
  let cursor = 0;
  for (const group of groups) {
    if (group.surface === '') continue;
    const at = text.indexOf(group.surface, cursor);
    if (at < 0) continue;
    cursor = at + group.surface.length;
    const logProb = group.logProbs.reduce((sum, value) => sum + value, 0) / group.logProbs.length;
    words.push({ ...trimPunctuation(text, at, cursor), logProb });
  }
  return words;
}

/** A sentence's confidence and unsure words, from its generated pieces' log-probabilities and end-of-sentence's. */
export function sentenceConfidence(pieces: readonly string[], logProbs: readonly number[], endLogProb: number | undefined, text: string): SentenceConfidence {
  const all = endLogProb === undefined ? logProbs : [...logProbs, endLogProb];
  if (all.length === 0) return { confidence: 1, unsure: [] };
  const mean = all.reduce((sum, value) => sum + value, 0) / all.length;
  const unsure = scoredWords(pieces, logProbs, text)
    .filter((word) => word.logProb < unsureWordLogProb)
    .map(({ start, end }) => ({ start, end }));
  return { confidence: Math.min(1, Math.max(0, Math.exp(mean))), unsure };
}
