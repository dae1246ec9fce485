import { useLiveQuery } from 'dexie-react-hooks';
import type { ComparedParagraph } from '../../../common/align/article-links';
import { useWorkbench } from '../../workbench/workbench-context';
import type { SegmentRecord } from '../../data/records';
import { loadArticleView, type ArticleView } from '../../data/article-view';

/** An article as the comparison reads it: its paragraphs outside boilerplate with their English. */
export interface ComparedArticle {
  view: ArticleView;
  /** Paragraph text (its sentences joined) and English (of the sentences that have one; empty when none has). */
  paragraphs: ComparedParagraph[];
  sentences: number;
  /** Sentences outside boilerplate that have no English yet (no correction, memory or machine translation). */
  untranslated: SegmentRecord[];
}

function comparedArticle(view: ArticleView): ComparedArticle {
  const english = view.article.language === 'en';
  const kept = view.paragraphs.filter((sentences) => !sentences[0]!.segment.boilerplate);
  const paragraphs = kept.map((sentences) => ({
    text: sentences.map((sentence) => sentence.segment.text).join(' '),
    english: sentences
      .flatMap((sentence) => {
        const text = english ? sentence.segment.text : sentence.state.english;
        return text ? [text] : [];
      })
      .join(' '),
  }));
  const untranslated = english ? [] : kept.flat().flatMap((sentence) => (sentence.state.english === undefined ? [sentence.segment] : []));
  return { view, paragraphs, sentences: kept.reduce((sum, sentences) => sum + sentences.length, 0), untranslated };
}

/**
 * The chosen articles, in order, kept current as their English arrives or is corrected;
 * null for one no longer in the library, undefined while loading.
 */
export function useComparedArticles(ids: readonly number[]): Array<ComparedArticle | null> | undefined {
  const { db } = useWorkbench();
  return useLiveQuery(
    async () => (await Promise.all(ids.map((id) => loadArticleView(db, id)))).map((view) => (view ? comparedArticle(view) : null)),
    [db, ids.join(',')],
  );
}
