/**
 * One imported file's bytes turned into the text an article is built from, the same way in the app (a dropped
 * or picked file, a fetched page) and on the command line: the type is told by the file name (or, for a
 * fetched page without one, by its content type); text and web pages are decoded with encoding detection,
 * web pages reduced to their article, and Word documents unpacked.
 */
import { ArticleImportError, type ArticleSourceDetails } from './article-import';
import { cleanImportedLine } from './clean-text';
import { readDocx } from './docx';
import { decodeText, type SupportedEncoding } from './encoding';
import { importKindOf, unsupportedTypeMessage, type ImportFileKind } from './file-kinds';
import { articleFromReading, readPage, type HtmlWindow, type PageReading } from './html-article';

/** Refuses a file over the import size limit (Settings → Largest file to import). */
export function checkImportSize(bytes: number, limitMb: number): void {
  if (bytes > limitMb * 1024 * 1024) {
    throw new ArticleImportError(`it is ${(bytes / 1024 / 1024).toFixed(1)} MB, over the ${limitMb} MB import limit (Settings → Largest file to import).`);
  }
}

export interface ImportFile {
  name: string;
  bytes: Uint8Array;
  /** A fetched page's content type, for a name without a known extension. */
  contentType?: string;
}

export interface ImportSource extends ArticleSourceDetails {
  kind: ImportFileKind;
  text: string;
  /** The character encoding the text was decoded from (a Word document's XML is always UTF-8). */
  encoding: SupportedEncoding;
  reversedVisualOrder?: boolean;
}

export interface ImportSourceOptions {
  /** An encoding chosen by hand for text and web pages; detected when not given. */
  encoding?: string;
  sizeLimitMb: number;
  /** The DOM that web pages are read with; needed only for them. */
  htmlWindow?: () => HtmlWindow;
}

/** A web page decoded and read (readPage), its article still to be sanitised by finishPageSource. */
export interface PageSource {
  kind: 'html';
  encoding: SupportedEncoding;
  reversedVisualOrder?: boolean;
  reading: PageReading;
}

/** What a file says of itself, each a clean single line (no bidi overrides to make "‮gpj.exe" look like "exe.jpg"). */
function cleanDetails<Source extends ArticleSourceDetails>(source: Source): Source {
  const cleaned = { ...source };
  for (const key of ['title', 'outlet', 'date'] as const) {
    const value = source[key] === undefined ? undefined : cleanImportedLine(source[key]);
    if (value) cleaned[key] = value;
    else delete cleaned[key];
  }
  return cleaned;
}

/** The text of an imported file and what the file says of itself; a clear one-sentence error for anything it cannot import. */
export function readImportSource(file: ImportFile, options: ImportSourceOptions): ImportSource {
  const read = readImportFile(file, options);
  if ('reading' in read) return finishPageSource(read, options.htmlWindow!());
  return read;
}

/**
 * readImportSource up to the sanitising of a web page's article, which needs a DOM DOMPurify works with: a text file
 * or Word document whole, a web page decoded and read with `options.htmlWindow`, which need only parse (the
 * interface does this much in a worker, with a DOM of its own).
 */
export function readImportFile(file: ImportFile, options: ImportSourceOptions): ImportSource | PageSource {
  const kind = importKindOf(file.name, file.contentType);
  if (kind === undefined) throw new ArticleImportError(unsupportedTypeMessage(file.name, file.contentType));
  checkImportSize(file.bytes.length, options.sizeLimitMb);
  if (kind === 'docx') return cleanDetails<ImportSource>({ kind, encoding: 'utf-8', ...readDocx(file.bytes) });
  const decoded = decodeText(file.bytes, { encoding: options.encoding });
  const visual = decoded.reversedVisualOrder ? { reversedVisualOrder: true } : {};
  if (kind === 'text') return { kind, text: decoded.text, encoding: decoded.encoding, ...visual };
  if (options.htmlWindow === undefined) throw new Error('readImportSource: a web page needs an HTML window to be read with');
  return { kind, encoding: decoded.encoding, ...visual, reading: readPage(decoded.text, options.htmlWindow()) };
}

/** A web page's source from what readImportFile read: its article sanitised on `window` (the browser's, or jsdom's). */
export function finishPageSource(page: PageSource, window: HtmlWindow): ImportSource {
  const { reading, ...source } = page;
  const article = articleFromReading(reading, window);
  if (article.text.trim() === '') throw new ArticleImportError('This web page holds no article text.');
  return cleanDetails({ ...source, ...article });
}
