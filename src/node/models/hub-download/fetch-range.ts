import { open, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { formatBytes } from '../../../common/format-bytes';
import { cancelledError, errorDetail, ModelDownloadError, offlineError } from './errors';
import { hubHttpError, requestHeaders } from './hub-files';
import type { DownloadProgressTracker } from './progress';
import type { DownloadJob, RemoteFile } from './request';

/** A file that runs past its limit: its size, or, of unknown size, 10 MB or what is left of the model's size in the catalog. */
function overLimitError(job: DownloadJob, file: RemoteFile): ModelDownloadError {
  const limit = file.size === undefined ? 'the most Targum takes for a file of unknown size' : 'the size it should have';
  return new ModelDownloadError(
    'integrity',
    `${file.path} from ${job.hubUrl} runs past ${formatBytes(file.limit)}, ${limit}; the download was stopped and the partial file deleted`,
    file.path,
  );
}

/**
 * One GET of the rest of a file from `offset` (`Range: bytes=N-`), appended to its partial file on 206,
 * written anew on 200. Throws 'network' for a cut connection, a stalled one and a passing fault of the
 * hub, which the caller may resume.
 */
export async function fetchRange(job: DownloadJob, progress: DownloadProgressTracker, file: RemoteFile, partial: string, offset: number): Promise<void> {
  const { request } = job;
  const idle = new AbortController();
  const signal = request.signal ? AbortSignal.any([request.signal, idle.signal]) : idle.signal;
  let idled = false;
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idled = true;
      idle.abort();
    }, job.idleTimeoutMs);
  };
  const failure = (error: unknown, connecting: boolean): ModelDownloadError => {
    if (error instanceof ModelDownloadError) return error;
    if (request.signal?.aborted) return cancelledError(job);
    if (idled) return new ModelDownloadError('network', `nothing arrived for ${Math.round(job.idleTimeoutMs / 1000)} s`, file.path);
    if (connecting) return offlineError(job, error);
    return new ModelDownloadError('network', errorDetail(error) || 'connection lost', file.path, { cause: error });
  };

  arm();
  try {
    let response: Response;
    try {
      const headers = requestHeaders();
      if (offset > 0) headers.Range = `bytes=${offset}-`;
      response = await job.fetch(file.url, { headers, redirect: 'follow', signal });
    } catch (error) {
      throw failure(error, true);
    }

    let append = false;
    if (response.status === 206) {
      const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1];
      if (start !== undefined && Number(start) === offset) append = true;
      else {
        await response.body?.cancel().catch(() => undefined);
        await rm(partial, { force: true });
        throw new ModelDownloadError('network', 'the server resumed at the wrong place', file.path);
      }
    } else if (response.status === 416 && offset > 0) {
      await response.body?.cancel().catch(() => undefined);
      if (file.size !== undefined && offset === file.size) return;
      await rm(partial, { force: true });
      throw new ModelDownloadError('network', 'the server could not resume the file', file.path);
    } else if (response.status >= 500) {
      // A passing fault of the hub or its CDN: worth resuming like a cut connection.
      await response.body?.cancel().catch(() => undefined);
      throw new ModelDownloadError('network', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, file.path);
    } else if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw hubHttpError(job, response, file.path);
    }

    let done = append ? offset : 0;
    const tooLarge = async (): Promise<never> => {
      await response.body?.cancel().catch(() => undefined);
      await rm(partial, { force: true });
      throw overLimitError(job, file);
    };
    const announced = Number(response.headers.get('content-length') ?? Number.NaN);
    if (Number.isFinite(announced) && done + announced > file.limit) await tooLarge();
    progress.setDone(file, done);
    const handle = await open(partial, append ? 'a' : 'w');
    try {
      if (response.body) {
        const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
        try {
          for await (const chunk of body as AsyncIterable<Uint8Array>) {
            arm();
            if (done + chunk.byteLength > file.limit) {
              body.destroy();
              await handle.close();
              return await tooLarge();
            }
            await handle.write(chunk);
            done += chunk.byteLength;
            progress.setDone(file, done);
            progress.report(file, false);
          }
        } catch (error) {
          throw failure(error, false);
        }
      }
    } finally {
      await handle.close().catch(() => undefined);
    }
  } finally {
    clearTimeout(timer);
  }
}
