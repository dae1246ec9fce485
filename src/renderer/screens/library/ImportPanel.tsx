import { useState, type DragEvent } from 'react';
import { useWorkbench } from '../../app/workbench-context';
import { importFiles, importText, type ImportOutcome } from '../../db/import-files';

/** Paste an article or choose/drop .txt and .md files; each import says what happened. */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const { db, api } = useWorkbench();
  const [pasted, setPasted] = useState('');
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [dragging, setDragging] = useState(false);

  const addFiles = async (files: File[]) => {
    const { importSizeLimitMb } = await api.getSettings({});
    setOutcomes(await importFiles(db, files, importSizeLimitMb));
  };
  const addPasted = async () => {
    try {
      const articleId = await importText(db, pasted, 'paste');
      setOutcomes([{ name: 'Pasted text', articleId }]);
      setPasted('');
    } catch (error) {
      setOutcomes([{ name: 'Pasted text', error: error instanceof Error ? error.message : String(error) }]);
    }
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    void addFiles([...event.dataTransfer.files]);
  };

  return (
    <section
      className={dragging ? 'import-panel dragging' : 'import-panel'}
      aria-label="Import articles"
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="import-row">
        <label className="button">
          Choose files…
          <input
            type="file"
            multiple
            accept=".txt,.md,.html,.htm,text/plain,text/markdown,text/html"
            className="visually-hidden"
            onChange={(event) => {
              void addFiles([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
        </label>
        <span className="muted">or drop .txt, .md and saved web pages (.html) here, or paste an article below.</span>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <textarea
        className="paste-field"
        aria-label="Article text"
        placeholder="Paste a Hebrew or Arabic article"
        value={pasted}
        onChange={(event) => setPasted(event.target.value)}
        dir="auto"
      />
      <div className="import-row">
        <button type="button" className="button primary" disabled={pasted.trim() === ''} onClick={() => void addPasted()}>
          Add pasted text
        </button>
      </div>
      {outcomes.length > 0 && (
        <ul className="import-outcomes" aria-label="Import results">
          {outcomes.map((outcome, index) => (
            <li key={index} className={outcome.error ? 'error-text' : 'muted'}>
              {outcome.error ?? `${outcome.name}: added to the library.`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
