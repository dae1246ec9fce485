import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import { alignedAsCounterpart, alignmentsOf } from '../../data/alignments';
import { getArticle } from '../../data/articles';
import { useWorkbench } from '../../workbench/workbench-context';
import { ArticleGone, ArticleHeading } from '../../components/ArticleHeading';
import { LanguageBadge } from '../../components/LanguageBadge';
import { AlignmentEditor } from './AlignmentEditor';
import { CounterpartPanel } from './CounterpartPanel';
import './alignment.css';

/** An article's translations and parallel versions: add one, or read and edit the alignment with one. */
export function AlignmentScreen({ articleId }: { articleId: number }) {
  const { db } = useWorkbench();
  const data = useLiveQuery(async () => {
    const article = await getArticle(db, articleId);
    if (!article) return null;
    const [alignments, sources] = await Promise.all([alignmentsOf(db, articleId), alignedAsCounterpart(db, articleId)]);
    return { article, alignments, sources };
  }, [db, articleId]);
  const [chosen, setChosen] = useState<number>();
  const [adding, setAdding] = useState(false);

  if (data === undefined) return null;
  if (data === null) return <ArticleGone />;
  const { article, alignments, sources } = data;
  const selected = alignments.find(({ alignment }) => alignment.id === chosen) ?? alignments[0];
  const showPanel = adding || alignments.length === 0;

  return (
    <div className="alignment-screen">
      <header className="alignment-header">
        <Link href={`/article/${articleId}`} className="button small">
          ← Reading
        </Link>
        <ArticleHeading article={article} />
        <LanguageBadge language={article.language} />
      </header>
      {sources.length > 0 && (
        <p className="alignment-note muted">
          This article is the parallel version of{' '}
          {sources.map((source, index) => (
            <span key={source.id}>
              {index > 0 && ', '}
              <Link href={`/article/${source.id}/parallel`}>
                <bdi lang={source.language} dir="auto">
                  {source.title}
                </bdi>
              </Link>
            </span>
          ))}
          .
        </p>
      )}
      {alignments.length > 0 && (
        <div className="alignment-versions">
          <div role="tablist" aria-label="Parallel versions" className="version-tabs">
            {alignments.map(({ alignment, counterpart }) => (
              <button
                key={alignment.id}
                type="button"
                role="tab"
                className="version-tab"
                aria-selected={!showPanel && alignment.id === selected?.alignment.id}
                onClick={() => {
                  setChosen(alignment.id);
                  setAdding(false);
                }}
              >
                <LanguageBadge language={counterpart.language} />
                <bdi lang={counterpart.language} dir="auto" className="version-title">
                  {counterpart.title}
                </bdi>
              </button>
            ))}
          </div>
          <button type="button" className="button small" aria-pressed={adding} onClick={() => setAdding(!adding)}>
            Add a translation or parallel version
          </button>
        </div>
      )}
      {showPanel && (
        <CounterpartPanel
          articleId={articleId}
          onAdded={(alignmentId) => {
            setChosen(alignmentId);
            setAdding(false);
          }}
          onClose={alignments.length > 0 ? () => setAdding(false) : undefined}
        />
      )}
      {!showPanel && selected && <AlignmentEditor key={selected.alignment.id} alignmentId={selected.alignment.id!} />}
    </div>
  );
}
