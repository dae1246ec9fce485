import { useRef, useState } from 'react';
import { useWorkbench } from '../../workbench/workbench-context';
import type { LibraryEntry } from '../../library/library-index';
import { addTags, removeTag, tagLength } from '../../data/tags';
import { describeWriteError } from '../../data/write-errors';

export const tagSuggestionsId = 'library-tag-suggestions';

interface Props {
  entry: LibraryEntry;
  libraryTags: readonly string[];
  /** The tag the list is filtered by, if any. */
  activeTag?: string;
  onFilter: (tag: string) => void;
  /** Says why a tag could not be added or removed. */
  onWriteError: (message: string) => void;
}

/** An article's tags as chips (each filters the list, or is removed with its ×) and a field to add more. */
export function ArticleTags({ entry, libraryTags, activeTag, onFilter, onWriteError }: Props) {
  const { db } = useWorkbench();
  const [adding, setAdding] = useState(false);
  const [typed, setTyped] = useState('');
  // Set once the field is done with, so that the blur its removal may cause saves nothing more.
  const finished = useRef(false);
  // After Enter or Escape, the keyboard goes back to the add button.
  const refocus = useRef(false);
  const finish = async (save: boolean, byKeyboard: boolean) => {
    if (finished.current) return;
    finished.current = true;
    refocus.current = byKeyboard;
    if (save) await addTags(db, entry.articleId, typed, libraryTags).catch((error: unknown) => onWriteError(`Tag not added: ${describeWriteError(error)}`));
    setAdding(false);
    setTyped('');
  };
  const open = () => {
    finished.current = false;
    setAdding(true);
  };
  return (
    <div className="article-tags" role="group" aria-label={`Tags of ${entry.title}`}>
      {entry.tags.map((tag) => (
        <span key={tag} className={tag === activeTag ? 'tag-chip active' : 'tag-chip'}>
          <button
            type="button"
            className="tag-name"
            dir="auto"
            aria-pressed={tag === activeTag}
            title={`Show only the articles tagged “${tag}”`}
            onClick={() => onFilter(tag)}
          >
            {tag}
          </button>
          <button
            type="button"
            className="tag-remove"
            aria-label={`Remove tag ${tag} from ${entry.title}`}
            onClick={() => void removeTag(db, entry.articleId, tag).catch((error: unknown) => onWriteError(`Tag not removed: ${describeWriteError(error)}`))}
          >
            ×
          </button>
        </span>
      ))}
      {adding ? (
        <input
          className="tag-field"
          aria-label={`New tag for ${entry.title}`}
          placeholder="tag, another tag"
          list={tagSuggestionsId}
          maxLength={tagLength * 4}
          dir="auto"
          autoFocus
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          onBlur={() => void finish(true, false)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') void finish(true, true);
            if (event.key === 'Escape') void finish(false, true);
          }}
        />
      ) : (
        <button
          type="button"
          className="tag-add"
          aria-label={`Add a tag to ${entry.title}`}
          onClick={open}
          ref={(button) => {
            if (button && refocus.current) {
              refocus.current = false;
              button.focus();
            }
          }}
        >
          + Tag
        </button>
      )}
    </div>
  );
}
