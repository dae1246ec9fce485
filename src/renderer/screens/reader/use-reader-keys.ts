import { useEffect, type KeyboardEvent } from 'react';
import { isEditable } from '../../components/editable-target';
import type { Side } from './use-sentence-focus';

interface Actions {
  openFind: () => void;
  undoOrRedo: (redo: boolean) => Promise<void>;
  /** Whether a sentence's editor is open: the keys are the editor's then. */
  editing: boolean;
  move: (from: number, step: number) => void;
  rememberSide: (side: Side) => void;
  confirmActive: () => Promise<void>;
  edit: (segmentId: number) => void;
  /** Goes to the least sure unconfirmed machine sentence after the current one in that order. */
  nextLeastSure: () => void;
}

/**
 * The reader's keys. Anywhere: Ctrl/Cmd+F finds, Ctrl/Cmd+Z undoes and Ctrl/Cmd+Shift+Z or +Y redoes (outside
 * text fields, which keep their own undo), U goes to the least sure sentence next (outside text fields).
 * On a sentence: arrows move, Enter edits, Ctrl/Cmd+Enter confirms. Returns the handler for the reading list.
 */
export function useReaderKeys({ openFind, undoOrRedo, editing, move, rememberSide, confirmActive, edit, nextLeastSure }: Actions) {
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = event.key.toLowerCase();
      if (mod && key === 'f') {
        event.preventDefault();
        openFind();
      } else if (mod && (key === 'z' || key === 'y') && !isEditable(event.target)) {
        event.preventDefault();
        void undoOrRedo(key === 'y' || event.shiftKey);
      } else if (key === 'u' && !mod && !event.altKey && !event.shiftKey && !isEditable(event.target)) {
        event.preventDefault();
        nextLeastSure();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [openFind, undoOrRedo, nextLeastSure]);

  return (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const segmentId = Number(target.dataset.segmentId);
    if (!target.dataset.segmentId || editing) return;
    rememberSide(target.dataset.side === 'source' ? 'source' : 'english');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(segmentId, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void confirmActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      edit(segmentId);
    }
  };
}
