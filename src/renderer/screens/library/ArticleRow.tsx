import { useRef, useState } from 'react';
import { Link } from 'wouter';
import { textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import { renameArticle } from '../../data/articles';
import { describeWriteError } from '../../data/write-errors';
import type { LibraryEntry } from '../../library/library-index';
import type { Snippet } from '../../library/snippet';
import { usePassage } from '../../library/use-library';
import { ArticleTags } from './ArticleTags';

/** Renames an article; a title that could not be saved says why, and the row keeps the title it had. */
function RenameField({ entry, onDone }: { entry: LibraryEntry; onDone: (error?: string) => void }) {
  const { db } = useWorkbench();
  const [title, setTitle] = useState(entry.title);
  // Set once the field is done with, so that the blur its removal may cause saves nothing more.
  const finished = useRef(false);
  const finish = async (save: boolean) => {
    if (finished.current) return;
    finished.current = true;
    const trimmed = title.trim();
    try {
      if (save && trimmed && trimmed !== entry.title) await renameArticle(db, entry.articleId, trimmed);
      onDone();
    } catch (error) {
      onDone(`Not renamed: ${describeWriteError(error)}`);
    }
  };
  return (
    <input
      className="rename-field"
      aria-label="New title"
      value={title}
      dir="auto"
      autoFocus
      onChange={(event) => setTitle(event.target.value)}
      onBlur={() => void finish(true)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void finish(true);
        if (event.key === 'Escape') void finish(false);
      }}
    />
  );
}

function SnippetText({ snippet }: { snippet: Snippet }) {
  return (
    <>
      {snippet.before && '…'}
      {snippet.parts.map((part, index) => (part.match ? <mark key={index}>{part.text}</mark> : part.text))}
      {snippet.after && '…'}
    </>
  );
}

interface Props {
  entry: LibraryEntry;
  terms: readonly string[];
  libraryTags: readonly string[];
  activeTag?: string;
  onFilterTag: (tag: string) => void;
  onDelete: () => void;
}

/**
 * One article in the library: its title in its own script and direction, where it is from, how much of its
 * translation is confirmed, its tags, and — while searching — the passage that matched.
 */
export function ArticleRow({ entry, terms, libraryTags, activeTag, onFilterTag, onDelete }: Props) {
  const { db } = useWorkbench();
  const [renaming, setRenaming] = useState(false);
  /** Why the latest rename or tag change of this row was not saved. */
  const [writeError, setWriteError] = useState<string>();
  const passage = usePassage(db, entry, terms);
  const direction = textDirection(entry.language);
  return (
    <div className="article-row">
      <div className="article-row-head">
        {renaming ? (
          <RenameField
            entry={entry}
            onDone={(error) => {
              setRenaming(false);
              setWriteError(error);
            }}
          />
        ) : (
          <Link href={`/article/${entry.articleId}`} className="article-title" lang={entry.language} dir={direction}>
            {entry.title}
          </Link>
        )}
        <LanguageBadge language={entry.language} />
      </div>
      {writeError && (
        <p role="alert" className="error-text">
          {writeError}
        </p>
      )}
      {passage ? (
        <p className="article-snippet" lang={passage.in === 'english' ? 'en' : entry.language} dir={passage.in === 'english' ? 'ltr' : direction}>
          {passage.in === 'english' && <span className="snippet-label">English</span>}
          <bdi>
            <SnippetText snippet={passage.snippet} />
          </bdi>
        </p>
      ) : (
        entry.excerpt && (
          <p className="article-first-line" lang={entry.language} dir={direction}>
            {entry.excerpt}
          </p>
        )
      )}
      <div className="article-row-foot">
        {(entry.outlet || entry.date) && (
          <span className="article-source">
            {entry.outlet && <bdi>{entry.outlet}</bdi>}
            {entry.outlet && entry.date && ' · '}
            {entry.date && <bdi dir="ltr">{entry.date}</bdi>}
          </span>
        )}
        <span className={`article-progress${entry.sentences > 0 && entry.confirmed === entry.sentences ? ' complete' : ''}`}>
          {entry.confirmed}/{entry.sentences} confirmed
        </span>
        <ArticleTags entry={entry} libraryTags={libraryTags} activeTag={activeTag} onFilter={onFilterTag} onWriteError={setWriteError} />
        <span className="row-actions">
          <button type="button" className="row-action" onClick={() => setRenaming(true)} aria-label={`Rename ${entry.title}`}>
            Rename
          </button>
          <button type="button" className="row-action" onClick={onDelete} aria-label={`Delete ${entry.title}`}>
            Delete
          </button>
        </span>
      </div>
    </div>
  );
}
