import { useSyncExternalStore } from 'react';
import type { ApiErrorCode, TransferProgress } from '../../common/api/contract';

/** Long work going on in the services (translations, downloads), as the interface shows it. */
export interface TaskState {
  taskId: string;
  label: string;
  done: number;
  total: number;
  file?: TransferProgress['file'];
  /** Set when the work failed; the message says what to do. */
  error?: string;
  /** The failure's code, for the interface to act on (a `no-model` failure offers a model). */
  errorCode?: ApiErrorCode;
  finished: boolean;
  /** Cancels the work, while it runs. */
  cancel?: () => void;
}

/** A small store of task states, fed by each call's progress; it outlives screens, so work shows wherever you go. */
export class TaskStore {
  private tasks = new Map<string, TaskState>();
  private snapshot: ReadonlyMap<string, TaskState> = new Map();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, TaskState> => this.snapshot;

  start(taskId: string, label: string, cancel?: () => void): void {
    this.set({ taskId, label, done: 0, total: 0, finished: false, cancel });
  }

  progress(taskId: string, progress: { done: number; total: number; file?: TaskState['file'] }): void {
    const current = this.tasks.get(taskId);
    if (!current || current.finished) return;
    this.set({ ...current, done: progress.done, total: progress.total, file: progress.file });
  }

  finish(taskId: string, error?: { message: string; code?: ApiErrorCode }): void {
    const current = this.tasks.get(taskId);
    if (current) this.set({ ...current, finished: true, cancel: undefined, error: error?.message, errorCode: error?.code });
  }

  forget(taskId: string): void {
    this.tasks.delete(taskId);
    this.publish();
  }

  private set(task: TaskState): void {
    this.tasks.set(task.taskId, task);
    this.publish();
  }

  private publish(): void {
    this.snapshot = new Map(this.tasks);
    this.listeners.forEach((listener) => listener());
  }
}

export function useTask(store: TaskStore, taskId: string | undefined): TaskState | undefined {
  const tasks = useSyncExternalStore(store.subscribe, store.getSnapshot);
  return taskId === undefined ? undefined : tasks.get(taskId);
}
