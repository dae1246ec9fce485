import { useSyncExternalStore } from 'react';
import type { ApiEvent } from '../../common/api/contract';

/** Long work going on in the services (translations, downloads), as the interface shows it. */
export interface TaskState {
  taskId: string;
  label: string;
  done: number;
  total: number;
  file?: { name: string; done: number; total: number };
  /** Set when the work failed; the message says what to do. */
  error?: string;
  finished: boolean;
}

type ProgressEvent = Extract<ApiEvent, { type: 'progress' }>;

/** A small store of task states, fed by progress events; it outlives screens, so work shows wherever you go. */
export class TaskStore {
  private tasks = new Map<string, TaskState>();
  private snapshot: ReadonlyMap<string, TaskState> = new Map();
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ReadonlyMap<string, TaskState> => this.snapshot;

  start(taskId: string, label: string): void {
    this.set({ taskId, label, done: 0, total: 0, finished: false });
  }

  progress(event: ProgressEvent): void {
    const current = this.tasks.get(event.taskId);
    if (current?.finished) return;
    this.set({ taskId: event.taskId, label: event.label, done: event.done, total: event.total, file: event.file, finished: false });
  }

  finish(taskId: string, error?: string): void {
    const current = this.tasks.get(taskId);
    if (current) this.set({ ...current, finished: true, error });
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
