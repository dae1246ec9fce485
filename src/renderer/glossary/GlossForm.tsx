import { useState, type FormEvent } from 'react';
import { glossKey, glossKeyStems } from '../../common/glossary/gloss-key';
import type { TextLanguage } from '../../common/text/language';
import type { GlossRecord } from '../data/records';
import { describeWriteError } from '../data/write-errors';

interface Props {
  surface: string;
  language: TextLanguage;
  /** The gloss being edited; a new one when absent. */
  gloss?: GlossRecord;
  onSave: (gloss: GlossRecord) => Promise<void>;
  onCancel: () => void;
}

/**
 * Adds or edits a gloss: meaning, optional note and lemma. For a word with a prefix the reader chooses
 * whether the gloss follows only this form or the bare word in every form (והצבא, בצבא, לצבא…).
 */
export function GlossForm({ surface, language, gloss, onSave, onCancel }: Props) {
  const keys = [glossKey(surface, language), ...glossKeyStems(surface, language)];
  const [key, setKey] = useState(gloss?.key ?? keys[0]!);
  const [meaning, setMeaning] = useState(gloss?.meaning ?? '');
  const [note, setNote] = useState(gloss?.note ?? '');
  const [lemma, setLemma] = useState(gloss?.lemma ?? '');
  const [error, setError] = useState<string>();
  const direction = language === 'en' ? 'ltr' : 'rtl';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!meaning.trim()) return setError('Write the meaning first.');
    try {
      await onSave({
        ...gloss,
        key,
        surface: gloss?.surface ?? surface,
        language,
        meaning: meaning.trim(),
        ...(note.trim() ? { note: note.trim() } : { note: undefined }),
        ...(lemma.trim() ? { lemma: lemma.trim() } : { lemma: undefined }),
        createdAt: gloss?.createdAt ?? Date.now(),
      });
    } catch (failure) {
      setError(`Not saved: ${describeWriteError(failure)}`);
    }
  };

  return (
    <form className="gloss-form" onSubmit={(event) => void submit(event)} onKeyDown={(event) => event.key === 'Escape' && onCancel()} aria-label={gloss ? 'Edit gloss' : 'Add gloss'}>
      <p className="gloss-surface" lang={language} dir={direction}>
        {surface}
      </p>
      <label>
        <span>Meaning</span>
        <input value={meaning} onChange={(event) => setMeaning(event.target.value)} autoFocus lang="en" />
      </label>
      <label>
        <span>
          Note <span className="muted">(optional)</span>
        </span>
        <input value={note} onChange={(event) => setNote(event.target.value)} />
      </label>
      <label>
        <span>
          Lemma <span className="muted">(optional)</span>
        </span>
        <input value={lemma} onChange={(event) => setLemma(event.target.value)} lang={language} dir={direction} />
      </label>
      {keys.length > 1 && (
        <fieldset className="gloss-keys">
          <legend>Follows</legend>
          {keys.map((candidate, index) => (
            <label key={candidate} className="choice">
              <input type="radio" name="gloss-key" checked={key === candidate} onChange={() => setKey(candidate)} />
              {index === 0 ? 'only this form' : 'every form of'}{' '}
              <bdi lang={language} dir={direction}>
                {candidate}
              </bdi>
            </label>
          ))}
        </fieldset>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button small primary">
          Save gloss
        </button>
        <button type="button" className="button small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
