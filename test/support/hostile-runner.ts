/**
 * Runs every hostile case through the path a user's file takes: articles through the command line's
 * `targum import --json`, bilingual files (TMX, XLIFF, TSV) through the reader the app imports them with.
 * One JSON line per case on standard output, then the process's peak memory. Run in a child process of
 * its own, with --expose-gc (test/unit/import/hostile-suite.test.ts): the large cases one to a process.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { readBilingualFile } from '../../src/common/formats/bilingual-readers';
import { runCli } from '../../src/cli/run';

const bilingual = /\.(tmx|xlf|xliff|tsv)$/i;

async function runCase(file: string): Promise<{ refused?: string; imported?: Record<string, unknown> }> {
  if (bilingual.test(file)) {
    try {
      const document = readBilingualFile(path.basename(file), new Uint8Array(readFileSync(file)));
      return { imported: { title: document.title, units: document.units.length, source: document.units[0]?.source } };
    } catch (error) {
      return { refused: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  }
  let stdout = '';
  let stderr = '';
  const code = await runCli(['import', file, '--json'], {
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdin: async () => new Uint8Array(),
    env: process.env,
  });
  if (code !== 0) return { refused: stderr };
  // The paragraphs counted, not printed: a large document's text would flood the output.
  const { paragraphs, ...imported } = JSON.parse(stdout) as Record<string, unknown> & { paragraphs?: unknown[] };
  return { imported: { ...imported, paragraphs: paragraphs?.length } };
}

/** The case files named: each argument a case file, or a folder of them. */
function caseFiles(paths: readonly string[]): string[] {
  return paths.flatMap((given) =>
    statSync(given).isDirectory() ? readdirSync(given).sort().filter((name) => name !== 'cases.json').map((name) => path.join(given, name)) : [given],
  );
}

for (const file of caseFiles(process.argv.slice(2))) {
  const started = performance.now();
  const outcome = await runCase(file);
  process.stdout.write(`${JSON.stringify({ name: path.basename(file), ms: Math.round(performance.now() - started), ...outcome })}\n`);
  // What one case leaves is collected before the next.
  (globalThis as { gc?: () => void }).gc?.();
}
process.stdout.write(`${JSON.stringify({ peakMemoryMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
