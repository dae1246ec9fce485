import { ArticleImportError } from '../../common/import/article-import';
import { decodeText, ImportTextError } from '../../common/import/encoding';
import { articleFromHtml } from '../import/html-article';
import type { TargumDatabase } from './database';
import { prepareArticle, writeArticle } from './articles';

export interface ImportOutcome {
  name: string;
  articleId?: number;
  error?: string;
}

const textTypes = /\.(txt|md|text)$/i;
const htmlTypes = /\.(html?|xhtml)$/i;

/** Imports one text: nothing is stored unless the whole article is (one transaction). */
export async function importText(
  db: TargumDatabase,
  text: string,
  origin: 'paste' | 'file',
  details: { name?: string; encoding?: string; outlet?: string; date?: string } = {},
): Promise<number> {
  const prepared = prepareArticle({ text, origin, originalFileName: details.name, encoding: details.encoding, outlet: details.outlet, date: details.date });
  return db.transaction('rw', db.articles, db.segments, () => writeArticle(db, prepared));
}

/** Imports files a reader picked or dropped; each gets its own outcome, and a failure leaves nothing behind. */
export async function importFiles(db: TargumDatabase, files: readonly File[], sizeLimitMb: number): Promise<ImportOutcome[]> {
  const outcomes: ImportOutcome[] = [];
  for (const file of files) {
    try {
      const html = htmlTypes.test(file.name);
      if (!html && !textTypes.test(file.name)) throw new ArticleImportError('only .txt, .md and .html files can be imported for now.');
      if (file.size > sizeLimitMb * 1024 * 1024) {
        throw new ArticleImportError(`it is ${(file.size / 1024 / 1024).toFixed(1)} MB, over the ${sizeLimitMb} MB limit set in Settings.`);
      }
      const decoded = decodeText(new Uint8Array(await file.arrayBuffer()));
      const page = html ? articleFromHtml(decoded.text) : { text: decoded.text };
      outcomes.push({ name: file.name, articleId: await importText(db, page.text, 'file', { name: file.name, encoding: decoded.encoding, ...page }) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const known = error instanceof ImportTextError || error instanceof ArticleImportError;
      outcomes.push({ name: file.name, error: known ? `${file.name}: ${reason}` : `${file.name} could not be imported: ${reason}` });
    }
  }
  return outcomes;
}
