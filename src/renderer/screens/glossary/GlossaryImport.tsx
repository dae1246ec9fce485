import { useState } from 'react';
import type { GlossaryEntry } from '../../../common/glossary/glossary-export';
import { parseGlossaryFile } from '../../../common/glossary/glossary-import';
import { decodeText, ImportTextError } from '../../../common/import/encoding';
import { textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { GlossRecord } from '../../data/records';
import { describeWriteError } from '../../data/write-errors';
import { addImportedGlosses, removeImportedGlosses } from '../../data/glosses';
import { planGlossImport, type GlossImportPlan } from '../../glossary/gloss-import';

/** Glossary files are small; anything larger is not one. */
const largestFileMb = 20;
/** How many entries of each kind the preview shows. */
const previewLength = 5;

type ImportState =
  | { step: 'idle' }
  | { step: 'refused'; fileName: string; message: string }
  | { step: 'preview'; fileName: string; plan: GlossImportPlan }
  | { step: 'saving'; fileName: string; plan: GlossImportPlan }
  | { step: 'imported'; fileName: string; ids: number[] }
  | { step: 'undone'; fileName: string; count: number }
  | { step: 'failed'; message: string };

/** A glossary file's text: UTF-8 (with or without BOM), or a legacy Hebrew or Arabic code page, detected. */
function decodeGlossary(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return decodeText(bytes).text;
  }
}

async function readPlan(file: File, stored: readonly GlossRecord[]): Promise<ImportState> {
  const refuse = (message: string): ImportState => ({ step: 'refused', fileName: file.name, message });
  if (file.size > largestFileMb * 1024 * 1024) return refuse(`It is ${(file.size / 1024 / 1024).toFixed(1)} MB; a glossary file is at most ${largestFileMb} MB.`);
  let text: string;
  try {
    text = decodeGlossary(new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof ImportTextError) return refuse(error.message);
    throw error;
  }
  const parsed = parseGlossaryFile(file.name, text, 'he');
  return parsed.ok ? { step: 'preview', fileName: file.name, plan: planGlossImport(parsed.entries, stored) } : refuse(parsed.message);
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

function Term({ entry }: { entry: Pick<GlossaryEntry, 'surface' | 'language'> }) {
  return (
    <bdi className="glossary-import-term" lang={entry.language} dir={textDirection(entry.language)}>
      {entry.surface}
    </bdi>
  );
}

function More({ count }: { count: number }) {
  return count > previewLength ? <p className="muted">and {count - previewLength} more.</p> : null;
}

/**
 * Imports a glossary from CSV, Anki's TSV or TBX: the file is read and shown first (how many glosses, the first
 * ones, those already in the glossary, or the line at fault); nothing is written until the user confirms, and
 * the import can be undone.
 */
export function GlossaryImport({ stored }: { stored: readonly GlossRecord[] | undefined }) {
  const { db } = useWorkbench();
  const [state, setState] = useState<ImportState>({ step: 'idle' });

  const choose = async (file: File) => {
    try {
      setState(await readPlan(file, stored ?? []));
    } catch (error) {
      setState({ step: 'refused', fileName: file.name, message: error instanceof Error ? error.message : String(error) });
    }
  };
  const confirm = async (fileName: string, plan: GlossImportPlan) => {
    setState({ step: 'saving', fileName, plan });
    try {
      setState({ step: 'imported', fileName, ids: await addImportedGlosses(db, plan.added) });
    } catch (error) {
      setState({ step: 'failed', message: `Nothing was imported: ${describeWriteError(error)}` });
    }
  };
  const undo = async (fileName: string, ids: number[]) => {
    try {
      await removeImportedGlosses(db, ids);
      setState({ step: 'undone', fileName, count: ids.length });
    } catch (error) {
      setState({ step: 'failed', message: `Not undone: ${describeWriteError(error)}` });
    }
  };
  const close = () => setState({ step: 'idle' });

  return (
    <>
      <label className={state.step === 'saving' ? 'button small disabled' : 'button small'} title="A glossary in CSV, Anki TSV or TBX">
        Import…
        <input
          type="file"
          accept=".csv,.tsv,.txt,.tbx,.xml"
          className="visually-hidden"
          aria-label="Import a glossary file"
          disabled={state.step === 'saving' || stored === undefined}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void choose(file);
          }}
        />
      </label>
      {state.step !== 'idle' && (
        <section className="glossary-import" aria-label="Glossary import">
          {state.step === 'refused' && (
            <>
              <p role="alert" className="error-text">
                {state.fileName}: {state.message} Nothing was imported.
              </p>
              <button type="button" className="button small" onClick={close}>
                Close
              </button>
            </>
          )}
          {(state.step === 'preview' || state.step === 'saving') && <Preview fileName={state.fileName} plan={state.plan} saving={state.step === 'saving'} onConfirm={() => void confirm(state.fileName, state.plan)} onCancel={close} />}
          {state.step === 'imported' && (
            <p role="status">
              Imported {plural(state.ids.length, 'gloss', 'glosses')} from {state.fileName}.{' '}
              <button type="button" className="link-button" onClick={() => void undo(state.fileName, state.ids)}>
                Undo
              </button>{' '}
              <button type="button" className="link-button" onClick={close}>
                Close
              </button>
            </p>
          )}
          {state.step === 'undone' && (
            <p role="status">
              The import of {state.fileName} is undone: {plural(state.count, 'gloss', 'glosses')} removed.{' '}
              <button type="button" className="link-button" onClick={close}>
                Close
              </button>
            </p>
          )}
          {state.step === 'failed' && (
            <p role="alert" className="error-text">
              {state.message}{' '}
              <button type="button" className="link-button" onClick={close}>
                Close
              </button>
            </p>
          )}
        </section>
      )}
    </>
  );
}

