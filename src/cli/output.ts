import { writeFileAtomic } from '../node/fs/atomic-write';
import type { CliIo } from './cli-io';

/** Writes data to --out (whole or not at all) or to standard output. */
export async function writeOutput(data: string, out: string | undefined, io: CliIo): Promise<void> {
  if (out === undefined) io.stdout(data);
  else await writeFileAtomic(out, data);
}
