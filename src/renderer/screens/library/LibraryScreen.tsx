import { useDeferredValue, useMemo, useState } from 'react';
import { languageNames } from '../../../common/text/language';
import type { TextLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { deleteArticle, restoreArticle, type DeletedArticle } from '../../data/delete-article';
import { describeWriteError } from '../../data/write-errors';
import { searchTerms } from '../../library/article-text';
import type { LibraryEntry, LibraryOrder } from '../../library/library-index';
import { useLibrary } from '../../library/use-library';
import { ArticleList } from './ArticleList';
import { tagSuggestionsId } from './ArticleTags';
import { ImportPanel } from './ImportPanel';
import './library.css';

/** The options of a filter: what the library has, and the current choice even once nothing has it any more. */
function choices(present: readonly string[], chosen: string): string[] {
  return chosen && !present.includes(chosen) ? [chosen, ...present] : [...present];
}

export function LibraryScreen() {
  const { db } = useWorkbench();
  const library = useLibrary(db);
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const [deleted, setDeleted] = useState<DeletedArticle>();
  /** Why the latest deletion or its undo was not saved. */
  const [writeError, setWriteError] = useState<string>();
  const [language, setLanguage] = useState<'' | TextLanguage>('');
  const [outlet, setOutlet] = useState('');
  const [tag, setTag] = useState('');
  const [order, setOrder] = useState<LibraryOrder>('added');
  const deferredQuery = useDeferredValue(query.trim());
  const terms = useMemo(() => searchTerms(deferredQuery), [deferredQuery]);
  const found = useMemo(
    () => library.find({ query: deferredQuery, language: language || undefined, outlet: outlet || undefined, tag: tag || undefined, order }),
    [library, deferredQuery, language, outlet, tag, order],
  );

  const remove = async (entry: LibraryEntry) => {
    try {
      setDeleted(await deleteArticle(db, entry.articleId));
      setWriteError(undefined);
    } catch (error) {
      setWriteError(`Not deleted: ${describeWriteError(error)}`);
    }
  };
  const undo = async () => {
    if (!deleted) return;
    try {
      await restoreArticle(db, deleted);
      setDeleted(undefined);
    } catch (error) {
      setWriteError(`Not restored: ${describeWriteError(error)}`);
    }
  };
  const filtered = Boolean(deferredQuery || language || outlet || tag);
  const empty = library.ready && library.size === 0;
  // Right after opening a large library, the list is read before the words a search needs.
  const preparing = Boolean(deferredQuery) && !library.searchReady;
  // data-results-for: the query whose results are on screen (it follows the typing a moment later).
  return (
    <section className="library" aria-labelledby="library-heading" data-results-for={preparing ? undefined : deferredQuery}>
      <header className="screen-header">
        <h1 id="library-heading">Library</h1>
        <input
          type="search"
          className="search-field"
          dir="auto"
          placeholder="Search titles, text and English"
          aria-label="Search the library"
          aria-keyshortcuts="Control+K Meta+K"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="button primary" onClick={() => setImporting(true)} aria-expanded={importing}>
          Import
        </button>
      </header>
      <div className="library-filters" role="group" aria-label="Filters">
        <select aria-label="Language" value={language} onChange={(event) => setLanguage(event.target.value as typeof language)}>
          <option value="">All languages</option>
          {(['he', 'ar', 'en'] as const).map((code) => (
            <option key={code} value={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
        <select aria-label="Outlet" value={outlet} onChange={(event) => setOutlet(event.target.value)}>
          <option value="">All outlets</option>
          {choices(library.outlets, outlet).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Tag" value={tag} onChange={(event) => setTag(event.target.value)}>
          <option value="">All tags</option>
          {choices(library.tags, tag).map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
        <select aria-label="Order" value={order} onChange={(event) => setOrder(event.target.value as LibraryOrder)}>
          <option value="added">Newest added</option>
          <option value="published">Newest published</option>
        </select>
        {library.ready && (
          <span className="library-count muted" role="status">
            {filtered ? `${found.length} of ${library.size}` : library.size} {library.size === 1 ? 'article' : 'articles'}
          </span>
        )}
      </div>
      {writeError && (
        <p role="alert" className="error-text">
          {writeError}
        </p>
      )}
      {(importing || empty) && <ImportPanel onClose={() => setImporting(false)} />}
      {empty ? (
        <p className="empty-state">Your library is empty. Paste an article or choose files above.</p>
      ) : preparing ? (
        <p className="empty-state" role="status">
          Preparing the search: reading the words of {library.size} articles…
        </p>
      ) : library.size > 0 && found.length === 0 ? (
        <p className="empty-state">{deferredQuery ? `No article contains “${deferredQuery}”.` : 'No article matches these filters.'}</p>
      ) : (
        <ArticleList
          entries={found}
          request={`${deferredQuery}\n${language}\n${outlet}\n${tag}\n${order}`}
          terms={terms}
          libraryTags={library.tags}
          activeTag={tag || undefined}
          onFilterTag={(chosen) => setTag(chosen === tag ? '' : chosen)}
          onDelete={(entry) => void remove(entry)}
        />
      )}
      <datalist id={tagSuggestionsId}>
        {library.tags.map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      {deleted && (
        <div className="toast" role="status">
          <span>
            Deleted: <bdi>{deleted.article.title.length > 60 ? `${deleted.article.title.slice(0, 60)}…` : deleted.article.title}</bdi>
          </span>
          <button type="button" className="button" onClick={() => void undo()}>
            Undo
          </button>
        </div>
      )}
    </section>
  );
}
