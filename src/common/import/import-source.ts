/**
 * One imported file's bytes turned into the text an article is built from, the same way in the app (a dropped
 * or picked file, a fetched page) and on the command line: the type is told by the file name (or, for a
 * fetched page without one, by its content type); text and web pages are decoded with encoding detection,
 * web pages reduced to their article, and Word documents unpacked.
 */
import { ArticleImportError, type ArticleSourceDetails } from './article-import';
import { readDocx } from './docx';
import { decodeText, type SupportedEncoding } from './encoding';
import { articleFromHtml, type HtmlWindow } from './html-article';

export type ImportFileKind = 'text' | 'html' | 'docx';

const kindByExtension: Readonly<Record<string, ImportFileKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
};

const kindByContentType: Readonly<Record<string, ImportFileKind>> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** What a file picker offers. */
export const importAccept = '.txt,.md,.html,.htm,.docx,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The extension of a file name, in lower case with its dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The kind of content a media type (a Content-Type header, parameters and all) names. */
export function importKindOfType(contentType: string): ImportFileKind | undefined {
  return kindByContentType[contentType.split(';')[0]!.trim().toLowerCase()];
}

/** The kind of a file: by its extension; by its content type when it has no known extension; text when it has neither. */
export function importKindOf(name: string, contentType?: string): ImportFileKind | undefined {
  const extension = extensionOf(name);
  const byExtension = kindByExtension[extension];
  if (byExtension !== undefined) return byExtension;
  if (contentType) return importKindOfType(contentType);
  return extension === '' ? 'text' : undefined;
}

export function unsupportedTypeMessage(name: string, contentType?: string): string {
  const extension = extensionOf(name);
  const what = extension ? `${extension} files` : contentType ? `${contentType.split(';')[0]} content` : 'This kind of file';
  return `${what} cannot be imported; Targum reads .txt, .md, .html, .htm and .docx files.`;
}

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

/** The text of an imported file and what the file says of itself; a clear one-sentence error for anything it cannot import. */
export function readImportSource(file: ImportFile, options: ImportSourceOptions): ImportSource {
  const kind = importKindOf(file.name, file.contentType);
  if (kind === undefined) throw new ArticleImportError(unsupportedTypeMessage(file.name, file.contentType));
  checkImportSize(file.bytes.length, options.sizeLimitMb);
  if (kind === 'docx') return { kind, encoding: 'utf-8', ...readDocx(file.bytes) };
  const decoded = decodeText(file.bytes, { encoding: options.encoding });
  const visual = decoded.reversedVisualOrder ? { reversedVisualOrder: true } : {};
  if (kind === 'text') return { kind, text: decoded.text, encoding: decoded.encoding, ...visual };
  if (options.htmlWindow === undefined) throw new Error('readImportSource: a web page needs an HTML window to be read with');
  const page = articleFromHtml(decoded.text, options.htmlWindow());
  if (page.text.trim() === '') throw new ArticleImportError('This web page holds no article text.');
  return { kind, encoding: decoded.encoding, ...visual, ...page };
}
