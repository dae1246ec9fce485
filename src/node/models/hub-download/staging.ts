/**
 * The staging folder where files arrive: kept between attempts so that a download resumes, remembering
 * which remote content its partial files belong to, and moved into place whole at the end.
 */
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from '../../fs/atomic-write';
import { exists } from '../../fs/file-info';
import { manifestFileName } from '../../translation/model-folder';
import { errorDetail, ModelDownloadError } from './errors';
import type { DownloadRequest, RemoteFile } from './request';

/** Remembers, between attempts, which remote content the partial files belong to. */
export const stateFileName = '.targum-download.json';
export const partialSuffix = '.partial';

interface DownloadState {
  repo: string;
  revision: string;
  files: Record<string, { size?: number; sha256?: string }>;
}

/**
 * Drops what an earlier attempt left that belongs to other content: everything when the repository or
 * revision changed, a file whose hub SHA-256 or size changed since.
 */
export async function reconcileStaging(request: DownloadRequest, remote: readonly RemoteFile[]): Promise<void> {
  const stateFile = path.join(request.stagingDir, stateFileName);
  const previous = await readFile(stateFile, 'utf8').then(
    (text) => JSON.parse(text) as DownloadState,
    () => undefined,
  );
  const sameSource = previous?.repo === request.repo && previous.revision === request.revision;
  for (const file of remote) {
    const before = sameSource ? previous.files?.[file.path] : undefined;
    const unchanged = before !== undefined && before.sha256 === file.sha256 && before.size === file.size;
    if (!unchanged) {
      const target = path.join(request.stagingDir, file.path);
      await rm(`${target}${partialSuffix}`, { force: true });
      await rm(target, { force: true });
    }
  }
  const state: DownloadState = {
    repo: request.repo,
    revision: request.revision,
    files: Object.fromEntries(remote.map((file) => [file.path, { size: file.size, sha256: file.sha256 }])),
  };
  await writeFileAtomic(stateFile, `${JSON.stringify(state)}\n`);
}

/** Removes from the staging folder whatever is not part of the model: the state file, stray partial files. */
export async function pruneStaging(stagingDir: string, remote: readonly RemoteFile[]): Promise<void> {
  const keep = new Set([...remote.map((file) => path.join(stagingDir, file.path)), path.join(stagingDir, manifestFileName)]);
  for (const entry of await readdir(stagingDir, { withFileTypes: true, recursive: true })) {
    if (entry.isDirectory()) continue;
    const file = path.join(entry.parentPath, entry.name);
    if (!keep.has(file)) await rm(file, { force: true });
  }
}

/** Renames the staging folder to the destination (same file system), so a half-downloaded model never appears there. */
export async function moveIntoPlace(request: DownloadRequest): Promise<void> {
  const { stagingDir, destination, repo } = request;
  if (await exists(destination)) throw new ModelDownloadError('exists', `${destination} appeared during the download of ${repo}; the download is kept in ${stagingDir}`);
  await mkdir(path.dirname(destination), { recursive: true });
  try {
    await rename(stagingDir, destination);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'EXDEV' ? 'they are on different file systems' : errorDetail(error);
    throw new ModelDownloadError('install', `Cannot move ${stagingDir} to ${destination}: ${why}`, undefined, { cause: error });
  }
}
