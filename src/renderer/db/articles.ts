import { buildArticle, type ImportedArticle } from '../../common/import/article-import';
import { SEGMENTER_VERSION } from '../../common/text/segmenter';
import type { TargumDatabase } from './database';
import type { ArticleOrigin, ArticleRecord, SegmentRecord } from './records';
import type { TextLanguage } from '../../common/text/language';

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

/** Builds the article: title, language, date, paragraphs and boilerplate; fails with a clear message on text with nothing to read. */
export function prepareArticle(input: NewArticle, now: number = Date.now()): { record: Omit<ArticleRecord, 'id'>; article: ImportedArticle } {
  const article = buildArticle(input.text, input.language, { title: input.title, outlet: input.outlet, date: input.date });
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
    },
  };
}

/** Writes an article and its derived sentences; call it inside a transaction over articles and segments. */
export async function writeArticle(db: TargumDatabase, prepared: ReturnType<typeof prepareArticle>): Promise<number> {
  const id = await db.articles.add(prepared.record);
  await db.segments.bulkAdd(deriveSegments(id, prepared.article));
  return id;
}
