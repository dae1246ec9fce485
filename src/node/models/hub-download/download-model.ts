/**
 * Downloads one model from a Hugging Face hub, or a mirror of it (the base URL is a setting, like
 * HF_ENDPOINT), into a model folder, atomically:
 *
 * 1. HEAD every file without following redirects (hub-files.ts).
 * 2. Refuse when the file system holding the destination lacks the space (disk-space.ts).
 * 3. GET each file into `stagingDir` as `<path>.partial`, resuming with `Range: bytes=N-` what an
 *    earlier attempt left (appending on 206, starting over on 200), and resuming a connection cut
 *    mid-file a few times by itself (file-download.ts, fetch-range.ts).
 * 4. Verify each file (SHA-256 pinned by the catalog, else the hub's for LFS files, otherwise its size);
 *    a damaged file is deleted and the download fails naming it. A file over 10 MB with no hash is refused
 *    unless unverified downloads are allowed for the hub, model weights of unknown size are refused, and no
 *    file is written past its size (pinned, else announced; for a file of unknown size, 10 MB and what is
 *    left of the catalog's total for the model).
 * 5. Write the manifest, then rename the staging folder to `destination` (staging.ts), so a
 *    half-downloaded model never appears there.
 *
 * Cancelling (the AbortSignal) keeps the partial files, so the next attempt resumes them.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { exists } from '../../fs/file-info';
import { manifestFileName } from '../../translation/model-folder';
import { checkDiskSpace } from './disk-space';
import { ModelDownloadError, throwIfCancelled } from './errors';
import { downloadFile } from './file-download';
import { describeFile } from './hub-files';
import { DownloadProgressTracker } from './progress';
import { isLoopbackHost } from '../../net/address-policy';
import { formatBytes } from '../../../common/format-bytes';
import { catalogSizeMargin, downloadJob, sha256Pattern, unverifiedLimitBytes, type DownloadJob, type DownloadRequest, type RemoteFile } from './request';
import { moveIntoPlace, partialSuffix, pruneStaging, reconcileStaging, stateFileName } from './staging';

const repoPattern = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

export async function downloadModel(request: DownloadRequest): Promise<void> {
  const job = downloadJob(request);
  validate(job);
  throwIfCancelled(job);
  if (await exists(request.destination)) {
    throw new ModelDownloadError('exists', `${request.destination} already exists: remove it before downloading ${request.repo} again`);
  }

  const remote = withLimits(job, await describeFiles(job));

  await mkdir(request.stagingDir, { recursive: true });
  await reconcileStaging(request, remote);
  await checkDiskSpace(request, remote);

  const progress = new DownloadProgressTracker(job, remote);
  for (const file of remote) await downloadFile(job, progress, file);

  throwIfCancelled(job);
  if (request.manifest !== undefined) {
    const unverified = remote.some((file) => file.sha256 === undefined && (file.size === undefined || file.size > unverifiedLimitBytes));
    const manifest = unverified ? { ...request.manifest, unverified: true } : request.manifest;
    await writeFileAtomic(path.join(request.stagingDir, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
  }
  await pruneStaging(request.stagingDir, remote);
  await moveIntoPlace(request);
}

async function describeFiles(job: DownloadJob): Promise<Omit<RemoteFile, 'limit'>[]> {
  const described: Omit<RemoteFile, 'limit'>[] = [];
  for (const file of job.request.files) described.push(await describeFile(job, file));
  return described;
}

/** Each file's limit: its size when known; else 10 MB, and never past what is left of the catalog's total for the model. */
function withLimits({ request, hubUrl }: DownloadJob, files: readonly Omit<RemoteFile, 'limit'>[]): RemoteFile[] {
  const known = files.reduce((sum, file) => sum + (file.size ?? 0), 0);
  const budget = request.totalBytes === undefined ? Infinity : Math.round(request.totalBytes * catalogSizeMargin);
  if (known > budget) {
    throw new ModelDownloadError('integrity', `${hubUrl} announces ${formatBytes(known)} for ${request.repo}, far more than the ${formatBytes(request.totalBytes!)} Targum's catalog gives it; nothing was downloaded`);
  }
  return files.map((file) => ({ ...file, limit: file.size ?? Math.min(budget - known, unverifiedLimitBytes) }));
}

function validate({ request, hubUrl }: DownloadJob): void {
  let address: URL | undefined;
  try {
    address = new URL(hubUrl);
  } catch {
    address = undefined;
  }
  if (address === undefined || (address.protocol !== 'https:' && address.protocol !== 'http:')) {
    throw new ModelDownloadError('invalid', `"${request.hubUrl}" is not a hub address (https://)`);
  }
  if (address.protocol === 'http:' && !isLoopbackHost(address.hostname)) {
    throw new ModelDownloadError('invalid', `The hub address ${hubUrl} is not https: models are downloaded only over https (or from a mirror on this machine)`);
  }
  if (!repoPattern.test(request.repo)) throw new ModelDownloadError('invalid', `"${request.repo}" is not a repository name (owner/name)`);
  if (!request.revision || /\s/.test(request.revision)) throw new ModelDownloadError('invalid', `"${request.revision}" is not a revision`);
  if (request.files.length === 0) throw new ModelDownloadError('invalid', `no files to download from ${request.repo}`);
  const seen = new Set<string>();
  for (const file of request.files) {
    const parts = file.path.split('/');
    const usable =
      file.path.length > 0 &&
      !file.path.includes('\\') &&
      parts.every((part) => part !== '' && part !== '.' && part !== '..') &&
      !file.path.endsWith(partialSuffix) &&
      file.path !== manifestFileName &&
      file.path !== stateFileName;
    if (!usable) throw new ModelDownloadError('invalid', `"${file.path}" is not a usable file path inside ${request.repo}`, file.path);
    if (seen.has(file.path)) throw new ModelDownloadError('invalid', `${file.path} is listed twice`, file.path);
    if (file.sha256 !== undefined && !sha256Pattern.test(file.sha256)) throw new ModelDownloadError('invalid', `the SHA-256 given for ${file.path} is not 64 hex digits`, file.path);
    seen.add(file.path);
  }
  if (path.resolve(request.stagingDir) === path.resolve(request.destination)) {
    throw new ModelDownloadError('invalid', 'the staging folder and the destination must differ');
  }
}
