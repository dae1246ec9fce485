import { statfs } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes } from '../../../common/format-bytes';
import { exists, fileSize } from '../../fs/file-info';
import { ModelDownloadError } from './errors';
import type { DownloadRequest, RemoteFile } from './request';
import { partialSuffix } from './staging';

/** Refuses a download when the file system holding the destination lacks the space for what is still to come. */
export async function checkDiskSpace(request: DownloadRequest, remote: readonly RemoteFile[]): Promise<void> {
  let needed = 0;
  let arrived = 0;
  for (const file of remote) {
    const target = path.join(request.stagingDir, file.path);
    const have = (await fileSize(target)) ?? (await fileSize(`${target}${partialSuffix}`)) ?? 0;
    arrived += have;
    if (file.size !== undefined) needed += Math.max(0, file.size - have);
  }
  // Where the hub gives no sizes, the catalog's size for the whole model stands in.
  if (request.totalBytes !== undefined) needed = Math.max(needed, request.totalBytes - arrived);
  if (needed === 0) return;
  const folder = await existingAncestor(path.dirname(path.resolve(request.destination)));
  // A file system that cannot tell its free space is not a reason to refuse.
  const info = await (request.statfs ?? statfs)(folder).catch(() => undefined);
  if (!info) return;
  const free = Number(info.bavail) * Number(info.bsize);
  if (needed > free) {
    throw new ModelDownloadError('disk-space', `Not enough disk space for ${request.repo}: it needs ${formatBytes(needed)} more in ${folder}, and ${formatBytes(free)} is free`);
  }
}

async function existingAncestor(folder: string): Promise<string> {
  let current = folder;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}
