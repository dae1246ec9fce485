import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { Link } from 'wouter';
import { textDirection } from '../../../common/text/language';
import { splitParagraphs } from '../../../common/text/segmenter';
import { useWorkbench } from '../../app/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { ArticleRecord } from '../../db/records';
import { ImportPanel } from './ImportPanel';

function ArticleRow({ article }: { article: ArticleRecord }) {
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
    </li>
  );
}

export function LibraryScreen() {
  const { db } = useWorkbench();
  const [query, setQuery] = useState('');
  const [importing, setImporting] = useState(false);
  const deferredQuery = useDeferredValue(query.trim());
  const articles = useLiveQuery(() => db.articles.orderBy('createdAt').reverse().toArray(), [db]);
  const shown = articles?.filter((article) => !deferredQuery || article.title.includes(deferredQuery));
  return (
    <section className="library" aria-labelledby="library-heading">
      <header className="screen-header">
        <h1 id="library-heading">Library</h1>
        <input
          type="search"
          className="search-field"
          placeholder="Search titles"
          aria-label="Search titles"
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
          {shown?.map((article) => <ArticleRow key={article.id} article={article} />)}
        </ul>
      )}
      {shown?.length === 0 && articles?.length ? <p className="empty-state">No title contains “{deferredQuery}”.</p> : null}
    </section>
  );
}
