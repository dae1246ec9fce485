/**
 * The fp32 files of an installed catalog model whose own are q8, fetched through the models service from a
 * local imitation of the hub (test/support/fake-hub.ts), the way the Models screen asks for them.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { localCall } from '../../../src/common/api/call';
import type { TransferProgress } from '../../../src/common/api/contract';
import { readAppMetadata } from '../../../src/node/app-metadata';
import { resolveDataPaths } from '../../../src/node/paths';
import { createNodeServices, type NodeServices } from '../../../src/node/services';
import { onnxFilesFor } from '../../../src/node/translation/model-folder';
import { FakeHub } from '../../support/fake-hub';
import { readPhrasebook, tinyModelFolder } from '../../support/tiny-model';

const repo = 'Xenova/opus-mt-tiny-mul-en';
const textFiles = ['config.json', 'generation_config.json', 'tokenizer.json', 'tokenizer_config.json'];
const served = new Map([...textFiles, ...onnxFilesFor.q8, ...onnxFilesFor.fp32].map((file) => [file, readFileSync(path.join(tinyModelFolder, file))]));
const sizeOf = (files: readonly string[]) => files.reduce((sum, file) => sum + served.get(file)!.length, 0);

let hub: FakeHub;
let folder: string;
let services: NodeServices;
let modelsDir: string;

beforeEach(async () => {
  hub = new FakeHub({ repo, revision: 'main', files: served, large: new Set([...onnxFilesFor.q8, ...onnxFilesFor.fp32]) });
  await hub.start();
  folder = mkdtempSync(path.join(os.tmpdir(), 'targum-fp32-'));
  const resourcesDir = path.join(folder, 'resources');
  mkdirSync(path.join(resourcesDir, 'models'), { recursive: true });
  const entry = {
    id: 'tiny-mul-en',
    hubId: repo,
    revision: 'main',
    license: 'MIT',
    family: 'marian',
    from: ['he', 'ar'],
    to: ['en'],
    dtype: 'q8',
    sizeBytes: sizeOf([...textFiles, ...onnxFilesFor.q8]),
    files: [...textFiles, ...onnxFilesFor.q8].map((file) => ({ path: file })),
    fp32Files: onnxFilesFor.fp32.map((file) => ({ path: file })),
    description: 'The tiny test model',
    quality: 'its phrasebook, exactly',
  };
  writeFileSync(path.join(resourcesDir, 'models', 'catalog.json'), JSON.stringify({ version: 1, models: [entry] }));
  const paths = resolveDataPaths({ TARGUM_DATA_DIR: path.join(folder, 'data') });
  modelsDir = paths.modelsDir;
  services = createNodeServices({ host: 'cli', app: readAppMetadata(), paths, resourcesDir, runtime: { node: '20' }, log: () => undefined });
  await services.settings.update({ hubUrl: hub.url }, localCall());
  await services.models.install({ catalogId: 'tiny-mul-en' }, localCall());
});

afterEach(async () => {
  await services.dispose();
  await hub.stop();
  rmSync(folder, { recursive: true, force: true });
});

const fp32FilesIn = (model: string) => onnxFilesFor.fp32.filter((file) => existsSync(path.join(modelsDir, model, file)));

describe('fetching the fp32 files of an installed q8 model', () => {
  it('downloads them with progress, after which the model translates its phrasebook in fp32', async () => {
    expect((await services.models.list({}, localCall()))[0]).toMatchObject({ id: 'tiny-mul-en', dtypes: ['q8'] });
    const progress: TransferProgress[] = [];
    const model = await services.models.installFp32({ id: 'tiny-mul-en' }, localCall({ onProgress: (value) => progress.push(value) }));
    expect([...model.dtypes].sort()).toEqual(['fp32', 'q8']);
    expect(progress.at(-1)).toMatchObject({ done: sizeOf(onnxFilesFor.fp32), total: sizeOf(onnxFilesFor.fp32) });
    expect(new Set(progress.map((value) => value.file?.name))).toEqual(new Set(onnxFilesFor.fp32));
    for (const file of onnxFilesFor.fp32) expect(readFileSync(path.join(modelsDir, 'tiny-mul-en', file)).equals(served.get(file)!)).toBe(true);
    expect(readdirSync(path.join(modelsDir, '.partial'))).toEqual([]);

    await services.models.setPrecision({ id: 'tiny-mul-en', dtype: 'fp32' }, localCall());
    const phrasebook = readPhrasebook().filter((entry) => entry.language === 'ar').slice(0, 6);
    const texts: string[] = [];
    const summary = await services.translation.translate(
      { segments: phrasebook.map((entry, index) => ({ id: `s${index}`, text: entry.source })), from: 'ar', to: 'en' },
      localCall({ onProgress: (value) => texts.push(...value.results.map((result) => result.text)) }),
    );
    expect(summary).toMatchObject({ modelId: 'tiny-mul-en', dtype: 'fp32', translated: 6 });
    expect(texts).toEqual(phrasebook.map((entry) => entry.english));
  });

  it('adds nothing to the model when a file arrives damaged, and resumes what it kept on the next attempt', async () => {
    const [first, damaged] = onnxFilesFor.fp32 as [string, string];
    hub.faults.set(damaged, { corrupt: true });
    await expect(services.models.installFp32({ id: 'tiny-mul-en' }, localCall())).rejects.toThrow(damaged);
    expect(fp32FilesIn('tiny-mul-en')).toEqual([]);
    expect((await services.models.list({}, localCall()))[0]!.dtypes).toEqual(['q8']);

    hub.faults.delete(damaged);
    const firstGets = hub.gets(first).length;
    const model = await services.models.installFp32({ id: 'tiny-mul-en' }, localCall());
    expect([...model.dtypes].sort()).toEqual(['fp32', 'q8']);
    // The file verified the first time is not fetched again.
    expect(hub.gets(first)).toHaveLength(firstGets);
  });

  it('says so for a model the catalog lists no fp32 files for, or that has them already', async () => {
    await services.models.import({ path: tinyModelFolder }, localCall());
    await expect(services.models.installFp32({ id: 'targum-tiny-mul-en' }, localCall())).rejects.toMatchObject({
      code: 'invalid-input',
      message: "Targum's catalog lists no fp32 files for targum-tiny-mul-en",
    });
    await services.models.installFp32({ id: 'tiny-mul-en' }, localCall());
    await expect(services.models.installFp32({ id: 'tiny-mul-en' }, localCall())).rejects.toMatchObject({ message: 'tiny-mul-en has its fp32 files already' });
  });
});
