import { useState } from 'react';
import type { CatalogEntry } from '../../common/api/contract';
import { ApiCallError } from '../../common/api/reply';
import { useWorkbench } from '../workbench/workbench-context';
import { ProgressBar } from '../components/ProgressBar';
import { useTask } from '../tasks/task-store';
import { formatBytes } from '../../common/format-bytes';

/** Installs a catalog model with a total bar and a per-file bar; the download goes on if you leave the screen. */
export function InstallButton({ entry, onInstalled }: { entry: CatalogEntry; onInstalled: () => void }) {
  const { api, tasks } = useWorkbench();
  const taskId = `install:${entry.id}`;
  const task = useTask(tasks, taskId);
  const [error, setError] = useState<string>();
  const running = task !== undefined && !task.finished;
  const install = async () => {
    setError(undefined);
    const controller = new AbortController();
    tasks.start(taskId, `Downloading ${entry.id}`, () => controller.abort());
    try {
      await api.models.install({ catalogId: entry.id }, { signal: controller.signal, onProgress: (progress) => tasks.progress(taskId, progress) });
      tasks.forget(taskId);
      onInstalled();
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
        <span>Downloading {entry.id}</span>
        <ProgressBar done={task.done} total={task.total} label={`${entry.id} download, in total`} />
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
      <button type="button" className="button primary" onClick={() => void install()}>
        Install {entry.id} ({formatBytes(entry.sizeBytes)})
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </span>
  );
}
