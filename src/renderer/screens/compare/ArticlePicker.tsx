import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { foldText } from '../../../common/text/fold';
import { textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import { useLibrary } from '../../library/use-library';

/** Rows shown at most: a larger library is narrowed by the search. */
const SHOWN = 200;

/** The library as a checklist, filtered by title, to choose the articles to compare. */
export function ArticlePicker({ chosen, onToggle }: { chosen: readonly number[]; onToggle: (articleId: number) => void }) {
  const { db } = useWorkbench();
  const library = useLibrary(db);
  const [query, setQuery] = useState('');
  const needle = foldText(useDeferredValue(query).trim());
  const entries = useMemo(
    () => library.find({ query: '', order: 'added' }).filter((entry) => !needle || foldText(entry.title).includes(needle)),
    [library, needle],
  );

  return (
    <section className="compare-panel compare-picker" aria-labelledby="compare-picker-heading">
      <div className="compare-panel-head">
        <h2 id="compare-picker-heading">Articles</h2>
        <input type="search" placeholder="Filter by title" aria-label="Filter articles by title" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {library.ready && library.size === 0 ? (
        <p className="muted">
          The library is empty: <Link href="/">import articles</Link> to compare them.
        </p>
      ) : library.ready && entries.length === 0 ? (
        <p className="muted">No article title contains “{query.trim()}”.</p>
      ) : (
        <ul className="picker-list" aria-label="Articles to compare">
          {entries.slice(0, SHOWN).map((entry) => (
            <li key={entry.articleId}>
              <label className="picker-choice">
                <input type="checkbox" checked={chosen.includes(entry.articleId)} onChange={() => onToggle(entry.articleId)} />
                <span className="picker-title" lang={entry.language} dir={textDirection(entry.language)}>
                  {entry.title}
                </span>
                <LanguageBadge language={entry.language} />
                {(entry.outlet || entry.date) && (
                  <span className="picker-source muted">
                    {entry.outlet && <bdi>{entry.outlet}</bdi>}
                    {entry.outlet && entry.date && ' · '}
                    {entry.date && <bdi dir="ltr">{entry.date}</bdi>}
                  </span>
                )}
              </label>
            </li>
          ))}
        </ul>
      )}
      {entries.length > SHOWN && <p className="muted">{entries.length - SHOWN} more: narrow the filter to see them.</p>}
    </section>
  );
}
