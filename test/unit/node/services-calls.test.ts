import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CallCancellation, localCall } from '../../../src/common/api/call';
import { methodSchemas, type HostKind, type TransferProgress } from '../../../src/common/api/contract';
import { ApiCallError } from '../../../src/common/api/reply';
import { readAppMetadata } from '../../../src/node/app-metadata';
import { FetchArticleError } from '../../../src/node/import/fetch-article';
import { ModelDownloadError } from '../../../src/node/models/hub-download/errors';
import { resolveDataPaths } from '../../../src/node/paths';
import { createNodeServices } from '../../../src/node/services';
import { typedError } from '../../../src/node/services/errors';
import { ModelFolderError } from '../../../src/node/translation/model-folder';
import { tinyModelFolder } from '../../support/tiny-model';

const dataDirs: string[] = [];

function services(host: HostKind = 'cli') {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-services-'));
  dataDirs.push(dataDir);
  const paths = resolveDataPaths({ TARGUM_DATA_DIR: dataDir });
  const created = createNodeServices({ host, app: readAppMetadata(), paths, resourcesDir: path.join(dataDir, 'no-resources'), runtime: { node: '20' }, log: () => undefined });
  return { services: created, modelsDir: paths.modelsDir };
}

afterAll(() => dataDirs.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

describe('the services’ errors', () => {
  it('carry the code the interface acts on, with the message unchanged', () => {
    expect(typedError(new ModelDownloadError('network', 'the connection closed'))).toEqual(new ApiCallError('offline', 'the connection closed'));
    expect(typedError(new ModelDownloadError('disk-space', 'the disk is full'))).toMatchObject({ code: 'disk-full' });
    expect(typedError(new ModelFolderError('/x is not a folder'))).toEqual(new ApiCallError('invalid-input', '/x is not a folder'));
    expect(typedError(new FetchArticleError('news.example could not be found: you may be offline', true))).toMatchObject({ code: 'offline' });
    expect(typedError(new FetchArticleError('news.example answered 404 Not Found'))).toMatchObject({ code: 'failed' });
    const other = new Error('surprise');
    expect(typedError(other)).toBe(other);
  });
});

describe('importing a model folder through the models service', () => {
  it('reports the bytes copied and ends with the model', async () => {
    const { services: created } = services();
    const progress: TransferProgress[] = [];
    const model = await created.models.import({ path: tinyModelFolder }, localCall({ onProgress: (value) => progress.push(value) }));
    expect(model.id).toBe('targum-tiny-mul-en');
    expect(progress.length).toBeGreaterThan(1);
    expect(progress.at(-1)!.done).toBe(progress.at(-1)!.total);
    expect(progress.every((value, index) => index === 0 || value.done >= progress[index - 1]!.done)).toBe(true);
  });

  it('stops when its caller cancels, leaving no model and no half-copied folder', async () => {
    const { services: created, modelsDir } = services();
    const cancellation = new CallCancellation();
    const importing = created.models.import({ path: tinyModelFolder }, localCall({ signal: cancellation, onProgress: () => cancellation.abort() }));
    await expect(importing).rejects.toMatchObject({ code: 'cancelled' });
    expect(await created.models.list({}, localCall())).toEqual([]);
    expect(existsSync(path.join(modelsDir, 'targum-tiny-mul-en'))).toBe(false);
    expect(readdirSync(path.join(modelsDir, '.partial'))).toEqual([]);
  });
});

describe('a model folder uploaded from the web page and imported again', () => {
  async function upload(created: ReturnType<typeof services>['services'], folder: string, chunkBytes: number): Promise<string> {
    const files = readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(folder, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    const { uploadId } = await created.models.uploadBegin(
      { name: path.basename(folder), files: files.map((file) => ({ path: file, size: statSync(path.join(folder, file)).size })) },
      localCall(),
    );
    for (const file of files) {
      const bytes = readFileSync(path.join(folder, file));
      for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
        await created.models.uploadChunk({ uploadId, path: file, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') }, localCall());
      }
    }
    return uploadId;
  }

  it('arrives whole in pieces, imports like the folder itself and leaves no staging copy', async () => {
    const { services: created, modelsDir } = services();
    const uploadId = await upload(created, tinyModelFolder, 256 * 1024);
    const model = await created.models.import({ uploadId }, localCall());
    expect(model).toMatchObject({ id: 'targum-tiny-mul-en', source: 'imported' });
    expect(readdirSync(path.join(modelsDir, '.partial', 'uploads'))).toEqual([]);
    const original = readFileSync(path.join(tinyModelFolder, 'onnx', 'decoder_model_merged_quantized.onnx'));
    expect(readFileSync(path.join(model.path, 'onnx', 'decoder_model_merged_quantized.onnx')).equals(original)).toBe(true);
  });

  it('refuses an incomplete upload, a piece out of order and a piece past the announced size', async () => {
    const { services: created } = services();
    const { uploadId } = await created.models.uploadBegin({ name: 'm', files: [{ path: 'config.json', size: 4 }] }, localCall());
    await expect(created.models.uploadChunk({ uploadId, path: 'config.json', offset: 2, data: 'e30=' }, localCall())).rejects.toMatchObject({ code: 'invalid-input' });
    await expect(created.models.import({ uploadId }, localCall())).rejects.toThrow(/incomplete/);
    await expect(created.models.uploadChunk({ uploadId, path: 'config.json', offset: 0, data: Buffer.from('{}{}{}').toString('base64') }, localCall())).rejects.toThrow(
      /larger than announced/,
    );
    await expect(created.models.uploadChunk({ uploadId, path: 'other.json', offset: 0, data: 'e30=' }, localCall())).rejects.toThrow(/not one of/);
  });

  it('asks, the second time, whether to replace the model or keep both, and does either', async () => {
    const { services: created } = services();
    await created.models.import({ path: tinyModelFolder }, localCall());
    await expect(created.models.import({ uploadId: await upload(created, tinyModelFolder, 1024 * 1024) }, localCall())).rejects.toMatchObject({ code: 'exists' });
    const kept = await created.models.import({ path: tinyModelFolder, ifExists: 'keep-both' }, localCall());
    expect(kept.id).toBe('targum-tiny-mul-en-2');
    const replaced = await created.models.import({ path: tinyModelFolder, ifExists: 'replace' }, localCall());
    expect(replaced.id).toBe('targum-tiny-mul-en');
    expect((await created.models.list({}, localCall())).map((model) => model.id)).toEqual(['targum-tiny-mul-en', 'targum-tiny-mul-en-2']);
  });
});

describe('the upload calls’ parameters', () => {
  it('take only relative paths inside the folder and pieces of at most 4 MB', () => {
    const begin = methodSchemas('models.uploadBegin')!.params;
    const chunk = methodSchemas('models.uploadChunk')!.params;
    const file = (filePath: string) => ({ name: 'model', files: [{ path: filePath, size: 1 }] });
    expect(begin.safeParse(file('onnx/encoder_model.onnx')).success).toBe(true);
    for (const bad of ['../x', 'onnx/../../x', '/etc/passwd', 'a//b', './a', 'C:\\x', 'a\\..\\b']) expect(begin.safeParse(file(bad)).success, bad).toBe(false);
    expect(begin.safeParse({ name: '..', files: [{ path: 'a', size: 1 }] }).success).toBe(false);
    const id = '123e4567-e89b-12d3-a456-426614174000';
    expect(chunk.safeParse({ uploadId: id, path: 'a', offset: 0, data: Buffer.alloc(4 * 1024 * 1024).toString('base64') }).success).toBe(true);
    expect(chunk.safeParse({ uploadId: id, path: 'a', offset: 0, data: Buffer.alloc(4 * 1024 * 1024 + 3).toString('base64') }).success).toBe(false);
  });
});

describe('the team service in the services process', () => {
  it('keeps the team in the data folder for the web host and the command line, and leaves it to the main process on the desktop', async () => {
    expect(await services('web').services.team.get({}, localCall())).toEqual({ config: null, hasPassword: false });
    await expect(services('desktop').services.team.get({}, localCall())).rejects.toMatchObject({ code: 'unavailable' });
    await expect(
      services('desktop').services.team.configure({ serverUrl: 'https://couch.example.org', database: 'desk', user: 'dana', password: 'pw', memberName: 'Dana' }, localCall()),
    ).rejects.toMatchObject({ code: 'unavailable' });
  });
});
