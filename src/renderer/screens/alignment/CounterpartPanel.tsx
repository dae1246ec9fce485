import { useState } from 'react';
import { ArticleImportError, type ImportedArticle } from '../../../common/import/article-import';
import { ImportTextError } from '../../../common/import/encoding';
import { importAccept } from '../../../common/import/file-kinds';
import { checkImportSize } from '../../../common/import/import-source';
import { languageNames } from '../../../common/text/language';
import type { TextLanguage } from '../../../common/text/language';
import { addCounterpart } from '../../alignment/alignment-store';
import { AlignmentError } from '../../data/alignments';
import { useWorkbench } from '../../workbench/workbench-context';
import type { NewArticle } from '../../data/articles';
import { articleOf, openArticleReader } from '../../import/article-reader';

const languages: TextLanguage[] = ['en', 'he', 'ar'];

/** A message for a failure: the known ones say what to do; anything else says it could not be added. */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof ImportTextError || error instanceof ArticleImportError || error instanceof AlignmentError) return message;
  return `The parallel version could not be added (${message}).`;
}

/**
 * Paste a translation or parallel version of the article, or choose its file; Targum stores it as an
 * article of its own and aligns the two.
 */
export function CounterpartPanel({ articleId, onAdded, onClose }: { articleId: number; onAdded: (alignmentId: number) => void; onClose?: () => void }) {
  const { db, api } = useWorkbench();
  const [pasted, setPasted] = useState('');
  const [language, setLanguage] = useState<TextLanguage | ''>('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  /** `read`: the counterpart as typed or read, with its article when the article reader built it (in `language`). */
  const add = async (read: () => Promise<{ input: NewArticle; built?: ImportedArticle }>, describe: (reason: string) => string) => {
    setBusy(true);
    setError(undefined);
    try {
      const { input, built } = await read();
      const { alignmentId } = await addCounterpart(db, articleId, { ...input, ...(language ? { language } : {}) }, built);
      setPasted('');
      onAdded(alignmentId);
    } catch (caught) {
      setError(describe(reasonOf(caught)));
    } finally {
      setBusy(false);
    }
  };

  const addFile = (file: File) =>
    add(
      async () => {
        const { importSizeLimitMb } = await api.settings.get({});
        // Checked before reading: a file over the limit is never loaded.
        checkImportSize(file.size, importSizeLimitMb);
        // Read and built in the article reader's worker, so that a large file does not hold the screen.
        const reader = openArticleReader();
        try {
          const chosen = language || undefined;
          const read = await reader.run({ task: 'read', name: file.name, bytes: file, sizeLimitMb: importSizeLimitMb, ownExports: false, ...(chosen ? { language: chosen } : {}) });
          const { source, article } = await articleOf(reader, read, chosen);
          return { input: { text: source.text, origin: 'file', originalFileName: file.name, encoding: source.encoding, title: source.title, outlet: source.outlet, date: source.date }, built: article };
        } finally {
          reader.close();
        }
      },
      (reason) => `${file.name}: ${reason}`,
    );

  return (
    <section className="counterpart-panel" aria-label="Add a translation or parallel version">
      <h2>Add a translation or parallel version</h2>
      <p className="muted">
        Paste the text or choose its file: it is added to the library as an article of its own, and Targum links its sentences with this article’s.
      </p>
      <textarea
        className="counterpart-text"
        aria-label="Text of the translation or parallel version"
        placeholder="Paste the translation or the other version here"
        value={pasted}
        onChange={(event) => setPasted(event.target.value)}
        dir="auto"
        disabled={busy}
      />
      <div className="counterpart-actions">
        <button type="button" className="button primary" disabled={busy || pasted.trim() === ''} onClick={() => void add(async () => ({ input: { text: pasted, origin: 'paste' } }), (reason) => reason)}>
          Align pasted text
        </button>
        <label className={busy ? 'button disabled' : 'button'}>
          Choose a file…
          <input
            type="file"
            accept={importAccept}
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void addFile(file);
            }}
          />
        </label>
        <label className="counterpart-language">
          Language{' '}
          <select value={language} onChange={(event) => setLanguage(event.target.value as TextLanguage | '')} disabled={busy}>
            <option value="">Detect</option>
            {languages.map((code) => (
              <option key={code} value={code}>
                {languageNames[code]}
              </option>
            ))}
          </select>
        </label>
        {onClose && (
          <button type="button" className="button" onClick={onClose} disabled={busy}>
            Cancel
          </button>
        )}
        <span role="status" className="muted">
          {busy ? 'Aligning…' : ''}
        </span>
      </div>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
