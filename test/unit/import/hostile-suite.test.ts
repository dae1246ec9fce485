import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeLargeCases } from '../../support/hostile-large-cases';

/**
 * The hostile-input corpus (test/fixtures/hostile, one file per case, the large ones made here): each file is
 * imported the way a user's file is, and must come in cleanly or be refused with one clear line, within 30 s,
 * each under 1 GB of memory.
 */
type Expectation = { refused: string } | { imports: Record<string, string> };
type Outcome = { name: string; ms: number; refused?: string; imported?: Record<string, unknown> };

const corpus = path.resolve('test/fixtures/hostile');
const cases = JSON.parse(readFileSync(path.join(corpus, 'cases.json'), 'utf8')) as Record<string, Expectation>;
const large = mkdtempSync(path.join(os.tmpdir(), 'targum-hostile-'));
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-hostile-data-'));
afterAll(() => {
  rmSync(large, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Runs the cases of the given folders or files in one child process: their outcomes, and the process's peak memory. */
function runCases(paths: readonly string[]): Promise<{ outcomes: Outcome[]; peakMemoryMb: number }> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      ['--expose-gc', '--import', 'tsx', path.resolve('test/support/hostile-runner.ts'), ...paths],
      { env: { ...process.env, TARGUM_DATA_DIR: dataDir }, maxBuffer: 64 * 1024 * 1024, timeout: 600_000 },
      (error, stdout, stderr) => {
        if (error) return reject(new Error(`${error.message}\n${stderr}`));
        const lines = stdout.trim().split('\n').map((line) => JSON.parse(line) as Outcome & { peakMemoryMb?: number });
        const peak = lines.pop()!;
        resolve({ outcomes: lines, peakMemoryMb: peak.peakMemoryMb! });
      },
    );
  });
}

/**
 * The small cases in one process, each large case in a process of its own: a process does not give the
 * memory one case took back to the system, so a peak shared by several large cases would be their sum.
 */
async function runCorpus(): Promise<{ outcomes: Map<string, Outcome>; peakMemoryMb: Map<string, number> }> {
  makeLargeCases(large);
  const runs = [{ name: 'the small cases', paths: [corpus] }, ...readdirSync(large).sort().map((name) => ({ name, paths: [path.join(large, name)] }))];
  const outcomes = new Map<string, Outcome>();
  const peakMemoryMb = new Map<string, number>();
  for (const run of runs) {
    const result = await runCases(run.paths);
    for (const outcome of result.outcomes) outcomes.set(outcome.name, outcome);
    peakMemoryMb.set(run.name, result.peakMemoryMb);
  }
  return { outcomes, peakMemoryMb };
}

describe('the hostile-input corpus', () => {
  it('has a case file for every expectation, and at least 40 cases', () => {
    const files = readdirSync(corpus).filter((name) => name !== 'cases.json');
    expect(Object.keys(cases).filter((name) => !name.startsWith('large-')).sort()).toEqual(files.sort());
    expect(Object.keys(cases).length).toBeGreaterThanOrEqual(40);
  });

  it('imports each case cleanly or refuses it in one clear line, within 30 s, under 1 GB', async () => {
    const { outcomes, peakMemoryMb } = await runCorpus();
    const problems: string[] = [];
    for (const [name, expected] of Object.entries(cases)) {
      const outcome = outcomes.get(name);
      if (!outcome) {
        problems.push(`${name}: not run`);
        continue;
      }
      if (outcome.ms > 30_000) problems.push(`${name}: took ${outcome.ms} ms`);
      if ('refused' in expected) {
        const message = outcome.refused?.trim() ?? '';
        if (outcome.imported) problems.push(`${name}: imported, but should be refused`);
        else if (message.includes('\n') || message === '') problems.push(`${name}: refused without one line: ${JSON.stringify(message)}`);
        else if (!message.includes(expected.refused)) problems.push(`${name}: refused with ${JSON.stringify(message)}, not one naming "${expected.refused}"`);
        else if (/\b(TypeError|RangeError|SyntaxError|undefined|null|at [\w.]+ \()/.test(message)) problems.push(`${name}: a library's or runtime's message: ${message}`);
      } else {
        if (!outcome.imported) problems.push(`${name}: refused: ${outcome.refused}`);
        else for (const [key, value] of Object.entries(expected.imports)) if (outcome.imported[key] !== value) problems.push(`${name}: ${key} is ${JSON.stringify(outcome.imported[key])}, not ${JSON.stringify(value)}`);
      }
    }
    expect(problems).toEqual([]);
    const slowest = [...outcomes.values()].reduce((most, outcome) => (outcome.ms > most.ms ? outcome : most));
    console.log(
      `hostile corpus: ${outcomes.size} cases, ${outcomes.size - problems.length} handled cleanly; the slowest ${slowest.name} in ${(slowest.ms / 1000).toFixed(1)} s; ` +
        `peak memory: ${[...peakMemoryMb].map(([name, mb]) => `${name} ${mb} MB`).join(', ')}`,
    );
    expect([...peakMemoryMb].filter(([, mb]) => mb >= 1024)).toEqual([]);
  }, 600_000);
});
