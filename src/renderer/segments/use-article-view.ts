import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import { useWorkbench } from '../workbench/workbench-context';
import { composeArticleView, loadArticleParts, type ArticleParts, type ArticleView } from '../data/article-view';
import type { TranslationRecord } from '../data/records';
import { newestBySource } from '../data/segment-state';
import { onTranslationsStored, translationsOf } from '../data/translations';

/** The view last shown of each article's parts: a batch of English redraws only the paragraphs it changed. */
const shownViews = new WeakMap<ArticleParts, ArticleView>();

/**
 * The article with each sentence's English, status and history, kept current as they change. The reader's
 * changes (and deletion) read the article again; machine translations stored in this window are merged into
 * what is shown as they come, batch by batch, without reading it again.
 */
export function useArticleView(articleId: number): ArticleView | null | undefined {
  const { db } = useWorkbench();
  const parts = useLiveQuery(() => loadArticleParts(db, articleId), [db, articleId]);
  const [machine, setMachine] = useState<{ articleId: number; newest: ReadonlyMap<string, TranslationRecord> }>();

  // Read when the parts change (a restored backup brings its own); then batches are merged as they are stored.
  useEffect(() => {
    if (!parts) return;
    let newest: Map<string, TranslationRecord> | undefined;
    const arrived: TranslationRecord[] = [];
    const merge = (rows: readonly TranslationRecord[]) => {
      newest = newestBySource(rows, newest);
      setMachine({ articleId, newest });
    };
    const stopListening = onTranslationsStored(db, (stored) => {
      const rows = stored.filter((row) => row.articleId === articleId);
      if (rows.length === 0) return;
      if (newest) merge(rows);
      else arrived.push(...rows);
    });
    let current = true;
    void translationsOf(db, articleId).then((rows) => current && merge([...rows, ...arrived]));
    return () => {
      current = false;
      stopListening();
    };
  }, [db, articleId, parts]);

  return useMemo(() => {
    if (parts === null) return null;
    if (!parts || machine?.articleId !== articleId) return undefined;
    const view = composeArticleView(parts, machine.newest, shownViews.get(parts));
    shownViews.set(parts, view);
    return view;
  }, [parts, machine, articleId]);
}
