import type { KeyboardEvent } from 'react';

interface Props {
  query: string;
  /** 1-based position of the current match, 0 when there is none. */
  position: number;
  count: number;
  onQuery: (query: string) => void;
  onStep: (step: 1 | -1) => void;
  onClose: () => void;
}

/** Find in the article (Ctrl/Cmd+F): searches the source and the English of every paragraph, not only those on screen. */
export function FindBar({ query, position, count, onQuery, onStep, onClose }: Props) {
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onStep(event.shiftKey ? -1 : 1);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    }
  };
  return (
    <div role="search" className="find-bar" aria-label="Find in article">
      <input
        type="search"
        className="search-field"
        value={query}
        placeholder="Find in source and English"
        aria-label="Find in article"
        onChange={(event) => onQuery(event.target.value)}
        onKeyDown={onKeyDown}
        autoFocus
      />
      <span className="muted find-count" role="status">
        {query.trim() === '' ? '' : count === 0 ? 'No matches' : `${position} of ${count}`}
      </span>
      <button type="button" className="button small" onClick={() => onStep(-1)} disabled={count === 0} aria-label="Previous match">
        ↑
      </button>
      <button type="button" className="button small" onClick={() => onStep(1)} disabled={count === 0} aria-label="Next match">
        ↓
      </button>
      <button type="button" className="button small" onClick={onClose} aria-label="Close find">
        ✕
      </button>
    </div>
  );
}
