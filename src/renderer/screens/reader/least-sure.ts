import type { SentenceView } from '../../data/article-view';

/** The model's confidence in the English shown, when that English is the machine's own. */
export function machineConfidence(sentence: SentenceView): number | undefined {
  const { state } = sentence;
  return state.origin === 'machine' && state.status === 'machine' ? state.machine?.confidence : undefined;
}

/**
 * The sentence to post-edit next, weakest first: the unconfirmed machine sentences in order of rising
 * confidence (document order among equals), the one after `current` in that order, or the least sure when
 * `current` is not among them or is the last.
 */
export function nextLeastSure(order: readonly SentenceView[], current: number | undefined): number | undefined {
  const ranked = order
    .map((sentence, position) => ({ id: sentence.segment.id!, confidence: machineConfidence(sentence), position }))
    .filter((entry): entry is { id: number; confidence: number; position: number } => entry.confidence !== undefined)
    .sort((a, b) => a.confidence - b.confidence || a.position - b.position);
  const at = ranked.findIndex((entry) => entry.id === current);
  return (ranked[at + 1] ?? ranked[0])?.id;
}

/** A confidence as a reader sees it: "62% sure". */
export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}% sure`;
}
