import { copyFile, mkdir, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { CallSignal } from '../../common/api/call';
import type { TransferProgress } from '../../common/api/contract';

export class CopyCancelled extends Error {
  override name = 'CopyCancelled';
}

/** Copies a folder file by file into a new folder, reporting bytes copied; stops between files once `signal` is aborted. */
export async function copyFolder(from: string, to: string, options: { signal?: CallSignal; onProgress?: (progress: TransferProgress) => void } = {}): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => path.relative(from, path.join(entry.parentPath, entry.name)));
  const sizes = await Promise.all(files.map(async (file) => (await stat(path.join(from, file))).size));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  let done = 0;
  await mkdir(to, { recursive: false });
  for (const [index, file] of files.entries()) {
    if (options.signal?.aborted) throw new CopyCancelled('the copy was cancelled');
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await copyFile(path.join(from, file), path.join(to, file));
    done += sizes[index]!;
    options.onProgress?.({ done, total, file: { name: file, done: sizes[index]!, total: sizes[index]! } });
  }
}
