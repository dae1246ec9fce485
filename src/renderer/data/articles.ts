import { buildArticle, type ImportedArticle } from '../../common/import/article-import';
import { BOILERPLATE_VERSION } from '../../common/import/boilerplate/classify';
import { SEGMENTER_VERSION } from '../../common/text/segmenter';
import type { TextLanguage } from '../../common/text/language';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { StoreControl } from './memory';
import type { ArticleOrigin, ArticleRecord, SegmentRecord } from './records';

export interface NewArticle {
  text: string;
  origin: ArticleOrigin;
  originalFileName?: string;
  originalFile?: Blob;
  language?: TextLanguage;
  encoding?: string;
  /** What the source said of itself (a web page's title, site name and publication date), over what the text shows. */
  title?: string;
  outlet?: string;
  date?: string;
  /** The address an article was fetched from. */
  sourceUrl?: string;
}

/** The sentences of an article as stored: one row per sentence, with the segmenter's version and its paragraph's boilerplate mark. */
export function deriveSegments(articleId: number, article: ImportedArticle): SegmentRecord[] {
  return article.paragraphs.flatMap((paragraph, paragraphIndex) =>
    paragraph.sentences.map((sentence, sentenceIndex) => ({
      articleId,
      paragraphIndex,
      sentenceIndex,
      text: sentence,
      segmenterVersion: SEGMENTER_VERSION,
      ...(paragraph.boilerplate ? { boilerplate: paragraph.kind ?? 'other' } : {}),
    })),
  );
}

/**
 * Builds the article: title, language, date, paragraphs and boilerplate; fails with a clear message on text with
 * nothing to read. `article` is the same built elsewhere (an imported file's, in the article reader's worker).
 */
export function prepareArticle(
  input: NewArticle,
  now: number = Date.now(),
  article: ImportedArticle = buildArticle(input.text, input.language, { title: input.title, outlet: input.outlet, date: input.date }),
): { record: Omit<ArticleRecord, 'id'>; article: ImportedArticle } {
  return {
    article,
    record: {
      title: article.title,
      language: article.language,
      ...(article.outlet ? { outlet: article.outlet } : {}),
      ...(article.date ? { date: article.date } : {}),
      origin: input.origin,
      originalFileName: input.originalFileName,
      ...(input.originalFile ? { originalFile: input.originalFile } : {}),
      ...(input.sourceUrl ? { sourceUrl: input.sourceUrl } : {}),
      ...(input.encoding ? { encoding: input.encoding } : {}),
      originalText: article.text,
      tags: [],
      createdAt: now,
      updatedAt: now,
      boilerplateVersion: BOILERPLATE_VERSION,
    },
  };
}

export type PreparedArticle = ReturnType<typeof prepareArticle>;

/** The tables a transaction that writes articles (writeArticle) must hold. */
export const articleTables = (db: TargumDatabase) => [db.articles, db.segments, db.searchQueue];

/** Sentences written this many at a time: the screen answers between two batches. */
const segmentBatch = 1_000;

/**
 * Writes an article and its derived sentences; call it inside a transaction over articleTables. `control`: the
 * share of its sentences written, and the user's cancel, checked between batches (it aborts the transaction).
 */
export async function writeArticle(db: TargumDatabase, prepared: PreparedArticle, control: StoreControl = {}): Promise<number> {
  const id = await db.articles.add(prepared.record);
  const segments = deriveSegments(id, prepared.article);
  for (let at = 0; at < segments.length; at += segmentBatch) {
    control.signal?.throwIfAborted();
    await db.segments.bulkAdd(segments.slice(at, at + segmentBatch));
    control.onProgress?.(Math.min(at + segmentBatch, segments.length) / segments.length);
  }
  await markArticlesChanged(db, [id]);
  return id;
}

/** Stores one article: nothing is stored unless the whole article is. Resolves to its id. */
export function addArticle(db: TargumDatabase, prepared: PreparedArticle): Promise<number> {
  return db.transaction('rw', articleTables(db), () => writeArticle(db, prepared));
}

export function getArticle(db: TargumDatabase, articleId: number): Promise<ArticleRecord | undefined> {
  return db.articles.get(articleId);
}

/** The articles of a title, for matching a file exported from one of them. */
export function articlesTitled(db: TargumDatabase, title: string): Promise<ArticleRecord[]> {
  return db.articles.where('title').equals(title).toArray();
}

/** Each article's title and language by id, read from the indexes alone (never the text or the stored file). */
export function articleLabels(db: TargumDatabase): Promise<Map<number, { title: string; language: ArticleRecord['language'] }>> {
  return db.transaction('r', db.articles, async () => {
    const titles = new Map<number, string>();
    const labels = new Map<number, { title: string; language: ArticleRecord['language'] }>();
    await db.articles.orderBy('title').eachKey((title, cursor) => titles.set(cursor.primaryKey as number, title as string));
    await db.articles.orderBy('language').eachKey((language, cursor) => {
      const id = cursor.primaryKey as number;
      labels.set(id, { title: titles.get(id) ?? '', language: language as ArticleRecord['language'] });
    });
    return labels;
  });
}

export async function renameArticle(db: TargumDatabase, articleId: number, title: string): Promise<void> {
  await db.transaction('rw', db.articles, db.searchQueue, async () => {
    await db.articles.update(articleId, { title, updatedAt: Date.now() });
    await markArticlesChanged(db, [articleId]);
  });
}
