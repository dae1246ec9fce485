import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runTargum } from '../../support/cli';
import { encodeSingleByte } from '../../support/code-page';

const work = mkdtempSync(path.join(os.tmpdir(), 'targum-import-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const run = (args: string[], env: NodeJS.ProcessEnv = {}) => runTargum(args, { dataDir: work, env });


describe('targum import', () => {
  it('prints the article as the contract says: title, language, encoding, date, paragraphs with sentences and boilerplate', async () => {
    const result = await run(['import', path.resolve('resources/samples/002_006563e634bf3530.txt'), '--json']);
    expect(result.code).toBe(0);
    const article = JSON.parse(result.stdout);
    expect(article).toMatchObject({ version: 1, language: 'ar', encoding: 'utf-8', date: '2017-08-28', title: 'قبيل إخراجه من القلمون..تنظيم داعش الإرهابي يحرق مقراته وآلياته' });
    expect(article.paragraphs[1]).toMatchObject({ boilerplate: true, kind: 'date' });
    expect(article.paragraphs.at(-1)).toMatchObject({ boilerplate: true, kind: 'comments' });
    expect(article.paragraphs[2]).toMatchObject({ boilerplate: false });
    expect(article.paragraphs.flatMap((paragraph: { sentences: string[] }) => paragraph.sentences)).toHaveLength(19);
  });

  it('detects a legacy Arabic encoding, and takes --encoding', async () => {
    const seed = readFileSync(path.resolve('resources/samples/004_ed2df22646606838.txt'), 'utf8').replace(/[\u0660-\u0669]/g, (digit) => String(digit.charCodeAt(0) - 0x660));
    const file = path.join(work, 'legacy.txt');
    writeFileSync(file, encodeSingleByte(seed, 'windows-1256'));
    const detected = JSON.parse((await run(['import', file, '--json'])).stdout);
    expect(detected.encoding).toBe('windows-1256');
    expect(detected.paragraphs[0].text).toBe(seed.split('\n')[0]!.trim());
    const forced = await run(['import', file, '--encoding', 'utf-8']);
    expect(forced.code).not.toBe(0);
    expect(forced.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('refuses binary files, unsupported types and files over the size limit, in one targum: line', async () => {
    const binary = path.join(work, 'photo.txt');
    writeFileSync(binary, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect((await run(['import', binary])).stderr).toBe('targum: This file holds binary data, not text.\n');
    const pdf = path.join(work, 'article.pdf');
    writeFileSync(pdf, '%PDF-1.7');
    expect((await run(['import', pdf])).stderr).toMatch(/^targum: import: .*article\.pdf: \.pdf files cannot be imported yet/);
    writeFileSync(path.join(work, 'settings.json'), JSON.stringify({ importSizeLimitMb: 1 }));
    const large = path.join(work, 'large.txt');
    writeFileSync(large, 'שלום עולם. '.repeat(120_000));
    const tooLarge = await run(['import', large]);
    expect(tooLarge.code).not.toBe(0);
    expect(tooLarge.stderr).toMatch(/^targum: import: .*large\.txt is 2\.\d MB, over the 1 MB limit/);
  });
});
