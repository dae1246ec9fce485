import { foldText } from '../../common/text/fold';
import { rowsOfArticle } from '../data/article-rows';
import type { TargumDatabase } from '../data/database';
import type { ArticleRecord } from '../data/records';
import { newestBySource, valueOf } from '../data/segment-state';

/** An article with the English each of its sentences currently has, and how far its translation is confirmed. */
export interface ArticleText {
  article: ArticleRecord;
  /** Each sentence's current English, in reading order: the reader's correction, else the newest machine translation. */
  english: string[];
  /** Sentences outside site boilerplate, and of those the confirmed ones. */
  sentences: number;
  confirmed: number;
  /** The paragraphs outside site boilerplate (no date, credit or caption line), in reading order. */
  body: string[];
}

/** Reads what the library shows and searches of one article; undefined when there is no such article. */
export async function readArticleText(db: TargumDatabase, articleId: number): Promise<ArticleText | undefined> {
  const [article, segments, translations, edits] = await Promise.all([
    db.articles.get(articleId),
    db.segments.where('articleId').equals(articleId).toArray(),
    rowsOfArticle(db.translations, articleId).toArray(),
    rowsOfArticle(db.edits, articleId).toArray(),
  ]);
  if (!article) return undefined;
  const machine = newestBySource(translations);
  const corrections = newestBySource(edits);
  const text: ArticleText = { article, english: [], sentences: 0, confirmed: 0, body: [] };
  segments.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
  let paragraphIndex = -1;
  for (const segment of segments) {
    const correction = valueOf(corrections.get(segment.text));
    const english = correction?.text ?? machine.get(segment.text)?.text;
    if (english) text.english.push(english);
    if (segment.boilerplate) continue;
    if (segment.paragraphIndex === paragraphIndex) text.body[text.body.length - 1] += ` ${segment.text}`;
    else text.body.push(segment.text);
    paragraphIndex = segment.paragraphIndex;
    text.sentences += 1;
    if (correction?.status === 'confirmed') text.confirmed += 1;
  }
  return text;
}

/** The distinct folded words of an article's title, text and English: what a search term must be part of. */
export function searchableWords({ article, english }: ArticleText): Set<string> {
  const words = new Set<string>();
  for (const part of [article.title, article.originalText, ...english]) {
    for (const word of foldText(part).split(/\s+/)) if (word) words.add(word);
  }
  return words;
}

/** The folded terms of a query, each of which a matching article must contain as part of a word. */
export function searchTerms(query: string): string[] {
  return [...new Set(foldText(query).split(/\s+/).filter(Boolean))];
}

/**
 * The opening of the story under the title, for the list: its first body paragraph after the title,
 * never a line of site boilerplate (a date, a credit, a caption).
 */
export function excerptOf({ article, body }: Pick<ArticleText, 'article' | 'body'>, length = 220): string {
  const paragraph = body.find((line) => !article.title.startsWith(line.slice(0, 40))) ?? '';
  return paragraph.length > length ? `${paragraph.slice(0, length)}…` : paragraph;
}
