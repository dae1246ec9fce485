import { memoryKey } from '../../common/text/memory-key';
import type { TextLanguage } from '../../common/text/language';
import { rowsOfArticle } from './article-rows';
import type { TargumDatabase } from './database';
import type { ArticleRecord, EditRecord, MemoryRecord, SegmentRecord, TranslationRecord } from './records';
import { newestBySource, segmentState, type SegmentState } from './segment-state';
import { translationsOf } from './translations';

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

/** An article as stored, but for its machine translations: what changes when the reader (not the engine) changes it. */
export interface ArticleParts {
  article: ArticleRecord;
  /** In reading order. */
  segments: SegmentRecord[];
  edits: EditRecord[];
  /** Memory entries by memory key, and each sentence's key. */
  memory: Map<string, MemoryRecord>;
  keyOf: Map<string, string>;
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

export async function loadArticleParts(db: TargumDatabase, articleId: number): Promise<ArticleParts | null> {
  const article = await db.articles.get(articleId);
  if (!article) return null;
  const [segments, edits] = await Promise.all([db.segments.where('articleId').equals(articleId).toArray(), rowsOfArticle(db.edits, articleId).toArray()]);
  const keyOf = new Map(segments.map((segment) => [segment.text, cachedMemoryKey(article.language, segment.text)]));
  const memory = await memoryEntries(db, article.language, new Set(keyOf.values()));
  segments.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
  return { article, segments, edits, memory, keyOf };
}

const sameState = (a: SegmentState, b: SegmentState) =>
  a.english === b.english && a.status === b.status && a.origin === b.origin && a.value === b.value && a.machine === b.machine && a.memory === b.memory && a.reference === b.reference;

/** The paragraph as shown before, when none of its sentences changed: rows drawn from it need not be drawn again. */
function unchanged(paragraph: SentenceView[], before: SentenceView[] | undefined): SentenceView[] {
  if (!before || before.length !== paragraph.length) return paragraph;
  return paragraph.every((sentence, index) => before[index]!.segment === sentence.segment && sameState(before[index]!.state, sentence.state)) ? before : paragraph;
}

/**
 * The view of an article from its parts and the newest machine translation of each source sentence. Given
 * the view before (of the same parts), paragraphs whose sentences did not change are kept as they were.
 */
export function composeArticleView({ article, segments, edits, memory, keyOf }: ArticleParts, machine: ReadonlyMap<string, TranslationRecord>, before?: ArticleView): ArticleView {
  const latestEdit = newestBySource(edits);
  const history = new Map<string, EditRecord[]>();
  for (const edit of [...edits].sort((a, b) => a.createdAt - b.createdAt || a.id! - b.id!)) history.set(edit.source, [...(history.get(edit.source) ?? []), edit]);

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
  const kept = paragraphs.filter(Boolean).map((paragraph, index) => unchanged(paragraph, before?.paragraphs[index]));
  return { article, paragraphs: kept, history, progress };
}

/** The article with each sentence's English, status and history. */
export async function loadArticleView(db: TargumDatabase, articleId: number): Promise<ArticleView | null> {
  const [parts, translations] = await Promise.all([loadArticleParts(db, articleId), translationsOf(db, articleId)]);
  return parts && composeArticleView(parts, newestBySource(translations));
}
