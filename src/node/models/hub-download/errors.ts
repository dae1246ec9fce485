import type { DownloadJob } from './request';

export type ModelDownloadErrorCode =
  | 'invalid'
  | 'exists'
  | 'offline'
  | 'unauthorized'
  | 'not-found'
  | 'http'
  | 'network'
  | 'integrity'
  | 'disk-space'
  | 'cancelled'
  | 'install';

/** A download that failed, with a message meant for the user. `file` names the file concerned, if one is. */
export class ModelDownloadError extends Error {
  constructor(
    readonly code: ModelDownloadErrorCode,
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelDownloadError';
  }
}

export function cancelledError(job: DownloadJob): ModelDownloadError {
  return new ModelDownloadError('cancelled', `Download of ${job.request.repo} cancelled; what has arrived is kept, and downloading it again resumes from there`);
}

export function throwIfCancelled(job: DownloadJob): void {
  if (job.request.signal?.aborted) throw cancelledError(job);
}

export function offlineError(job: DownloadJob, error: unknown): ModelDownloadError {
  const detail = errorDetail(error);
  return new ModelDownloadError('offline', `Cannot reach ${job.hubUrl}: check the connection or the hub address in Settings${detail ? ` (${detail})` : ''}`, undefined, {
    cause: error,
  });
}

/** The most useful words of a fetch failure: undici puts the system error (ECONNREFUSED …) in `cause`. */
export function errorDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    const text = code && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
    if (text && !parts.includes(text) && text !== 'fetch failed') parts.push(text);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('; ');
}

/** The start of a hash, for messages. */
export function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
