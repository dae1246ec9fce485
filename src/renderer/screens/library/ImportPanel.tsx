import { useState, type DragEvent, type FormEvent } from 'react';
import { importAccept } from '../../../common/import/file-kinds';
import { languageNames } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { importFetched, importFiles, importPasted, resolveDuplicate, type FileProgress, type ImportCandidate, type ImportOutcome } from '../../import/import-files';
import { Link } from 'wouter';
import { droppedFiles, pickedFolderFiles } from '../../import/dropped-files';
import { setImportTrust } from '../../data/memory';
import { describeWriteError } from '../../data/write-errors';

/** The folder picker's attribute, which React's input props do not list. */
const folderPicker = { webkitdirectory: '' } as object;

type Duplicate = Extract<ImportOutcome, { status: 'duplicate' }>;

function OutcomeLine({ outcome, onResolve }: { outcome: ImportOutcome; onResolve: (duplicate: Duplicate, choice: 'keep-both' | 'replace') => void }) {
  const name = <bdi>{outcome.name}</bdi>;
  if (outcome.status === 'duplicate') {
    return (
      <li className="import-duplicate">
        {name}: already in the library as <bdi dir="auto">{outcome.title}</bdi>.{' '}
        <Link href={`/article/${outcome.existingId}`}>Open it</Link>{' '}
        <button type="button" className="button small" onClick={() => onResolve(outcome, 'keep-both')}>
          Keep both
        </button>{' '}
        <button type="button" className="button small" onClick={() => onResolve(outcome, 'replace')}>
          Replace it
        </button>
      </li>
    );
  }
  if (outcome.status === 'imported') {
    return (
      <li className="import-imported">
        {name}: added as <bdi dir="auto">{outcome.title}</bdi> ({languageNames[outcome.language]}, {outcome.paragraphs} {outcome.paragraphs === 1 ? 'paragraph' : 'paragraphs'})
      </li>
    );
  }
  if (outcome.status === 'pairs') {
    return (
      <li className="import-imported">
        {name}: {outcome.message}
        {outcome.memory?.trustable && <TrustImport importId={outcome.memory.importId} trustable={outcome.memory.trustable} />}
      </li>
    );
  }
  return (
    <li className={outcome.status === 'failed' ? 'import-failed error-text' : 'import-skipped muted'}>
      {name}: {outcome.status === 'skipped' ? 'skipped, ' : ''}
      {outcome.reason}
    </li>
  );
}

const trustLabels = {
  translated: 'Its units marked translated were reviewed: use them as translation memory',
  unmarked: 'This file is a reviewed translation memory: use its units as memory',
} as const;

/** The user's word on a file's units its format leaves open: reviewed or not (references until the user says so). */
function TrustImport({ importId, trustable }: { importId: string; trustable: 'translated' | 'unmarked' }) {
  const { db } = useWorkbench();
  const [trusted, setTrusted] = useState(false);
  const [error, setError] = useState<string>();
  const change = async (value: boolean) => {
    setTrusted(value);
    try {
      await setImportTrust(db, importId, { translated: value && trustable === 'translated', unmarked: value && trustable === 'unmarked' });
      setError(undefined);
    } catch (failure) {
      setTrusted(!value);
      setError(`Not saved: ${describeWriteError(failure)}`);
    }
  };
  return (
    <label className="import-trust">
      <input type="checkbox" checked={trusted} onChange={(event) => void change(event.target.checked)} /> {trustLabels[trustable]}
      {error && <span className="error-text"> {error}</span>}
    </label>
  );
}

