import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogEntrySchema } from '../../../src/common/api/contract';
import { modelManifestSchema, onnxFilesFor } from '../../../src/node/translation/model-folder';
import {
  catalogEntriesFor,
  CatalogError,
  defaultCatalogEntry,
  downloadRequestFor,
  loadCatalog,
  type ModelCatalog,
} from '../../../src/node/models/catalog';
import { isRecommendedFor } from '../../../src/common/models/model-info';
import { textLanguages } from '../../../src/common/text/language';

const resourcesDir = path.resolve(import.meta.dirname, '../../../resources');

describe('the shipped model catalog', () => {
  it('parses', async () => {
    const catalog = await loadCatalog(resourcesDir);
    expect(catalog.models.length).toBeGreaterThanOrEqual(2);
    // The API hands the entries out as they are.
    for (const model of catalog.models) expect(catalogEntrySchema.safeParse(model).success, model.id).toBe(true);
  });

  it('downloads a model whose files are pinned at the commit its pins were listed at, so a change on the hub cannot refuse it', async () => {
    const catalog = await loadCatalog(resourcesDir);
    const pinned = catalog.models.filter((model) => [...model.files, ...(model.fp32Files ?? [])].some((file) => file.sha256 !== undefined));
    expect(pinned.length).toBeGreaterThanOrEqual(1);
    for (const model of pinned) expect(model.revision, model.id).toMatch(/^[0-9a-f]{40}$/);
  });

  it('recommends exactly one model for Arabic to English and one for Hebrew to English, and at most one for any direction', async () => {
    const catalog = await loadCatalog(resourcesDir);
    for (const [from, to] of [
      ['ar', 'en'],
      ['he', 'en'],
    ] as const) {
      expect(catalog.models.filter((model) => isRecommendedFor(model, from, to)).map((model) => model.id)).toHaveLength(1);
    }
    for (const from of textLanguages) {
      for (const to of textLanguages) {
        expect(catalog.models.filter((model) => isRecommendedFor(model, from, to)).length, `${from}-${to}`).toBeLessThanOrEqual(1);
      }
    }
    expect(defaultCatalogEntry(catalog, 'ar', 'en')?.id).toBe('opus-mt-ar-en');
    expect(defaultCatalogEntry(catalog, 'he', 'en')?.id).toBe('nllb-200-distilled-600M');
  });

  it('lists for every model config.json, the tokenizer and the two ONNX files of its precision', async () => {
    const catalog = await loadCatalog(resourcesDir);
    for (const model of catalog.models) {
      const paths = model.files.map((file) => file.path);
      for (const needed of ['config.json', 'tokenizer.json', 'tokenizer_config.json', ...onnxFilesFor[model.dtype]]) expect(paths, model.id).toContain(needed);
      expect(new Set(paths).size, model.id).toBe(paths.length);
      expect(model.sizeBytes).toBeGreaterThan(10_000_000);
    }
  });

  it('lists the fp32 files of every q8 model too, for a model whose q8 files prove unreliable', async () => {
    const catalog = await loadCatalog(resourcesDir);
    for (const model of catalog.models.filter((entry) => entry.dtype === 'q8')) {
      expect(model.fp32Files?.map((file) => file.path), model.id).toEqual([...onnxFilesFor.fp32]);
    }
  });

  it('puts the recommended model first for a direction', async () => {
    const catalog = await loadCatalog(resourcesDir);
    const heEn = catalogEntriesFor(catalog, 'he', 'en').map((model) => model.id);
    expect(heEn[0]).toBe('nllb-200-distilled-600M');
    expect(heEn).toContain('opus-mt-mul-en');
    const arEn = catalogEntriesFor(catalog, 'ar', 'en').map((model) => model.id);
    expect(arEn[0]).toBe('opus-mt-ar-en');
    expect(catalogEntriesFor(catalog, 'en', 'en')).toEqual([]);
  });

  it('turns an entry into a download staged beside the models, with a valid manifest', async () => {
    const catalog = await loadCatalog(resourcesDir);
    const model = defaultCatalogEntry(catalog, 'ar', 'en')!;
    const request = downloadRequestFor(model, { hubUrl: 'https://hf-mirror.com', modelsDir: '/data/models' });
    expect(request).toMatchObject({
      hubUrl: 'https://hf-mirror.com',
      repo: 'Xenova/opus-mt-ar-en',
      revision: 'main',
      destination: path.join('/data/models', 'opus-mt-ar-en'),
      stagingDir: path.join('/data/models', '.partial', 'opus-mt-ar-en'),
    });
    expect(request.files.map((file) => file.path)).toEqual(model.files.map((file) => file.path));
    expect(modelManifestSchema.parse(request.manifest)).toMatchObject({ id: 'opus-mt-ar-en', from: ['ar'], to: ['en'], family: 'marian', source: 'installed' });
  });
});

describe('loadCatalog', () => {
  async function withCatalog(content: unknown): Promise<ModelCatalog> {
    const folder = await mkdtemp(path.join(os.tmpdir(), 'targum-catalog-'));
    try {
      await mkdir(path.join(folder, 'models'));
      await writeFile(path.join(folder, 'models', 'catalog.json'), typeof content === 'string' ? content : JSON.stringify(content));
      return await loadCatalog(folder);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  it('rejects an entry that lacks a file of its precision, naming both', async () => {
    const shipped = JSON.parse(await readFile(path.join(resourcesDir, 'models', 'catalog.json'), 'utf8')) as { models: Array<{ files: Array<{ path: string }> }> };
    shipped.models[0]!.files = shipped.models[0]!.files.filter((file) => file.path !== 'onnx/decoder_model_merged_quantized.onnx');
    await expect(withCatalog(shipped)).rejects.toThrow(/opus-mt-ar-en does not list onnx\/decoder_model_merged_quantized.onnx/);
  });

  it('rejects a file that is not JSON', async () => {
    await expect(withCatalog('{ nope')).rejects.toBeInstanceOf(CatalogError);
  });
});
