import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeWriteError } from '../../data/write-errors';
import { dropDraft, keepDraft, readDraft } from './sentence-drafts';

interface Props {
  initialText: string;
  /** The sentence's id: text typed and not saved is kept under it, and comes back after a reload. */
  draftId?: number;
  /** Resolves when the change is stored; a rejection keeps the field open with the reader's text. */
  onSave: (text: string, confirm: boolean) => Promise<void>;
  onCancel: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Edits one sentence's English in place. Enter saves, Ctrl/Cmd+Enter saves and confirms, Escape cancels;
 * Ctrl/Cmd+Z inside the field is the field's own text undo. Text typed and not saved is kept as a draft
 * (see sentence-drafts.ts); Escape discards it.
 */
export function SentenceEditor({ initialText, draftId, onSave, onCancel }: Props) {
  const [draft] = useState(() => (draftId === undefined ? undefined : readDraft(draftId, initialText)));
  const [text, setText] = useState(draft ?? initialText);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const field = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const element = field.current;
    if (!element) return;
    element.focus();
    element.setSelectionRange(element.value.length, element.value.length);
  }, []);

  useEffect(() => {
    const element = field.current;
    if (!element) return;
    element.style.blockSize = 'auto';
    element.style.blockSize = `${element.scrollHeight + 2}px`;
  }, [text]);

  const save = async (confirm: boolean) => {
    if (saving) return;
    setSaving(true);
    setError(undefined);
    try {
      await onSave(text.replace(/\s*\n\s*/g, ' ').trim(), confirm);
      if (draftId !== undefined) dropDraft(draftId);
    } catch (failure) {
      setError(`Not saved: ${describeWriteError(failure)}. Your text is still here; try again.`);
      setSaving(false);
    }
  };

  const edit = (next: string) => {
    setText(next);
    if (draftId !== undefined) keepDraft(draftId, initialText, next);
  };

  const cancel = () => {
    if (draftId !== undefined) dropDraft(draftId);
    onCancel();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save(true);
    } else if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void save(false);
    }
  };

  const modifier = isMac ? '⌘' : 'Ctrl';
  return (
    <span className="sentence-editor">
      <textarea
        ref={field}
        value={text}
        onChange={(event) => edit(event.target.value)}
        onKeyDown={onKeyDown}
        aria-label="English translation of the sentence"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'sentence-editor-error' : undefined}
        lang="en"
        dir="ltr"
        rows={1}
      />
      <span className="sentence-editor-actions">
        <button type="button" className="button small" onClick={() => void save(false)} disabled={saving}>
          Save <kbd>Enter</kbd>
        </button>
        <button type="button" className="button small primary" onClick={() => void save(true)} disabled={saving}>
          Confirm <kbd>{modifier}+Enter</kbd>
        </button>
        <button type="button" className="button small" onClick={cancel} disabled={saving}>
          Cancel <kbd>Esc</kbd>
        </button>
      </span>
      {draft !== undefined && (
        <span className="muted sentence-editor-draft" role="status">
          Your unsaved text is back. Esc discards it.
        </span>
      )}
      {error && (
        <span id="sentence-editor-error" role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}