function summary(outcomes: readonly ImportOutcome[]): string {
  const count = (status: ImportOutcome['status']) => outcomes.filter((outcome) => outcome.status === status).length;
  return [
    `${count('imported') + count('pairs')} added`,
    count('duplicate') > 0 ? `${count('duplicate')} already in the library` : '',
    count('skipped') > 0 ? `${count('skipped')} skipped` : '',
    count('failed') > 0 ? `${count('failed')} not imported` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

interface Progress {
  done: number;
  total: number;
  reading?: FileProgress;
}

function progressLine({ done, total, reading }: Progress): string {
  const count = total > 1 ? `Importing ${Math.min(done + 1, total)} of ${total}` : 'Importing';
  if (!reading) return `${count}…`;
  if (reading.fraction < 1) return `${count}: reading ${reading.name}, ${Math.floor(reading.fraction * 100)}%…`;
  return reading.stored === undefined ? `${count}: storing ${reading.name}…` : `${count}: storing ${reading.name}, ${Math.floor(reading.stored * 100)}%…`;
}

/** Paste an article, choose or drop files and folders, or give a web address; each import says what happened. */
export function ImportPanel({ onClose }: { onClose: () => void }) {
  const { db, api } = useWorkbench();
  const [pasted, setPasted] = useState('');
  const [address, setAddress] = useState('');
  const [outcomes, setOutcomes] = useState<ImportOutcome[]>([]);
  const [progress, setProgress] = useState<Progress>();
  /** The running import of files, which Cancel stops (a file of pairs being stored is left as it was before). */
  const [cancel, setCancel] = useState<AbortController>();
  const [dragging, setDragging] = useState(false);
  const busy = progress !== undefined;

  const run = async (work: () => Promise<ImportOutcome[]>) => {
    setProgress({ done: 0, total: 1 });
    try {
      setOutcomes(await work());
    } finally {
      setProgress(undefined);
    }
  };
  const addFiles = (candidates: ImportCandidate[]) =>
    run(async () => {
      const controller = new AbortController();
      setCancel(controller);
      try {
        const { importSizeLimitMb } = await api.settings.get({});
        return await importFiles(db, candidates, importSizeLimitMb, (done, total, reading) => setProgress({ done, total, reading }), controller.signal);
      } finally {
        setCancel(undefined);
      }
    });
  const addPasted = () =>
    run(async () => {
      const outcome = await importPasted(db, pasted);
      if (outcome.status === 'imported') setPasted('');
      return [outcome];
    });
  const addAddress = (event: FormEvent) => {
    event.preventDefault();
    const url = address.trim();
    void run(async () => {
      if (!/^https?:\/\/[^\s/]+/i.test(url)) return [{ status: 'failed', name: url, reason: 'give a web address that starts with https:// or http://.' }];
      try {
        const [fetched, { importSizeLimitMb }] = await Promise.all([api.import.fetchArticle({ url }), api.settings.get({})]);
        const outcome = await importFetched(db, fetched, importSizeLimitMb);
        if (outcome.status === 'imported') setAddress('');
        return [{ ...outcome, name: url }];
      } catch (error) {
        return [{ status: 'failed', name: url, reason: error instanceof Error ? error.message : String(error) }];
      }
    });
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    if (busy) return;
    const reading = droppedFiles(event.dataTransfer);
    void reading.then((candidates) => (candidates.length > 0 ? addFiles(candidates) : undefined));
  };

  return (
    <section
      className={dragging ? 'import-panel dragging' : 'import-panel'}
      aria-label="Import articles"
      aria-busy={busy}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={drop}
    >
      <div className="import-row">
        <label className={busy ? 'button disabled' : 'button'}>
          Choose files…
          <input
            type="file"
            multiple
            accept={importAccept}
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              void addFiles([...(event.target.files ?? [])].map((file) => ({ file })));
              event.target.value = '';
            }}
          />
        </label>
        <label className={busy ? 'button disabled' : 'button'}>
          Choose a folder…
          <input
            type="file"
            {...folderPicker}
            className="visually-hidden"
            aria-label="Folder"
            disabled={busy}
            onChange={(event) => {
              if (event.target.files) void addFiles(pickedFolderFiles(event.target.files));
              event.target.value = '';
            }}
          />
        </label>
        <span className="muted">or drop files and folders here: .txt, .md, saved web pages (.html, .htm), Word (.docx)</span>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
      <form className="import-row import-address" onSubmit={addAddress} noValidate>
        <input
          type="url"
          className="import-address-field"
          aria-label="Web address"
          placeholder="https://… an article's web address"
          value={address}
          onChange={(event) => setAddress(event.target.value)}
          dir="ltr"
          disabled={busy}
        />
        <button type="submit" className="button" disabled={busy || address.trim() === ''}>
          Fetch and import
        </button>
      </form>
      <textarea
        className="paste-field"
        aria-label="Article text"
        placeholder="Paste a Hebrew or Arabic article"
        value={pasted}
        onChange={(event) => setPasted(event.target.value)}
        dir="auto"
      />
      <div className="import-row">
        <button type="button" className="button primary" disabled={busy || pasted.trim() === ''} onClick={() => void addPasted()}>
          Add pasted text
        </button>
        <span role="status" className="muted">
          {progress ? progressLine(progress) : outcomes.length > 1 ? summary(outcomes) : ''}
        </span>
        {cancel && (
          <button
            type="button"
            className="button"
            onClick={() => {
              cancel.abort();
              setCancel(undefined);
            }}
          >
            Cancel import
          </button>
        )}
      </div>
      {outcomes.length > 0 && (
        <ul className="import-outcomes" aria-label="Import results">
          {outcomes.map((outcome, index) => (
            <OutcomeLine
              key={index}
              outcome={outcome}
              onResolve={(duplicate, choice) =>
                void resolveDuplicate(db, duplicate, choice).then((resolved) => setOutcomes((current) => current.map((item) => (item === duplicate ? resolved : item))))
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
