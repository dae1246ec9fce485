import { detectLanguage } from '../text/language';
import { splitParagraphs, splitSentences, type TextLanguage } from '../text/segmenter';
import { classifyParagraphs, findPublicationDate, type BoilerplateKind } from './boilerplate';
import { cleanImportedText } from './clean-text';

export interface ImportedParagraph {
  text: string;
  /** Site furniture (a "found a mistake?" line, a credit, a repeated headline…), hidden by default. */
  boilerplate: boolean;
  kind?: BoilerplateKind;
  sentences: string[];
}

export interface ImportedArticle {
  title: string;
  language: TextLanguage;
  /** The text as stored: cleaned, in logical order. */
  text: string;
  date?: string;
  paragraphs: ImportedParagraph[];
}

export class ArticleImportError extends Error {}

const maxTitleLength = 140;

/** A title from the first paragraph, cut at a word boundary when long. */
export function titleFromParagraph(paragraph: string): string {
  if (paragraph.length <= maxTitleLength) return paragraph;
  const cut = paragraph.slice(0, maxTitleLength);
  const space = cut.lastIndexOf(' ');
  return `${cut.slice(0, space > maxTitleLength / 2 ? space : maxTitleLength)}…`;
}

/** An article from decoded text: language, paragraphs with their sentences, boilerplate marked, title and date. */
export function buildArticle(decoded: string, language?: TextLanguage): ImportedArticle {
  const text = cleanImportedText(decoded);
  const detected = language ?? detectLanguage(text);
  if (!detected) throw new ArticleImportError('This text has no letters in Hebrew, Arabic or English to read.');
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) throw new ArticleImportError('This text is empty.');
  const classes = classifyParagraphs(paragraphs, detected);
  const titleParagraph = paragraphs.find((_, index) => !classes[index]?.boilerplate) ?? paragraphs[0]!;
  return {
    title: titleFromParagraph(titleParagraph),
    language: detected,
    text,
    date: findPublicationDate(paragraphs),
    paragraphs: paragraphs.map((paragraph, index) => ({
      text: paragraph,
      boilerplate: classes[index]?.boilerplate ?? false,
      ...(classes[index]?.kind ? { kind: classes[index].kind } : {}),
      sentences: splitSentences(paragraph, detected),
    })),
  };
}
