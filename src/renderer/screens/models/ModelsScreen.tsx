import { useState, type FormEvent } from 'react';
import { languageNames } from '../../../common/text/language';
import { defaultDtype, type ModelDtype, type ModelInfo } from '../../../common/models/model-info';
import { ApiCallError } from '../../../common/api/reply';
import type { TextLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { InstallButton } from '../../models/InstallButton';
import { formatBytes } from '../../../common/format-bytes';
import { useModels } from '../../models/use-models';

const directions = (model: Pick<ModelInfo, 'from' | 'to'>) =>
  `${model.from.map((code) => languageNames[code]).join(', ')} → ${model.to.map((code) => languageNames[code]).join(', ')}`;

function InstalledModel({ model, onChanged }: { model: ModelInfo; onChanged: () => void }) {
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
        <span className="muted">{directions(model)}</span>
      </div>
      {model.description && <span className="muted">{model.description}.</span>}
      <span className="muted">
        {model.family} · {formatBytes(model.sizeBytes)} · {model.source}
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

type ImportState =
  | { kind: 'idle' | 'busy' }
  | { kind: 'done'; id: string; note?: string }
  | { kind: 'failed'; message: string }
  /** The folder does not say its languages: the reader chooses, the vocabulary's suggestion first. */
  | { kind: 'direction'; choice: number };

function ImportForm({ onImported }: { onImported: () => void }) {
  const { api } = useWorkbench();
  const [folder, setFolder] = useState('');
  const [state, setState] = useState<ImportState>({ kind: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const direction = state.kind === 'direction' ? directionChoices[state.choice] : undefined;
    setState({ kind: 'busy' });
    try {
      const model = await api.models.import({ path: folder.trim(), ...(direction ? { direction: { from: direction.from, to: direction.to } } : {}) });
      setState({ kind: 'done', id: model.id, note: model.dtypeNote });
      setFolder('');
      onImported();
    } catch (failure) {
      if (failure instanceof ApiCallError && failure.code === 'unknown-direction') {
        const suggested = await api.models.suggestDirection({ path: folder.trim() }).catch(() => null);
        const choice = suggested ? directionChoices.findIndex((candidate) => sameDirection(candidate, suggested)) : -1;
        setState({ kind: 'direction', choice: Math.max(0, choice) });
      } else {
        setState({ kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
      }
    }
  };
  const status =
    state.kind === 'done'
      ? `Imported ${state.id}.${state.note ? ` ${state.note}.` : ''}`
      : state.kind === 'failed'
        ? state.message
        : state.kind === 'busy'
          ? 'Copying…'
          : state.kind === 'direction'
            ? 'The folder does not say which languages the model translates: choose its direction.'
            : '';
  return (
    <form className="settings-group" onSubmit={(event) => void submit(event)}>
      <h2>Import a model folder</h2>
      <p className="muted">A transformers.js model folder on this computer: config.json, tokenizer.json and onnx/ with the encoder and merged decoder.</p>
      <label className="field">
        <span>Folder</span>
        <input
          type="text"
          required
          value={folder}
          onChange={(event) => {
            setFolder(event.target.value);
            if (state.kind === 'direction') setState({ kind: 'idle' });
          }}
          placeholder="/home/you/models/opus-mt-ar-en"
          dir="ltr"
        />
      </label>
      {state.kind === 'direction' && (
        <label className="field">
          <span>Direction</span>
          <select value={state.choice} onChange={(event) => setState({ kind: 'direction', choice: Number(event.target.value) })}>
            {directionChoices.map((choice, index) => (
              <option key={choice.label} value={index}>
                {choice.label}
              </option>
            ))}
          </select>
        </label>
      )}
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={state.kind === 'busy'}>
          Import
        </button>
        <span role="status" className={state.kind === 'failed' ? 'error-text' : 'muted'}>
          {status}
        </span>
      </div>
    </form>
  );
}

export function ModelsScreen() {
  const { appInfo } = useWorkbench();
  const models = useModels();
  const installedIds = new Set(models.installed?.map((model) => model.id));
  const available = models.catalog?.filter((entry) => !installedIds.has(entry.id)) ?? [];
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
            {models.installed?.map((model) => <InstalledModel key={model.id} model={model} onChanged={models.refresh} />)}
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
                <span className="muted">{directions(entry)}</span>
              </div>
              <span className="muted">
                {entry.description} Licence {entry.license}.
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
