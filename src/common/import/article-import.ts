import { type TextLanguage, detectLanguage } from '../text/language';
import { splitParagraphs, splitSentences } from '../text/segmenter';
import { classifyParagraphs, type BoilerplateKind, type ParagraphClass } from './boilerplate/classify';
import { looseText } from './boilerplate/lines';
import { findPublicationDate } from './boilerplate/dates';
import { cleanImportedText } from './clean-text';
import { findOutlet, outletName } from './outlet';

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
  /** The outlet the source names (a web page's site name) or the text credits. */
  outlet?: string;
  date?: string;
  paragraphs: ImportedParagraph[];
}

/** What a file said of itself (a web page's title, site name and date; a Word document's title), over what the text shows. */
export interface ArticleSourceDetails {
  title?: string;
  outlet?: string;
  date?: string;
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

/** How far down a headline that the page repeats later is looked for (below a caption, a credit, a date…). */
const TITLE_ZONE = 5;

/**
 * The paragraph that is the title: the first line that the page repeats later (pages print their
 * headline again above the story; the first of two identical lines is the title, the later one the
 * repeat), when it stands among the first lines; else the first paragraph that is not boilerplate.
 */
function titleIndex(paragraphs: readonly string[], classes: readonly ParagraphClass[]): number {
  const repeats = new Set(paragraphs.filter((_, index) => classes[index]?.kind === 'repeated-headline').map(looseText));
  const body = paragraphs.findIndex((_, index) => !classes[index]?.boilerplate);
  const repeated = paragraphs.findIndex((paragraph, index) => index < TITLE_ZONE && !classes[index]?.boilerplate && repeats.has(looseText(paragraph)));
  return repeated >= 0 ? repeated : Math.max(body, 0);
}

/** An article from decoded text: language, paragraphs with their sentences, boilerplate marked, title, outlet and date. */
export function buildArticle(decoded: string, language?: TextLanguage, source: ArticleSourceDetails = {}): ImportedArticle {
  const text = cleanImportedText(decoded);
  const detected = language ?? detectLanguage(text);
  if (!detected) throw new ArticleImportError('This text has no letters in Hebrew, Arabic or English to read.');
  const paragraphs = splitParagraphs(text);
  if (paragraphs.length === 0) throw new ArticleImportError('This text is empty.');
  const classes = classifyParagraphs(paragraphs, detected);
  const titleParagraph = paragraphs[titleIndex(paragraphs, classes)]!;
  const outlet = source.outlet?.trim() ? outletName(source.outlet, detected) : findOutlet(paragraphs, detected);
  const date = source.date ?? findPublicationDate(paragraphs);
  return {
    title: titleFromParagraph(source.title?.trim() || titleParagraph),
    language: detected,
    text,
    ...(outlet ? { outlet } : {}),
    ...(date ? { date } : {}),
    paragraphs: paragraphs.map((paragraph, index) => ({
      text: paragraph,
      boilerplate: classes[index]?.boilerplate ?? false,
      ...(classes[index]?.kind ? { kind: classes[index].kind } : {}),
      sentences: splitSentences(paragraph, detected),
    })),
  };
}
