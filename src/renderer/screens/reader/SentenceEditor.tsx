import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { describeWriteError } from '../../data/write-errors';

interface Props {
  initialText: string;
  /** Resolves when the change is stored; a rejection keeps the field open with the reader's text. */
  onSave: (text: string, confirm: boolean) => Promise<void>;
  onCancel: () => void;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * Edits one sentence's English in place. Enter saves, Ctrl/Cmd+Enter saves and confirms, Escape cancels;
 * Ctrl/Cmd+Z inside the field is the field's own text undo.
 */
export function SentenceEditor({ initialText, onSave, onCancel }: Props) {
  const [text, setText] = useState(initialText);
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
    } catch (failure) {
      setError(`Not saved: ${describeWriteError(failure)}. Your text is still here; try again.`);
      setSaving(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    event.stopPropagation();
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
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
        onChange={(event) => setText(event.target.value)}
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
        <button type="button" className="button small" onClick={onCancel} disabled={saving}>
          Cancel <kbd>Esc</kbd>
        </button>
      </span>
      {error && (
        <span id="sentence-editor-error" role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}
