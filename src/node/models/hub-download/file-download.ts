import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../../../common/format-bytes';
import { fileSize } from '../../fs/file-info';
import { cancelledError, ModelDownloadError, short, throwIfCancelled } from './errors';
import { fetchRange } from './fetch-range';
import type { DownloadProgressTracker } from './progress';
import type { DownloadJob, RemoteFile } from './request';
import { partialSuffix } from './staging';

/**
 * Fetches one file into the staging folder as `<path>.partial`, resuming what an earlier attempt left
 * and a connection cut mid-file a few times by itself, then verifies it (SHA-256 when the hub gives
 * one, otherwise its size): a damaged file is deleted and the download fails naming it.
 */
export async function downloadFile(job: DownloadJob, progress: DownloadProgressTracker, file: RemoteFile): Promise<void> {
  const { request } = job;
  const target = path.join(request.stagingDir, file.path);
  const partial = `${target}${partialSuffix}`;
  await mkdir(path.dirname(target), { recursive: true });

  // Finished by an earlier attempt: keep it if it still checks out.
  const finishedSize = await fileSize(target);
  if (finishedSize !== undefined) {
    if (await matches(target, finishedSize, file)) {
      progress.setDone(file, finishedSize);
      progress.report(file, true);
      return;
    }
    await rm(target, { force: true });
  }

  // Without a hash a resumed file could not be checked whole, so only hashed files resume.
  if (!file.sha256) await rm(partial, { force: true });
  let attempt = 0;
  for (;;) {
    throwIfCancelled(job);
    let offset = (await fileSize(partial)) ?? 0;
    if (file.size !== undefined && offset > file.size) {
      await rm(partial, { force: true });
      offset = 0;
    }
    progress.setDone(file, offset);
    progress.report(file, true);
    if (file.size !== undefined && offset === file.size && offset > 0) break;
    try {
      await fetchRange(job, progress, file, partial, offset);
      const size = (await fileSize(partial)) ?? 0;
      if (file.size === undefined || size >= file.size) break;
      throw new ModelDownloadError('network', `the connection closed after ${formatBytes(size)} of ${formatBytes(file.size)}`, file.path);
    } catch (error) {
      if (!(error instanceof ModelDownloadError) || error.code !== 'network') throw error;
      if (!file.sha256) await rm(partial, { force: true });
      if (attempt >= job.retries) {
        const have = (await fileSize(partial)) ?? 0;
        const next = have > 0 ? `download again to resume from ${formatBytes(have)}` : 'download again to retry';
        throw new ModelDownloadError('network', `Downloading ${file.path} from ${job.hubUrl} was interrupted (${error.message}); ${next}`, file.path, {
          cause: error,
        });
      }
      attempt += 1;
      await delay(job.retryDelayMs * attempt, request.signal).catch(() => {
        throw cancelledError(job);
      });
    }
  }

  const size = (await fileSize(partial)) ?? 0;
  if (!(await matches(partial, size, file))) {
    await rm(partial, { force: true });
    const what =
      file.size !== undefined && size !== file.size ? `${formatBytes(size)} instead of ${formatBytes(file.size)}` : `its SHA-256 is not ${short(file.sha256 ?? '')}`;
    throw new ModelDownloadError('integrity', `${file.path} from ${request.repo} arrived damaged (${what}); it was deleted, download again to fetch it anew`, file.path);
  }
  await rename(partial, target);
  progress.setDone(file, size);
  progress.report(file, true);
}

async function matches(file: string, size: number, remote: RemoteFile): Promise<boolean> {
  if (remote.size !== undefined && size !== remote.size) return false;
  if (remote.sha256 && (await sha256File(file)) !== remote.sha256) return false;
  return true;
}

async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
