import type { FetchedArticle } from '../../common/api/contract';
import type { BilingualDocument } from '../../common/formats/bilingual-document';
import { ArticleImportError, type ImportedArticle } from '../../common/import/article-import';
import { ImportTextError } from '../../common/import/encoding';
import { BilingualImportError } from '../../common/formats/bilingual-readers';
import { importKindOf, isBilingualFile, unsupportedTypeMessage } from '../../common/import/file-kinds';
import { importBilingualDocument, importBilingualFile, type BilingualImportOutcome } from './bilingual-import';
import { readTargumHtmlExport } from './targum-html-export';
import { checkImportSize } from '../../common/import/import-source';
import { articleOf, openArticleReader, type ArticleReader } from './article-reader';
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from '../data/database';
import { addArticle, prepareArticle, type NewArticle, type PreparedArticle } from '../data/articles';
import { deleteArticle } from '../data/delete-article';
import type { StoreControl } from '../data/memory';

/** What became of one file, link or pasted text. */
export type ImportOutcome =
  | { status: 'imported'; name: string; articleId: number; title: string; language: TextLanguage; paragraphs: number }
  | { status: 'failed'; name: string; reason: string }
  /** A TMX, XLIFF or TSV file of translation pairs: into the memory, and into an article or a new aligned pair. */
  | ({ status: 'pairs'; name: string } & BilingualImportOutcome)
  /** A file of a type Targum does not read, found in a folder: listed, not an error. */
  | { status: 'skipped'; name: string; reason: string }
  /** The same article (language, title and text) is in the library already: nothing stored until the reader chooses. */
  | { status: 'duplicate'; name: string; existingId: number; title: string; input: NewArticle };

/** A file to import, with its path inside a chosen or dropped folder. */
export interface ImportCandidate {
  file: File;
  /** "folder/sub/name.txt" for a file from a folder. */
  path?: string;
}

const spacedAlike = (text: string): string => text.replace(/\s+/g, ' ').trim();

/** The article of the library with the same language, title and text (whatever the spacing), if there is one. */
export async function findDuplicate(db: TargumDatabase, prepared: PreparedArticle): Promise<number | undefined> {
  const title = spacedAlike(prepared.record.title);
  const text = spacedAlike(prepared.record.originalText);
  const found = await db.articles
    .where('language')
    .equals(prepared.record.language)
    .filter((article) => spacedAlike(article.title) === title && spacedAlike(article.originalText) === text)
    .first();
  return found?.id;
}

/**
 * Imports one article: nothing is stored unless the whole article is (one transaction). An article the
 * library has already is not stored again unless `duplicates` says to keep both. `built`: the article as the
 * article reader built it from `input`, away from the page.
 */
async function store(db: TargumDatabase, input: NewArticle, name: string, duplicates: 'ask' | 'keep-both' = 'ask', built?: ImportedArticle): Promise<ImportOutcome> {
  const prepared = prepareArticle(input, Date.now(), built);
  if (duplicates === 'ask') {
    const existingId = await findDuplicate(db, prepared);
    if (existingId !== undefined) return { status: 'duplicate', name, existingId, title: prepared.record.title, input };
  }
  const articleId = await addArticle(db, prepared);
  return { status: 'imported', name, articleId, title: prepared.record.title, language: prepared.record.language, paragraphs: prepared.article.paragraphs.length };
}

/**
 * What the reader chose for an article the library had already: keep both, or replace the one there (the
 * new one is stored first, so a failure loses neither).
 */
export async function resolveDuplicate(db: TargumDatabase, duplicate: Extract<ImportOutcome, { status: 'duplicate' }>, choice: 'keep-both' | 'replace'): Promise<ImportOutcome> {
  try {
    const outcome = await store(db, duplicate.input, duplicate.name, 'keep-both');
    if (choice === 'replace') await deleteArticle(db, duplicate.existingId);
    return outcome;
  } catch (error) {
    return failure(duplicate.name, error);
  }
}

/** What a file whose import the user cancelled says. */
export const cancelledReason = 'the import was cancelled before this file was stored; nothing of it was kept.';

function failure(name: string, error: unknown): ImportOutcome {
  if (error instanceof DOMException && error.name === 'AbortError') return { status: 'failed', name, reason: cancelledReason };
  const known = error instanceof ImportTextError || error instanceof ArticleImportError || error instanceof BilingualImportError;
  const reason = error instanceof Error ? error.message : String(error);
  return { status: 'failed', name, reason: known ? reason : `it could not be imported (${reason}).` };
}

/** Imports pasted text. */
export async function importPasted(db: TargumDatabase, text: string): Promise<ImportOutcome> {
  try {
    return await store(db, { text, origin: 'paste' }, 'Pasted text');
  } catch (error) {
    return failure('Pasted text', error);
  }
}

/** A file or fetched page to read as an article. */
interface ArticleFile {
  name: string;
  bytes: Blob;
  contentType?: string;
}

