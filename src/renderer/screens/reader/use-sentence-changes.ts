import { useCallback, useState } from 'react';
import { redoChange, saveSegment, undoChange } from '../../data/article-changes';
import type { SentenceView } from '../../data/article-view';
import type { ArticleChange, ArticleRecord, SegmentValue } from '../../data/records';
import { describeWriteError } from '../../data/write-errors';
import { useWorkbench } from '../../workbench/workbench-context';

function describeChange(change: ArticleChange): string {
  if (change.kind === 'gloss') return change.after && change.before ? 'gloss edit' : change.after ? 'new gloss' : 'gloss deletion';
  if (change.after?.status === 'confirmed') return 'confirmation';
  return change.after ? 'edit' : 'return to the machine translation';
}

/** What saving a sentence's English means: the change, or nothing when the text is what the sentence had or showed. */
function changeOf(sentence: SentenceView, text: string, confirm: boolean): { before: SegmentValue | null; after: SegmentValue | null } | undefined {
  const before = sentence.state.value;
  const after: SegmentValue | null = text === '' && !confirm ? null : { text, status: confirm ? 'confirmed' : 'edited' };
  const unchanged = after ? before?.text === after.text && before.status === after.status : before === null;
  const sameAsShown = !confirm && before === null && text === (sentence.state.english ?? '');
  return unchanged || sameAsShown ? undefined : { before, after };
}

interface Focus {
  byId: ReadonlyMap<number, SentenceView>;
  active: number | undefined;
  move: (from: number | undefined, step: number) => void;
  refocus: (segmentId: number | undefined) => void;
}

/**
 * The reader's changes to the article's English: saving an edit or a confirmation (which moves on to the
 * next sentence), and undo and redo, each said in the status line, a failure in words.
 */
export function useSentenceChanges(article: ArticleRecord, focus: Focus, stopEditing: () => void) {
  const { db } = useWorkbench();
  const [announcement, setAnnouncement] = useState('');
  const { byId, active, move, refocus } = focus;

  const save = useCallback(
    async (sentence: SentenceView, text: string, confirm: boolean) => {
      const change = changeOf(sentence, text, confirm);
      if (change) await saveSegment(db, article, sentence.segment.text, change.before, change.after);
      stopEditing();
      refocus(sentence.segment.id);
      if (confirm) move(sentence.segment.id, 1);
    },
    [db, article, move, refocus, stopEditing],
  );

  const confirmActive = useCallback(async () => {
    const sentence = active !== undefined ? byId.get(active) : undefined;
    if (!sentence?.state.english) return;
    try {
      await save(sentence, sentence.state.english, true);
    } catch (error) {
      setAnnouncement(`Not confirmed: ${describeWriteError(error)}`);
    }
  }, [active, byId, save]);

  const undoOrRedo = useCallback(
    async (redo: boolean) => {
      try {
        const change = redo ? await redoChange(db, article) : await undoChange(db, article);
        setAnnouncement(change ? `${redo ? 'Redid' : 'Undid'} the ${describeChange(change)}.` : `Nothing to ${redo ? 'redo' : 'undo'}.`);
      } catch (error) {
        setAnnouncement(`Could not ${redo ? 'redo' : 'undo'}: ${describeWriteError(error)}`);
      }
    },
    [db, article],
  );

  return { save, confirmActive, undoOrRedo, announcement };
}
