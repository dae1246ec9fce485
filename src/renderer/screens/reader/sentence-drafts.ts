/**
 * Unsaved text typed in the sentence editor, kept for the browser tab (sessionStorage) so that a reload
 * loses nothing: the draft comes back when the sentence is edited again, as long as the sentence's English
 * is still the text the draft started from.
 */
interface Draft {
  /** The English the editor opened with. */
  base: string;
  text: string;
}

const keyOf = (sentenceId: number | string): string => `targum.sentence-draft.${sentenceId}`;

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined; // storage refused (privacy settings): drafts are simply not kept
  }
}

export function readDraft(sentenceId: number | string, base: string): string | undefined {
  const raw = storage()?.getItem(keyOf(sentenceId));
  if (!raw) return undefined;
  try {
    const draft = JSON.parse(raw) as Partial<Draft>;
    return draft.base === base && typeof draft.text === 'string' && draft.text !== base ? draft.text : undefined;
  } catch {
    return undefined;
  }
}

export function keepDraft(sentenceId: number | string, base: string, text: string): void {
  try {
    if (text === base) storage()?.removeItem(keyOf(sentenceId));
    else storage()?.setItem(keyOf(sentenceId), JSON.stringify({ base, text } satisfies Draft));
  } catch {
    // Storage full: the draft is not kept, the editor goes on.
  }
}

export function dropDraft(sentenceId: number | string): void {
  storage()?.removeItem(keyOf(sentenceId));
}