/**
 * Reads a file in the article reader and stores the article (or, for Targum's own export, the pair it holds). Only
 * the sanitising of a web page's article, a small part of the page, runs here.
 */
async function importArticle(db: TargumDatabase, reader: ArticleReader, file: ArticleFile, sizeLimitMb: number, details: Pick<NewArticle, 'origin' | 'sourceUrl'>, onRead?: (fraction: number) => void, signal?: AbortSignal): Promise<ImportOutcome> {
  try {
    const task = { task: 'read', name: file.name, bytes: file.bytes, sizeLimitMb, ownExports: details.origin === 'file', ...(file.contentType ? { contentType: file.contentType } : {}) } as const;
    let read = await reader.run(task, onRead);
    if ('ownExport' in read) return await importOwnExport(db, file.name, read.ownExport);
    if ('ownHtmlExport' in read) {
      const document = readTargumHtmlExport(read.ownHtmlExport, window);
      if (document) return await importOwnExport(db, file.name, document);
      read = await reader.run({ ...task, ownExports: false }, onRead); // it only named Targum: read as any page
    }
    const { source, article } = await articleOf(reader, read, undefined, onRead);
    signal?.throwIfAborted();
    onRead?.(1);
    const originalFile = new Blob([file.bytes], { type: file.contentType ?? '' });
    return await store(db, { ...source, ...details, originalFileName: file.name, originalFile }, file.name, 'ask', article);
  } catch (error) {
    return failure(file.name, error);
  }
}

/** Where a file is: the share of it read (1: read, being stored), and of a file of pairs, the share of its pairs stored. */
export interface FileProgress {
  name: string;
  fraction: number;
  stored?: number;
}

/** Files done out of the total, and where the file being imported is. */
export type ImportProgress = (done: number, total: number, reading?: FileProgress) => void;

/**
 * Imports files a reader picked or dropped, one by one, each with its own outcome: a failure leaves nothing
 * of that file behind and does not stop the others. Files of other types found in a folder are skipped.
 */
export async function importFiles(db: TargumDatabase, candidates: readonly ImportCandidate[], sizeLimitMb: number, onProgress?: ImportProgress, signal?: AbortSignal): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  let reader: ArticleReader | undefined;
  try {
    for (const [index, { file, path }] of candidates.entries()) {
      onProgress?.(index, candidates.length);
      const name = path ?? file.name;
      if (signal?.aborted) {
        outcomes.push({ status: 'failed', name, reason: cancelledReason });
        continue;
      }
      if (importKindOf(file.name) === undefined && !isBilingualFile(file.name)) {
        const reason = unsupportedTypeMessage(file.name);
        outcomes.push(path === undefined ? { status: 'failed', name, reason } : { status: 'skipped', name, reason });
        continue;
      }
      try {
        // Checked before reading: a file over the limit is never loaded.
        checkImportSize(file.size, sizeLimitMb);
      } catch (error) {
        outcomes.push(failure(name, error));
        continue;
      }
      const onRead = (fraction: number) => onProgress?.(index, candidates.length, { name, fraction });
      const store = { signal, onProgress: (stored: number) => onProgress?.(index, candidates.length, { name, fraction: 1, stored }) };
      const outcome = isBilingualFile(file.name)
        ? await importPairs(db, file.name, new Uint8Array(await file.arrayBuffer()), onRead, store)
        : await importArticle(db, (reader ??= openArticleReader()), { name: file.name, bytes: file }, sizeLimitMb, { origin: 'file' }, onRead, signal);
      outcomes.push({ ...outcome, name });
    }
  } finally {
    reader?.close();
  }
  onProgress?.(candidates.length, candidates.length);
  return outcomes;
}

async function importPairs(db: TargumDatabase, name: string, bytes: Uint8Array, onRead: (fraction: number) => void, store: StoreControl): Promise<ImportOutcome> {
  try {
    return { status: 'pairs', name, ...(await importBilingualFile(db, name, bytes, onRead, store)) };
  } catch (error) {
    return failure(name, error);
  }
}

async function importOwnExport(db: TargumDatabase, name: string, document: BilingualDocument): Promise<ImportOutcome> {
  try {
    return { status: 'pairs', name, ...(await importBilingualDocument(db, name, document)) };
  } catch (error) {
    return failure(name, error);
  }
}

/** Imports an article the services fetched, keeping its address. */
export async function importFetched(db: TargumDatabase, fetched: FetchedArticle, sizeLimitMb: number): Promise<ImportOutcome> {
  const reader = openArticleReader();
  try {
    const unpacked = await reader.run({ task: 'unpack', base64: fetched.bytes });
    if (!('blob' in unpacked)) throw new Error('the article reader answered out of turn');
    return await importArticle(db, reader, { name: fetched.fileName, bytes: unpacked.blob, contentType: fetched.contentType }, sizeLimitMb, { origin: 'url', sourceUrl: fetched.finalUrl });
  } catch (error) {
    return failure(fetched.fileName, error);
  } finally {
    reader.close();
  }
}
