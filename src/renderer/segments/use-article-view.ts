import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { memoryKey } from '../../common/text/memory-key';
import { useWorkbench } from '../app/workbench-context';
import type { TargumDatabase } from '../db/database';
import type { ArticleRecord, EditRecord, SegmentRecord } from '../db/records';
import { newestBySource, segmentState, type SegmentState } from './segment-state';

export interface SentenceView {
  segment: SegmentRecord;
  state: SegmentState;
}

export interface ArticleView {
  article: ArticleRecord;
  /** Every paragraph, boilerplate included, each a list of its sentences in order. */
  paragraphs: SentenceView[][];
  /** Each source sentence's edits, oldest first. */
  history: Map<string, EditRecord[]>;
  progress: { sentences: number; confirmed: number; edited: number; translated: number };
}

function between(articleId: number) {
  return [
    [articleId, Dexie.minKey],
    [articleId, Dexie.maxKey],
  ] as const;
}

export async function loadArticleView(db: TargumDatabase, articleId: number): Promise<ArticleView | null> {
  const article = await db.articles.get(articleId);
  if (!article) return null;
  const [low, high] = between(articleId);
  const [segments, translations, edits] = await Promise.all([
    db.segments.where('articleId').equals(articleId).toArray(),
    db.translations.where('[articleId+source]').between(low, high).toArray(),
    db.edits.where('[articleId+source]').between(low, high).toArray(),
  ]);
  const keys = [...new Set(segments.map((segment) => memoryKey(article.language, segment.text)))];
  const memory = new Map((await db.memory.where('sourceKey').anyOf(keys).toArray()).map((entry) => [entry.sourceKey, entry]));
  segments.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
  const machine = newestBySource(translations);
  const latestEdit = newestBySource(edits);
  const history = new Map<string, EditRecord[]>();
  for (const edit of edits.sort((a, b) => a.createdAt - b.createdAt || a.id! - b.id!)) history.set(edit.source, [...(history.get(edit.source) ?? []), edit]);

  const paragraphs: SentenceView[][] = [];
  const progress = { sentences: 0, confirmed: 0, edited: 0, translated: 0 };
  for (const segment of segments) {
    const state = segmentState(latestEdit.get(segment.text), machine.get(segment.text), memory.get(memoryKey(article.language, segment.text)));
    (paragraphs[segment.paragraphIndex] ??= []).push({ segment, state });
    if (segment.boilerplate) continue;
    progress.sentences += 1;
    if (state.status === 'confirmed') progress.confirmed += 1;
    if (state.status === 'edited') progress.edited += 1;
    if (state.english !== undefined) progress.translated += 1;
  }
  return { article, paragraphs: paragraphs.filter(Boolean), history, progress };
}

/** The article with each sentence's English, status and history, kept current as they change. */
export function useArticleView(articleId: number): ArticleView | null | undefined {
  const { db } = useWorkbench();
  return useLiveQuery(() => loadArticleView(db, articleId), [db, articleId]);
}
