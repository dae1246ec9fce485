import { useLiveQuery } from 'dexie-react-hooks';
import { Link } from 'wouter';
import { languageNames, textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../app/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { SegmentRecord } from '../../db/records';

function groupByParagraph(segments: SegmentRecord[]): SegmentRecord[][] {
  const paragraphs: SegmentRecord[][] = [];
  for (const segment of segments) (paragraphs[segment.paragraphIndex] ??= []).push(segment);
  return paragraphs.filter(Boolean);
}

export function ReaderScreen({ articleId }: { articleId: number }) {
  const { db } = useWorkbench();
  const data = useLiveQuery(async () => {
    const article = await db.articles.get(articleId);
    if (!article) return { article: undefined, paragraphs: [] };
    const segments = await db.segments.where('[articleId+paragraphIndex+sentenceIndex]').between([articleId, 0, 0], [articleId, Infinity, Infinity]).toArray();
    return { article, paragraphs: groupByParagraph(segments) };
  }, [db, articleId]);
  if (!data) return null;
  const { article, paragraphs } = data;
  if (!article) {
    return (
      <p className="empty-state">
        This article is no longer in the library. <Link href="/">Back to the library</Link>
      </p>
    );
  }
  const direction = textDirection(article.language);
  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-toolbar">
        <h1 id="reader-title" className="reader-title" lang={article.language} dir={direction}>
          {article.title}
        </h1>
        <LanguageBadge language={article.language} />
      </header>
      <div className="reading-grid" role="table" aria-label="Source and English, paragraph by paragraph">
        <div className="reading-row reading-head" role="row">
          <div className="column-label" role="columnheader">
            {languageNames[article.language]}
          </div>
          <div className="column-label" role="columnheader">
            English <span className="muted">· not translated yet</span>
          </div>
        </div>
        {paragraphs.map((sentences) => (
          <div className="reading-row" role="row" key={sentences[0]?.paragraphIndex}>
            <div className={`source-cell article-text article-text-${article.language}`} role="cell" lang={article.language} dir={direction}>
              {sentences.map((sentence) => (
                <span key={sentence.id} className="sentence" data-sentence-id={sentence.id}>
                  {sentence.text}{' '}
                </span>
              ))}
            </div>
            <div className="target-cell article-text article-text-en" role="cell" lang="en" dir="ltr" />
          </div>
        ))}
      </div>
    </article>
  );
}