function Preview({ fileName, plan, saving, onConfirm, onCancel }: { fileName: string; plan: GlossImportPlan; saving: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { added, existing, wordless } = plan;
  return (
    <>
      <h2>
        {fileName}: {added.length === 0 ? 'no new glosses' : `${plural(added.length, 'gloss', 'glosses')} to add`}
      </h2>
      {added.length > 0 && (
        <>
          <ul className="glossary-import-list" aria-label="Entries to add">
            {added.slice(0, previewLength).map((gloss, index) => (
              <li key={index}>
                <Term entry={gloss} /> <LanguageBadge language={gloss.language} /> {gloss.meaning}
                {gloss.note && <span className="muted"> · {gloss.note}</span>}
              </li>
            ))}
          </ul>
          <More count={added.length} />
        </>
      )}
      {existing.length > 0 && (
        <>
          <p>{existing.length === 1 ? '1 term is glossed already; it stays as it is:' : `${existing.length} terms are glossed already; they stay as they are:`}</p>
          <ul className="glossary-import-list" aria-label="Entries glossed already">
            {existing.slice(0, previewLength).map(({ entry, glossed }, index) => (
              <li key={index}>
                <Term entry={entry} /> {entry.meaning} <span className="muted">(the glossary has “{glossed.meaning}”)</span>
              </li>
            ))}
          </ul>
          <More count={existing.length} />
        </>
      )}
      {wordless.length > 0 && (
        <p className="muted">
          {plural(wordless.length, 'entry holds', 'entries hold')} no word to match and will be skipped:{' '}
          {wordless.slice(0, previewLength).map((entry, index) => (
            <span key={index}>
              {index > 0 && ', '}
              <Term entry={entry} />
            </span>
          ))}
          {wordless.length > previewLength && ', …'}
        </p>
      )}
      <div className="glossary-import-actions">
        <button type="button" className="button primary" disabled={saving || added.length === 0} onClick={onConfirm}>
          {saving ? 'Importing…' : `Import ${plural(added.length, 'gloss', 'glosses')}`}
        </button>
        <button type="button" className="button" disabled={saving} onClick={onCancel}>
          Cancel
        </button>
      </div>
    </>
  );
}
