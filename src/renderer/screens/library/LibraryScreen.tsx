import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { foldText } from '../../../common/text/fold';
import { languageNames, textDirection } from '../../../common/text/language';
import { splitParagraphs, type TextLanguage } from '../../../common/text/segmenter';
import { useWorkbench } from '../../app/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import { deleteArticle, restoreArticle, type DeletedArticle } from '../../db/delete-article';
import type { ArticleRecord } from '../../db/records';
import { ImportPanel } from './ImportPanel';

function RenameField({ article, onDone }: { article: ArticleRecord; onDone: () => void }) {
  const { db } = useWorkbench();
  const [title, setTitle] = useState(article.title);
  const save = async () => {
    const trimmed = title.trim();
    if (trimmed && trimmed !== article.title) await db.articles.update(article.id!, { title: trimmed, updatedAt: Date.now() });
    onDone();
  };
  return (
    <input
      className="rename-field"
      aria-label="New title"
      value={title}
      dir="auto"
      autoFocus
      onChange={(event) => setTitle(event.target.value)}
      onBlur={() => void save()}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void save();
        if (event.key === 'Escape') onDone();
      }}
    />
  );
}

function ArticleRow({ article, onDelete }: { article: ArticleRecord; onDelete: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const direction = textDirection(article.language);
  const firstLine = splitParagraphs(article.originalText).find((paragraph) => !article.title.startsWith(paragraph.slice(0, 40)));
  if (renaming) {
    return (
      <li className="article-row">
        <RenameField article={article} onDone={() => setRenaming(false)} />
      </li>
    );
  }
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
      <span className="row-actions">
        <button type="button" className="row-action" onClick={() => setRenaming(true)} aria-label={`Rename ${article.title}`}>
          Rename
        </button>
        <button type="button" className="row-action" onClick={onDelete} aria-label={`Delete ${article.title}`}>
          Delete
        </button>
      </span>
    </li>
  );
}

export function LibraryScreen() {
  const { db } = useWorkbench();
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const deferredQuery = useDeferredValue(query.trim());
  const [deleted, setDeleted] = useState<DeletedArticle>();
  const [language, setLanguage] = useState<'all' | TextLanguage>('all');
  const [order, setOrder] = useState<'added' | 'published'>('added');
  const articles = useLiveQuery(() => db.articles.orderBy('createdAt').reverse().toArray(), [db]);
  const folded = useMemo(() => new Map(articles?.map((article) => [article.id, foldText(`${article.title}\n${article.originalText}`)])), [articles]);
  const needle = foldText(deferredQuery);
  const matching = articles?.filter((article) => (language === 'all' || article.language === language) && (!needle || folded.get(article.id)?.includes(needle)));
  // Articles without a known date go last when sorting by publication.
  const shown = order === 'published' ? matching?.toSorted((a, b) => (b.date ?? '').localeCompare(a.date ?? '')) : matching;
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
        <select aria-label="Language" value={language} onChange={(event) => setLanguage(event.target.value as typeof language)}>
          <option value="all">All languages</option>
          {(['he', 'ar', 'en'] as const).map((code) => (
            <option key={code} value={code}>
              {languageNames[code]}
            </option>
          ))}
        </select>
        <select aria-label="Order" value={order} onChange={(event) => setOrder(event.target.value as typeof order)}>
          <option value="added">Newest added</option>
          <option value="published">Newest published</option>
        </select>
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
