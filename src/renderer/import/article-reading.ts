/**
 * What the article reader does away from the page (article-read-worker.ts; on the page itself where workers cannot
 * run): a file's bytes decoded, unzipped or parsed and read, and an article built from the text (language,
 * paragraphs, sentences, boilerplate), or the two articles of an aligned file with their alignment. Only the
 * sanitising of a web page's article needs the page's DOM.
 */
import type { BilingualDocument } from '../../common/formats/bilingual-document';
import { BilingualImportError } from '../../common/formats/bilingual-readers';
import { readTargumDocxExport } from '../../common/formats/docx-export-reader';
import { ArticleImportError, buildArticle, type ImportedArticle } from '../../common/import/article-import';
import { ImportTextError } from '../../common/import/encoding';
import { importKindOf } from '../../common/import/file-kinds';
import { readImportFile, type ImportSource, type PageSource } from '../../common/import/import-source';
import type { TextLanguage } from '../../common/text/language';
import { buildAlignedPair, type AlignedPairInput, type BuiltAlignedPair } from '../alignment/aligned-pair';
import { namesTargumAsGenerator } from './targum-html-export';
import { workerHtmlWindow } from './worker-html-window';

export type ArticleTask =
  | {
      task: 'read';
      name: string;
      bytes: Blob;
      /** A fetched page's content type, for a name without a known extension. */
      contentType?: string;
      sizeLimitMb: number;
      /** A picked or dropped file, which may be Targum's own DOCX or HTML export (then read as the pair it holds). */
      ownExports: boolean;
      /** The article's language when the user chose it; otherwise detected. */
      language?: TextLanguage;
    }
  | { task: 'build'; source: ImportSource; language?: TextLanguage }
  /** Two articles that come aligned (a TMX or XLIFF file's units), built with their alignment. */
  | { task: 'pair'; input: AlignedPairInput }
  /** A page the services fetched, its bytes in base64 as they crossed the API, as a Blob. */
  | { task: 'unpack'; base64: string };

export type ArticleTaskResult =
  /** Targum's own DOCX export of an article and its English. */
  | { ownExport: BilingualDocument }
  /** A page that names Targum as its generator, to be read as Targum's HTML export on the page (it needs the DOM). */
  | { ownHtmlExport: string }
  /** A web page read with Readability, its article to be sanitised on the page, then built. */
  | { page: PageSource }
  | { source: ImportSource; article: ImportedArticle }
  | { blob: Blob }
  | { pair: BuiltAlignedPair };

/** How far a task has gone, 0 to 1. */
export type TaskProgress = (fraction: number) => void;

/** An error that is the reader's sentence for the user (a file it cannot read), not a failure of the reading. */
export const isRefusal = (error: unknown): boolean => error instanceof ArticleImportError || error instanceof ImportTextError || error instanceof BilingualImportError;

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function built(source: ImportSource, language: TextLanguage | undefined, progress: TaskProgress): ArticleTaskResult {
  progress(0.8);
  return { source, article: buildArticle(source.text, language, { title: source.title, outlet: source.outlet, date: source.date }) };
}

export async function runArticleTask(task: ArticleTask, progress: TaskProgress): Promise<ArticleTaskResult> {
  if (task.task === 'build') return built(task.source, task.language, progress);
  if (task.task === 'pair') return { pair: buildAlignedPair(task.input) };
  if (task.task === 'unpack') return { blob: new Blob([Uint8Array.from(atob(task.base64), (character) => character.charCodeAt(0))]) };
  progress(0);
  const bytes = new Uint8Array(await task.bytes.arrayBuffer());
  progress(0.1);
  const kind = importKindOf(task.name, task.contentType);
  if (kind === 'docx' && task.ownExports) {
    const ownExport = readTargumDocxExport(bytes);
    if (ownExport) return { ownExport };
  }
  if (kind === 'html' && task.ownExports) {
    const html = utf8(bytes);
    if (html !== undefined && namesTargumAsGenerator(html)) return { ownHtmlExport: html };
  }
  const read = readImportFile({ name: task.name, bytes, ...(task.contentType ? { contentType: task.contentType } : {}) }, { sizeLimitMb: task.sizeLimitMb, htmlWindow: () => workerHtmlWindow });
  progress(0.6);
  return 'reading' in read ? { page: read } : built(read, task.language, progress);
}
