import type { WrittenFile } from '../common/formats/bilingual-writers';
import { writeFileAtomic, writeFilesAtomic } from '../node/fs/atomic-write';
import { CliError, type CliIo } from './cli-io';

/** Writes data to --out (whole or not at all) or to standard output. */
export async function writeOutput(data: string | Uint8Array, out: string | undefined, io: CliIo): Promise<void> {
  if (out !== undefined) await writeFileAtomic(out, data);
  else if (typeof data === 'string') io.stdout(data);
  else throw new CliError('binary output needs --out FILE');
}

/** Formats whose output cannot go to standard output: binary (docx) or several files (moses). */
const needsOut: Record<string, string> = {
  docx: '--format docx needs --out FILE (a Word document is binary)',
  moses: '--format moses needs --out PREFIX (it writes two files, PREFIX.<from> and PREFIX.<to>)',
};

/** Refuses, before any work is done, a format that cannot be written without --out. */
export function checkOutputTarget(command: string, format: string, out: string | undefined): void {
  if (out === undefined && needsOut[format]) throw new CliError(`${command}: ${needsOut[format]}`);
}

/**
 * Writes a bilingual writer's files: one file to --out or standard output; several (moses) to `PREFIX.<extension>`
 * for `--out PREFIX` (docs/cli.md), all written whole or none at all.
 */
export async function writeBilingualOutput(files: readonly WrittenFile[], out: string | undefined, io: CliIo): Promise<void> {
  if (files.length === 1) return writeOutput(files[0]!.data, out, io);
  if (out === undefined) throw new CliError('several output files need --out PREFIX');
  await writeFilesAtomic(files.map((file) => ({ file: `${out}.${file.extension}`, data: file.data })));
}
