/**
 * Writing files so that readers see the old content or the new, never half of it: each file is written to a
 * temporary file beside it, flushed to disk, and renamed over the target. A target that is a symbolic link is
 * written through (the file it points to is replaced; the link stays), and a target that exists keeps its
 * permissions unless a mode is given. Temporary files are removed when the write fails, and when the process is interrupted
 * (SIGINT, SIGTERM) while they exist.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { link, lstat, mkdir, open, readlink, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileToWrite {
  file: string;
  data: string | Uint8Array;
  /** The file's permissions exactly, whatever the umask and the file it replaces (0o600: only the user reads it). */
  mode?: number;
}

/** Writes a file so that readers see the old content or the new, never half of it. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options: { mode?: number } = {}): Promise<void> {
  await writeFilesAtomic([{ file, data, mode: options.mode }]);
}

/**
 * Writes several files all or nothing: every temporary file is written and flushed before the first rename,
 * so a failure (a full disk, an interruption) leaves every target as it was.
 */
export async function writeFilesAtomic(files: readonly FileToWrite[]): Promise<void> {
  const staged: { temporary: string; target: string }[] = [];
  try {
    for (const { file, data, mode } of files) {
      const target = await symlinkTarget(file);
      if ((await stat(target).catch(() => undefined))?.isDirectory()) throw new Error(`${file} is a folder; nothing was written.`);
      await mkdir(path.dirname(target), { recursive: true });
      const temporary = `${target}.${randomBytes(6).toString('hex')}.partial`;
      pendingTemporaries.add(temporary);
      watchSignals();
      staged.push({ temporary, target });
      await writeFlushed(temporary, data, mode ?? (await existingMode(target)));
    }
    await renameAll(staged);
    await Promise.all([...new Set(staged.map(({ target }) => path.dirname(target)))].map(flushFolder));
  } catch (error) {
    await Promise.all(staged.map(({ temporary }) => rm(temporary, { force: true }).finally(() => forget(temporary))));
    throw error;
  }
}

/**
 * Renames every temporary file over its target. Should one rename fail after others succeeded, the targets
 * already replaced get their old content back (kept as hard links until all renames are done).
 */
async function renameAll(staged: readonly { temporary: string; target: string }[]): Promise<void> {
  const previous = new Map<string, string | undefined>();
  try {
    for (const { temporary, target } of staged) {
      if (staged.length > 1) {
        const kept = `${temporary}.previous`;
        // No file yet: undoing means removing the new one. A file that cannot be linked is left out of the undo.
        const outcome = await link(target, kept).then(
          () => kept,
          (error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : null),
        );
        if (outcome !== null) previous.set(target, outcome);
      }
      await rename(temporary, target);
      forget(temporary);
    }
  } catch (error) {
    for (const [target, kept] of previous) {
      if (staged.some((entry) => entry.target === target && !pendingTemporaries.has(entry.temporary))) {
        await (kept === undefined ? rm(target, { force: true }) : rename(kept, target)).catch(() => undefined);
      }
    }
    throw error;
  } finally {
    await Promise.all([...previous.values()].map((kept) => kept && rm(kept, { force: true })));
  }
}

/** The file a path names once symbolic links are followed (a dangling link names the file it would create). */
async function symlinkTarget(file: string): Promise<string> {
  let current = path.resolve(file);
  for (let hops = 0; hops < 40; hops++) {
    const info = await lstat(current).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (!info?.isSymbolicLink()) return current;
    current = path.resolve(path.dirname(current), await readlink(current));
  }
  throw new Error(`${file} is a chain of more than 40 symbolic links; nothing was written.`);
}

async function existingMode(file: string): Promise<number | undefined> {
  return stat(file).then(
    (info) => info.mode & 0o7777,
    () => undefined,
  );
}

async function writeFlushed(file: string, data: string | Uint8Array, mode: number | undefined): Promise<void> {
  const handle = await open(file, 'wx', mode ?? 0o666);
  try {
    // open() applies the umask; a file that replaces another, or is given a mode, takes it exactly (set
    // before the data is written, so a secret is never in a file others may read).
    if (mode !== undefined) await handle.chmod(mode);
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable (the folder's entry on disk); not every platform lets a folder be opened so. */
async function flushFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Windows cannot fsync a folder; the rename itself is still atomic.
  }
}

// ---------------------------------------------------------------------------------------------
// Removing temporary files when the process is interrupted

const pendingTemporaries = new Set<string>();
const signals = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const temporary of pendingTemporaries) rmSync(temporary, { force: true });
  pendingTemporaries.clear();
  unwatchSignals();
  // With no one else listening, end the process as the signal would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function watchSignals(): void {
  for (const signal of signals) if (!process.listeners(signal).includes(onSignal)) process.on(signal, onSignal);
}

function unwatchSignals(): void {
  for (const signal of signals) process.off(signal, onSignal);
}

function forget(temporary: string): void {
  pendingTemporaries.delete(temporary);
  if (pendingTemporaries.size === 0) unwatchSignals();
}
