import { useState } from 'react';
import type { CatalogEntry, TransferProgress } from '../../common/api/contract';
import type { ModelInfo } from '../../common/models/model-info';
import { ApiCallError } from '../../common/api/reply';
import { useWorkbench } from '../workbench/workbench-context';
import { ProgressBar } from '../components/ProgressBar';
import { useTask } from '../tasks/task-store';
import { formatBytes } from '../../common/format-bytes';

type StartDownload = (options: { signal: AbortSignal; onProgress: (progress: TransferProgress) => void }) => Promise<unknown>;

/**
 * A download of model files as a task, with a total bar and a per-file bar; it goes on if you leave the
 * screen. `name` says what is downloaded, in the bars' labels and the task list.
 */
function DownloadButton({ taskId, name, label, start, onDone }: { taskId: string; name: string; label: string; start: StartDownload; onDone: () => void }) {
  const { tasks } = useWorkbench();
  const task = useTask(tasks, taskId);
  const [error, setError] = useState<string>();
  const running = task !== undefined && !task.finished;
  const download = async () => {
    setError(undefined);
    const controller = new AbortController();
    tasks.start(taskId, `Downloading ${name}`, () => controller.abort());
    try {
      await start({ signal: controller.signal, onProgress: (progress) => tasks.progress(taskId, progress) });
      tasks.forget(taskId);
      onDone();
    } catch (failure) {
      // A download the reader cancelled is no failure to report.
      if (failure instanceof ApiCallError && failure.code === 'cancelled') return tasks.forget(taskId);
      const message = failure instanceof Error ? failure.message : String(failure);
      tasks.finish(taskId, { message });
      setError(message);
    }
  };
  if (running) {
    return (
      <div className="install-progress">
        <span>Downloading {name}</span>
        <ProgressBar done={task.done} total={task.total} label={`${name} download, in total`} />
        {task.file && (
          <span className="muted install-file">
            {task.file.name} <ProgressBar done={task.file.done} total={task.file.total} label={`${task.file.name} download`} />
          </span>
        )}
        <button type="button" className="button" onClick={() => task.cancel?.()}>
          Cancel
        </button>
      </div>
    );
  }
  return (
    <span className="install-action">
      <button type="button" className="button primary" onClick={() => void download()}>
        {label}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}

/** Installs a catalog model. */
export function InstallButton({ entry, onInstalled }: { entry: CatalogEntry; onInstalled: () => void }) {
  const { api } = useWorkbench();
  return (
    <DownloadButton
      taskId={`install:${entry.id}`}
      name={entry.id}
      label={`Install ${entry.id} (${formatBytes(entry.sizeBytes)})`}
      start={(options) => api.models.install({ catalogId: entry.id }, options)}
      onDone={onInstalled}
    />
  );
}

/** int8 weights take a quarter of the bytes of fp32 ones. */
const fp32PerQ8Bytes = 4;

/** Fetches the fp32 files of an installed q8 model whose catalog entry lists them. */
export function InstallFp32Button({ model, onInstalled }: { model: ModelInfo; onInstalled: () => void }) {
  const { api } = useWorkbench();
  const q8Bytes = model.dtypeSizes?.q8;
  return (
    <DownloadButton
      taskId={`install-fp32:${model.id}`}
      name={`${model.id} fp32 files`}
      label={`Get the fp32 files${q8Bytes === undefined ? '' : ` (about ${formatBytes(q8Bytes * fp32PerQ8Bytes)})`}`}
      start={(options) => api.models.installFp32({ id: model.id }, options)}
      onDone={onInstalled}
    />
  );
}
