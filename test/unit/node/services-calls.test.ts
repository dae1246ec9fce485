import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CallCancellation, localCall } from '../../../src/common/api/call';
import type { TransferProgress } from '../../../src/common/api/contract';
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

function services() {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-services-'));
  dataDirs.push(dataDir);
  const paths = resolveDataPaths({ TARGUM_DATA_DIR: dataDir });
  const created = createNodeServices({ host: 'cli', app: readAppMetadata(), paths, resourcesDir: path.join(dataDir, 'no-resources'), runtime: { node: '20' }, log: () => undefined });
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
