import { useRef, useState } from 'react';
import { defaultDtype, type ModelDtype, type ModelInfo } from '../../../common/models/model-info';
import { ApiCallError } from '../../../common/api/reply';
import type { TextLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { InstallButton, InstallFp32Button } from '../../models/InstallButton';
import { formatBytes } from '../../../common/format-bytes';
import type { TransferProgress } from '../../../common/api/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { desktopFolderChooser, uploadModelFolder } from '../../models/upload-model-folder';
import { directionsLabel, licenceName, originLabels } from '../../models/model-labels';
import { useModels } from '../../models/use-models';


function InstalledModel({ model, fp32Listed, onChanged }: { model: ModelInfo; fp32Listed: boolean; onChanged: () => void }) {
  const { api } = useWorkbench();
  const [error, setError] = useState<string>();
  const remove = async () => {
    if (!window.confirm(`Remove ${model.id}? Its files (${formatBytes(model.sizeBytes)}) are deleted.`)) return;
    try {
      await api.models.remove({ id: model.id });
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const choosePrecision = async (dtype: ModelDtype) => {
    try {
      await api.models.setPrecision({ id: model.id, dtype });
      onChanged();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <li className="model-row">
      <div className="model-main">
        <strong>{model.id}</strong>
        {model.demo && <span className="badge">Demo</span>}
        {model.unverified && (
          <span className="badge" title="Its large files came from a hub that sent no checksum to check them against, as allowed in Settings.">
            Unverified
          </span>
        )}
        <span className="muted">{directionsLabel(model)}</span>
      </div>
      {model.description && <span className="muted">{model.description}.</span>}
      <span className="muted">
        {originLabels[model.source]} · {formatBytes(model.sizeBytes)} on disk · {model.license ? `Licence ${licenceName(model.license)}` : 'Licence not stated'} · {model.family}
      </span>
      <label className="field inline">
        <span>Precision</span>
        <select
          value={model.dtype ?? defaultDtype(model.dtypes)}
          onChange={(event) => void choosePrecision(event.target.value as ModelDtype)}
          disabled={model.dtypes.length < 2}
          aria-label={`Precision of ${model.id}`}
        >
          {model.dtypes.map((dtype) => (
            <option key={dtype} value={dtype}>
              {precisionLabel(dtype, model.dtypeSizes?.[dtype])}
            </option>
          ))}
        </select>
      </label>
      {model.dtypeNote && (
        <span role="note" className="muted">
          {model.dtypeNote}.
        </span>
      )}
      {fp32Listed && model.source === 'installed' && !model.dtypes.includes('fp32') && <InstallFp32Button model={model} onInstalled={onChanged} />}
      {model.source !== 'bundled' && (
        <button type="button" className="button" onClick={() => void remove()}>
          Remove
        </button>
      )}
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </li>
  );
}

/** What a precision costs: its files' size, and its speed against the other. */
function precisionLabel(dtype: ModelDtype, size: number | undefined): string {
  const files = size === undefined ? '' : `, ${formatBytes(size)}`;
  return dtype === 'q8' ? `q8 (int8${files}, about twice as fast)` : `fp32 (full float${files}, exact to the model)`;
}

const directionChoices: Array<{ label: string; from: TextLanguage[]; to: TextLanguage[] }> = [
  { label: 'Hebrew → English', from: ['he'], to: ['en'] },
  { label: 'Arabic → English', from: ['ar'], to: ['en'] },
  { label: 'Hebrew and Arabic → English', from: ['he', 'ar'], to: ['en'] },
  { label: 'English → Hebrew', from: ['en'], to: ['he'] },
  { label: 'English → Arabic', from: ['en'], to: ['ar'] },
];

const sameDirection = (a: { from: readonly string[]; to: readonly string[] }, b: { from: readonly string[]; to: readonly string[] }) =>
  a.from.join() === b.from.join() && a.to.join() === b.to.join();

/** Where the folder to import is: a path the desktop's dialog gave, or a folder uploaded from the web page. */
type ImportSource = { path: string } | { uploadId: string };

type ImportState =
  | { kind: 'idle' }
  | { kind: 'busy'; label: string; progress?: TransferProgress; cancel?: () => void }
  | { kind: 'done'; id: string; note?: string }
  | { kind: 'failed'; message: string }
  /** The folder does not say its languages: the reader chooses, the vocabulary's suggestion first. */
  | { kind: 'direction'; source: ImportSource; choice: number }
  /** A model of the same id is installed: the reader replaces it or keeps both. */
  | { kind: 'exists'; source: ImportSource; message: string; direction?: DirectionChoice };

type DirectionChoice = (typeof directionChoices)[number];

const messageOf = (failure: unknown) => (failure instanceof Error ? failure.message : String(failure));

function ImportForm({ onImported }: { onImported: () => void }) {
  const { api } = useWorkbench();
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const chooseOnDesktop = desktopFolderChooser();
  const folderInput = useRef<HTMLInputElement>(null);

  const runImport = async (source: ImportSource, direction?: DirectionChoice, ifExists?: 'replace' | 'keep-both') => {
    setState({ kind: 'busy', label: 'Copying the model…' });
    try {
      const model = await api.models.import(
        { ...source, ...(direction ? { direction: { from: direction.from, to: direction.to } } : {}), ...(ifExists ? { ifExists } : {}) },
        { onProgress: (progress) => setState({ kind: 'busy', label: 'Copying the model…', progress }) },
      );
      setState({ kind: 'done', id: model.id, note: model.dtypeNote });
      onImported();
    } catch (failure) {
      if (failure instanceof ApiCallError && failure.code === 'unknown-direction') {
        const suggested = await api.models.suggestDirection(source).catch(() => null);
        const choice = suggested ? directionChoices.findIndex((candidate) => sameDirection(candidate, suggested)) : -1;
        setState({ kind: 'direction', source, choice: Math.max(0, choice) });
      } else if (failure instanceof ApiCallError && failure.code === 'exists') {
        setState({ kind: 'exists', source, message: failure.message.charAt(0).toUpperCase() + failure.message.slice(1), direction });
      } else {
        await discard(source);
        setState({ kind: 'failed', message: messageOf(failure) });
      }
    }
  };
  const discard = async (source: ImportSource) => {
    if ('uploadId' in source) await api.models.uploadDiscard({ uploadId: source.uploadId }).catch(() => undefined);
  };
  const chooseDesktopFolder = async () => {
    const path = await chooseOnDesktop?.();
    if (path) await runImport({ path });
  };
  const uploadPicked = async (files: File[]) => {
    if (files.length === 0) return;
    const controller = new AbortController();
    const cancel = () => controller.abort();
    setState({ kind: 'busy', label: 'Sending the folder…', cancel });
    let uploadId: string;
    try {
      uploadId = await uploadModelFolder(api, files, {
        signal: controller.signal,
        onProgress: (progress) => setState({ kind: 'busy', label: 'Sending the folder…', progress, cancel }),
      });
    } catch (failure) {
      setState(controller.signal.aborted ? { kind: 'idle' } : { kind: 'failed', message: messageOf(failure) });
      return;
    }
    await runImport({ uploadId });
  };
  const giveUp = async (source: ImportSource) => {
    await discard(source);
    setState({ kind: 'idle' });
  };

  const busy = state.kind === 'busy' || state.kind === 'direction' || state.kind === 'exists';
  return (
    <section className="settings-group" aria-labelledby="import-model-heading">
      <h2 id="import-model-heading">Import a model folder</h2>
      <p className="muted">A transformers.js model folder: config.json, tokenizer.json and onnx/ with the encoder and merged decoder.</p>
      <div className="form-actions">
        {chooseOnDesktop ? (
          <button type="button" className="button primary" disabled={busy} onClick={() => void chooseDesktopFolder()}>
            Choose a model folder…
          </button>
        ) : (
          <>
            <button type="button" className="button primary" disabled={busy} onClick={() => folderInput.current?.click()}>
              Choose a model folder…
            </button>
            <input
              ref={(input) => {
                folderInput.current = input;
                input?.setAttribute('webkitdirectory', '');
              }}
              type="file"
              multiple
              hidden
              aria-label="Model folder"
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                void uploadPicked(files);
              }}
            />
          </>
        )}
      </div>
      {state.kind === 'busy' && (
        <div className="install-progress" role="status">
          <span>{state.label}</span>
          {state.progress && <ProgressBar done={state.progress.done} total={state.progress.total} label={state.label} />}
          {state.progress && (
            <span className="muted">
              {formatBytes(state.progress.done)} of {formatBytes(state.progress.total)}
            </span>
          )}
          {state.cancel && (
            <button type="button" className="button" onClick={state.cancel}>
              Cancel
            </button>
          )}
        </div>
      )}
      {state.kind === 'direction' && (
        <div className="import-question">
          <p role="status">The folder does not say which languages the model translates: choose its direction.</p>
          <label className="field">
            <span>Direction</span>
            <select value={state.choice} onChange={(event) => setState({ ...state, choice: Number(event.target.value) })}>
              {directionChoices.map((choice, index) => (
                <option key={choice.label} value={index}>
                  {choice.label}
                </option>
              ))}
            </select>
          </label>
          <div className="form-actions">
            <button type="button" className="button primary" onClick={() => void runImport(state.source, directionChoices[state.choice])}>
              Import
            </button>
            <button type="button" className="button" onClick={() => void giveUp(state.source)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.kind === 'exists' && (
        <div className="import-question" role="group" aria-label="Model already installed">
          <p role="status">{state.message}. Replace it with this folder, or keep both?</p>
          <div className="form-actions">
            <button type="button" className="button" onClick={() => void runImport(state.source, state.direction, 'replace')}>
              Replace it
            </button>
            <button type="button" className="button primary" onClick={() => void runImport(state.source, state.direction, 'keep-both')}>
              Keep both
            </button>
            <button type="button" className="button" onClick={() => void giveUp(state.source)}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {state.kind === 'done' && (
        <p role="status" className="muted">
          Imported {state.id}.{state.note ? ` ${state.note}.` : ''}
        </p>
      )}
      {state.kind === 'failed' && (
        <p role="status" className="error-text">
          {state.message}
        </p>
      )}
    </section>
  );
}

export function ModelsScreen() {
  const { appInfo } = useWorkbench();
  const models = useModels();
  const installedIds = new Set(models.installed?.map((model) => model.id));
  const available = models.catalog?.filter((entry) => !installedIds.has(entry.id)) ?? [];
  const fp32Listed = new Set(models.catalog?.filter((entry) => entry.fp32Files).map((entry) => entry.id));
  return (
    <section className="models" aria-labelledby="models-heading">
      <header className="screen-header">
        <h1 id="models-heading">Models</h1>
      </header>
      {models.error && (
        <p role="alert" className="error-text empty-state">
          {models.error}
        </p>
      )}
      <section className="settings-group" aria-labelledby="installed-heading">
        <h2 id="installed-heading">Installed</h2>
        {models.installed?.length === 0 ? (
          <p className="muted">No model is installed yet. Install one below, or import a folder. Models live in {appInfo.modelsDir}.</p>
        ) : (
          <ul className="model-list" aria-label="Installed models">
            {models.installed?.map((model) => (
              <InstalledModel key={model.id} model={model} fp32Listed={fp32Listed.has(model.id)} onChanged={models.refresh} />
            ))}
          </ul>
        )}
      </section>
      <section className="settings-group" aria-labelledby="catalog-heading">
        <h2 id="catalog-heading">Recommended models</h2>
        <ul className="model-list" aria-label="Catalog">
          {available.map((entry) => (
            <li key={entry.id} className="model-row">
              <div className="model-main">
                <strong>{entry.id}</strong>
                <span className="muted">{directionsLabel(entry)}</span>
              </div>
              <span className="muted">
                {entry.description} {formatBytes(entry.sizeBytes)} · Licence {licenceName(entry.license)}{entry.quality ? ` · ${entry.quality}` : ''}.
              </span>
              <InstallButton entry={entry} onInstalled={models.refresh} />
            </li>
          ))}
        </ul>
      </section>
      <ImportForm onImported={models.refresh} />
    </section>
  );
}
