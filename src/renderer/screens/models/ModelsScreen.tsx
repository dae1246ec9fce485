import { useState, type FormEvent } from 'react';
import { languageNames } from '../../../common/text/language';
import type { ModelInfo } from '../../../common/models/model-info';
import { useWorkbench } from '../../workbench/workbench-context';
import { InstallButton } from '../../models/InstallButton';
import { formatBytes } from '../../../common/format-bytes';
import { useModels } from '../../models/use-models';

const directions = (model: Pick<ModelInfo, 'from' | 'to'>) =>
  `${model.from.map((code) => languageNames[code]).join(', ')} → ${model.to.map((code) => languageNames[code]).join(', ')}`;

function InstalledModel({ model, onRemoved }: { model: ModelInfo; onRemoved: () => void }) {
  const { api } = useWorkbench();
  const [error, setError] = useState<string>();
  const remove = async () => {
    if (!window.confirm(`Remove ${model.id}? Its files (${formatBytes(model.sizeBytes)}) are deleted.`)) return;
    try {
      await api.models.remove({ id: model.id });
      onRemoved();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  return (
    <li className="model-row">
      <div className="model-main">
        <strong>{model.id}</strong>
        <span className="muted">{directions(model)}</span>
      </div>
      <span className="muted">
        {model.family} · {model.dtypes.join(', ')} · {formatBytes(model.sizeBytes)} · {model.source}
      </span>
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

function ImportForm({ onImported }: { onImported: () => void }) {
  const { api } = useWorkbench();
  const [folder, setFolder] = useState('');
  const [state, setState] = useState<{ kind: 'idle' | 'busy' } | { kind: 'done'; id: string } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setState({ kind: 'busy' });
    try {
      const model = await api.models.import({ path: folder.trim() });
      setState({ kind: 'done', id: model.id });
      setFolder('');
      onImported();
    } catch (failure) {
      setState({ kind: 'failed', message: failure instanceof Error ? failure.message : String(failure) });
    }
  };
  return (
    <form className="settings-group" onSubmit={(event) => void submit(event)}>
      <h2>Import a model folder</h2>
      <p className="muted">A transformers.js model folder on this computer: config.json, tokenizer.json and onnx/ with the encoder and merged decoder.</p>
      <label className="field">
        <span>Folder</span>
        <input type="text" required value={folder} onChange={(event) => setFolder(event.target.value)} placeholder="/home/you/models/opus-mt-ar-en" dir="ltr" />
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={state.kind === 'busy'}>
          Import
        </button>
        <span role="status" className={state.kind === 'failed' ? 'error-text' : 'muted'}>
          {state.kind === 'done' ? `Imported ${state.id}.` : state.kind === 'failed' ? state.message : state.kind === 'busy' ? 'Copying…' : ''}
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
            {models.installed?.map((model) => <InstalledModel key={model.id} model={model} onRemoved={models.refresh} />)}
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
