import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { foldText } from '../../../common/text/fold';
import { textDirection } from '../../../common/text/language';
import { splitParagraphs } from '../../../common/text/segmenter';
import { useWorkbench } from '../../app/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import { deleteArticle, restoreArticle, type DeletedArticle } from '../../db/delete-article';
import type { ArticleRecord } from '../../db/records';
import { ImportPanel } from './ImportPanel';

function ArticleRow({ article, onDelete }: { article: ArticleRecord; onDelete: () => void }) {
  const direction = textDirection(article.language);
  const firstLine = splitParagraphs(article.originalText).find((paragraph) => !article.title.startsWith(paragraph.slice(0, 40)));
  return (
    <li>
      <Link href={`/article/${article.id}`} className="article-row">
        <span className="article-row-head">
          <span className="article-title" lang={article.language} dir={direction}>
            {article.title}
          </span>
          <LanguageBadge language={article.language} />
        </span>
        {firstLine && (
          <span className="article-first-line" lang={article.language} dir={direction}>
            {firstLine}
          </span>
        )}
        {(article.outlet || article.date) && <span className="article-meta muted">{[article.outlet, article.date].filter(Boolean).join(' · ')}</span>}
      </Link>
      <button type="button" className="row-action" onClick={onDelete} aria-label={`Delete ${article.title}`}>
        Delete
      </button>
    </li>
  );
}

export function LibraryScreen() {
  const { db } = useWorkbench();
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const deferredQuery = useDeferredValue(query.trim());
  const [deleted, setDeleted] = useState<DeletedArticle>();
  const articles = useLiveQuery(() => db.articles.orderBy('createdAt').reverse().toArray(), [db]);
  const folded = useMemo(() => new Map(articles?.map((article) => [article.id, foldText(`${article.title}\n${article.originalText}`)])), [articles]);
  const needle = foldText(deferredQuery);
  const shown = articles?.filter((article) => !needle || folded.get(article.id)?.includes(needle));
  const remove = async (article: ArticleRecord) => setDeleted(await deleteArticle(db, article.id!));
  const undo = async () => {
    if (!deleted) return;
    await restoreArticle(db, deleted);
    setDeleted(undefined);
  };
  return (
    <section className="library" aria-labelledby="library-heading">
      <header className="screen-header">
        <h1 id="library-heading">Library</h1>
        <input
          type="search"
          className="search-field"
          placeholder="Search the library"
          aria-label="Search the library"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="button primary" onClick={() => setImporting(true)} aria-expanded={importing}>
          Import
        </button>
      </header>
      {(importing || articles?.length === 0) && <ImportPanel onClose={() => setImporting(false)} />}
      {articles === undefined ? null : articles.length === 0 ? (
        <p className="empty-state">Your library is empty. Paste an article or choose files above.</p>
      ) : (
        <ul className="article-list" aria-label="Articles">
          {shown?.map((article) => <ArticleRow key={article.id} article={article} onDelete={() => void remove(article)} />)}
        </ul>
      )}
      {shown?.length === 0 && articles?.length ? <p className="empty-state">No article contains “{deferredQuery}”.</p> : null}
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
