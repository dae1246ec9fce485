import { describe, expect, it } from 'vitest';
import { runTargum } from '../../support/cli';

const run = (...args: string[]) => runTargum(args, { dataDir: '/tmp/targum-cli-test' });

describe('bin/targum', () => {
  it('prints its help to stdout and exits 0', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: targum <command>/);
    expect(result.stderr).toBe('');
  });

  it('reports an unknown command in one targum: line on stderr and exits non-zero', async () => {
    const result = await run('transmogrify');
    expect(result.code).not.toBe(0);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('targum: unknown command "transmogrify"; run "targum --help" for the commands\n');
  });

  it('tells where its data lives, as JSON with a version', async () => {
    const result = await run('info', '--json');
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ version: 1, dataDir: '/tmp/targum-cli-test', modelsDir: '/tmp/targum-cli-test/models' });
    expect((await run('info', '--yaml')).stderr).toBe("targum: info: unknown option '--yaml'\n");
  });
});
