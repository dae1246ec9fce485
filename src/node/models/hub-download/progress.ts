import type { DownloadJob, RemoteFile } from './request';

/** Counts the bytes of every file and reports them, at most every `progressIntervalMs` unless forced. */
export class DownloadProgressTracker {
  /** Bytes counted per file for the progress total: the known size, or what has arrived. */
  private readonly totals = new Map<string, number>();
  private readonly dones = new Map<string, number>();
  private lastProgressAt = 0;

  constructor(
    private readonly job: DownloadJob,
    files: readonly RemoteFile[],
  ) {
    for (const file of files) {
      this.totals.set(file.path, file.size ?? 0);
      this.dones.set(file.path, 0);
    }
  }

  setDone(file: RemoteFile, done: number): void {
    this.dones.set(file.path, done);
    if (file.size === undefined) this.totals.set(file.path, done);
  }

  report(file: RemoteFile, force: boolean): void {
    const { onProgress } = this.job.request;
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgressAt < this.job.progressIntervalMs) return;
    this.lastProgressAt = now;
    let done = 0;
    let total = 0;
    for (const value of this.dones.values()) done += value;
    for (const value of this.totals.values()) total += value;
    const fileDone = this.dones.get(file.path) ?? 0;
    onProgress({ file: file.path, fileDone, fileTotal: file.size ?? fileDone, done, total });
  }
}
