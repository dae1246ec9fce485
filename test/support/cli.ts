import { execFile } from 'node:child_process';
import path from 'node:path';

export const targum = path.resolve('bin/targum');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs bin/targum as a user would, with its own data folder and, optionally, standard input. */
export function runTargum(args: string[], options: { dataDir: string; input?: string; env?: NodeJS.ProcessEnv }): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = execFile(targum, args, { env: { ...process.env, TARGUM_DATA_DIR: options.dataDir, ...options.env } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(options.input ?? '');
  });
}
