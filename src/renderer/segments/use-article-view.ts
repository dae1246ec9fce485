import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { memoryKey } from '../../common/text/memory-key';
import { useWorkbench } from '../app/workbench-context';
import type { TargumDatabase } from '../db/database';
import type { ArticleRecord, EditRecord, MemoryRecord, SegmentRecord } from '../db/records';
import { newestBySource, segmentState, type SegmentState } from './segment-state';
import type { TextLanguage } from '../../common/text/language';

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

const memoryKeys = new Map<string, string>();

/** Memory keys of the sentences read lately: an article is loaded again after every change to it. */
function cachedMemoryKey(language: TextLanguage, text: string): string {
  const cacheKey = `${language}\n${text}`;
  let key = memoryKeys.get(cacheKey);
  if (key === undefined) {
    if (memoryKeys.size > 50_000) memoryKeys.clear();
    key = memoryKey(language, text);
    memoryKeys.set(cacheKey, key);
  }
  return key;
}

/** The memory entries for these keys: read through the key index, or whole when the memory is the smaller. */
async function memoryEntries(db: TargumDatabase, language: TextLanguage, keys: Set<string>): Promise<Map<string, MemoryRecord>> {
  const size = await db.memory.count();
  const entries = size === 0 ? [] : size <= keys.size ? await db.memory.where('language').equals(language).toArray() : await db.memory.where('sourceKey').anyOf([...keys]).toArray();
  return new Map(entries.filter((entry) => keys.has(entry.sourceKey)).map((entry) => [entry.sourceKey, entry]));
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
  const keyOf = new Map(segments.map((segment) => [segment.text, cachedMemoryKey(article.language, segment.text)]));
  const memory = await memoryEntries(db, article.language, new Set(keyOf.values()));
  segments.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
  const machine = newestBySource(translations);
  const latestEdit = newestBySource(edits);
  const history = new Map<string, EditRecord[]>();
  for (const edit of edits.sort((a, b) => a.createdAt - b.createdAt || a.id! - b.id!)) history.set(edit.source, [...(history.get(edit.source) ?? []), edit]);

  const paragraphs: SentenceView[][] = [];
  const progress = { sentences: 0, confirmed: 0, edited: 0, translated: 0 };
  for (const segment of segments) {
    const state = segmentState(latestEdit.get(segment.text), machine.get(segment.text), memory.get(keyOf.get(segment.text)!));
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
