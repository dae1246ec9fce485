import { detectLanguage } from '../../common/text/language';
import { SEGMENTER_VERSION, segmentText, type TextLanguage } from '../../common/text/segmenter';
import type { TargumDatabase } from './database';
import type { ArticleOrigin, ArticleRecord, SegmentRecord } from './records';

export interface NewArticle {
  text: string;
  origin: ArticleOrigin;
  originalFileName?: string;
  language?: TextLanguage;
}

const maxTitleLength = 140;

/** A title from the first paragraph, cut at a word boundary when long. */
export function titleFromParagraph(paragraph: string): string {
  if (paragraph.length <= maxTitleLength) return paragraph;
  const cut = paragraph.slice(0, maxTitleLength);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > maxTitleLength / 2 ? space : maxTitleLength)}…`;
}

/** The sentences of an article as stored: one row per sentence, with the segmenter's version. */
export function deriveSegments(articleId: number, text: string, language: TextLanguage): SegmentRecord[] {
  return segmentText(text, language).flatMap((sentences, paragraphIndex) =>
    sentences.map((sentence, sentenceIndex) => ({
      articleId,
      paragraphIndex,
      sentenceIndex,
      text: sentence,
      segmenterVersion: SEGMENTER_VERSION,
    })),
  );
}

/** Builds the article row for a text; fails with a clear message when the text holds nothing to read. */
export function prepareArticle(input: NewArticle, now: number = Date.now()): Omit<ArticleRecord, 'id'> {
  const language = input.language ?? detectLanguage(input.text);
  if (!language) throw new Error('This text has no letters in Hebrew, Arabic or English to read.');
  const firstParagraph = segmentText(input.text, language)[0]?.join(' ');
  if (!firstParagraph) throw new Error('This text is empty.');
  return {
    title: titleFromParagraph(firstParagraph),
    language,
    origin: input.origin,
    originalFileName: input.originalFileName,
    originalText: input.text,
    tags: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Writes an article and its derived sentences; call it inside a transaction over articles and segments. */
export async function writeArticle(db: TargumDatabase, article: Omit<ArticleRecord, 'id'>): Promise<number> {
  const id = await db.articles.add(article);
  await db.segments.bulkAdd(deriveSegments(id, article.originalText, article.language));
  return id;
}
