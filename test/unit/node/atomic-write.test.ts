import { spawn } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../../src/node/fs/atomic-write';

const folder = () => mkdtempSync(path.join(os.tmpdir(), 'targum-atomic-'));
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.partial'));

describe('writeFileAtomic', () => {
  it('keeps the permissions of the file it replaces', async () => {
    const dir = folder();
    for (const mode of [0o600, 0o755, 0o640]) {
      const file = path.join(dir, `kept-${mode.toString(8)}.txt`);
      writeFileSync(file, 'old');
      chmodSync(file, mode);
      await writeFileAtomic(file, 'new');
      expect(readFileSync(file, 'utf8')).toBe('new');
      expect(statSync(file).mode & 0o777).toBe(mode);
    }
  });

  it('gives the file the mode asked for, new or replacing a file others could read, whatever the umask', async () => {
    const dir = folder();
    const created = path.join(dir, 'secret-new');
    const replaced = path.join(dir, 'secret-old');
    writeFileSync(replaced, 'old');
    chmodSync(replaced, 0o644);
    const umask = process.umask(0);
    try {
      await writeFileAtomic(created, 'new', { mode: 0o600 });
      await writeFileAtomic(replaced, 'new', { mode: 0o600 });
    } finally {
      process.umask(umask);
    }
    expect(statSync(created).mode & 0o777).toBe(0o600);
    expect(statSync(replaced).mode & 0o777).toBe(0o600);
    expect(readFileSync(replaced, 'utf8')).toBe('new');
  });

  it('writes through a symbolic link, replacing the file it points to and keeping the link', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'real'));
    const real = path.join(dir, 'real', 'out.txt');
    writeFileSync(real, 'old');
    chmodSync(real, 0o600);
    const link = path.join(dir, 'link.txt');
    symlinkSync(path.join('real', 'out.txt'), link);
    await writeFileAtomic(link, 'new');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe(path.join('real', 'out.txt'));
    expect(readFileSync(real, 'utf8')).toBe('new');
    expect(statSync(real).mode & 0o777).toBe(0o600);

    const dangling = path.join(dir, 'dangling.txt');
    symlinkSync(path.join('real', 'made.txt'), dangling);
    await writeFileAtomic(dangling, 'made');
    expect(lstatSync(dangling).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(dir, 'real', 'made.txt'), 'utf8')).toBe('made');
    expect(leftovers(dir)).toEqual([]);
    expect(leftovers(path.join(dir, 'real'))).toEqual([]);
  });

  it('leaves no temporary file and the old content when the write fails', async () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'a-folder'));
    await expect(writeFileAtomic(path.join(dir, 'a-folder'), 'x')).rejects.toThrow();
    expect(statSync(path.join(dir, 'a-folder')).isDirectory()).toBe(true);
    expect(leftovers(dir)).toEqual([]);
  });

  it('writes several files all or none: a failure on the second leaves the first as it was', async () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'out.he'), 'old Hebrew');
    mkdirSync(path.join(dir, 'out.en'));
    await expect(
      writeFilesAtomic([
        { file: path.join(dir, 'out.he'), data: 'new Hebrew' },
        { file: path.join(dir, 'out.en'), data: 'new English' },
      ]),
    ).rejects.toThrow();
    expect(readFileSync(path.join(dir, 'out.he'), 'utf8')).toBe('old Hebrew');
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(['SIGINT', 'SIGTERM'] as const)('removes its temporary files when the process is interrupted by %s, and the process still ends', async (signal) => {
    const dir = folder();
    writeFileSync(path.join(dir, 'out.he'), 'old Hebrew');
    const script = `
      import { readdirSync } from 'node:fs';
      import { writeFilesAtomic } from ${JSON.stringify(path.resolve('src/node/fs/atomic-write.ts'))};
      const dir = ${JSON.stringify(dir)};
      void writeFilesAtomic([{ file: dir + '/out.he', data: 'new Hebrew' }, { file: dir + '/out.en', data: new Uint8Array(256 * 1024 * 1024) }]);
      const wait = () => (readdirSync(dir).some((name) => name.startsWith('out.en.') && name.endsWith('.partial')) ? process.kill(process.pid, ${JSON.stringify(signal)}) : setImmediate(wait));
      wait();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: 'ignore' });
    const ended = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on('exit', (code, endSignal) => resolve({ code, signal: endSignal })));
    expect(ended.signal).toBe(signal);
    expect(leftovers(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual(['out.he']);
    expect(readFileSync(path.join(dir, 'out.he'), 'utf8')).toBe('old Hebrew');
  });
});
