import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import type { ModelRegistry } from '../../../src/node/models/model-registry';
import type { SegmentTranslated } from '../../../src/common/api/contract';
import { NoModelError, TranslationService, type TranslationJob } from '../../../src/node/translation/translation-service';
import { TranslationModel } from '../../../src/node/translation/translation-model';
import { readPhrasebook, registryWithTinyModel, removeTemporaryModels } from '../../support/tiny-model';

const phrasebook = readPhrasebook();
const services: TranslationService[] = [];

function serviceFor(registry: ModelRegistry, batchSize = 4) {
  const service = new TranslationService({ registry, threads: async () => 2, batchSizes: { first: batchSize, rest: batchSize } });
  services.push(service);
  return service;
}

/** A caller that keeps every result and progress message, and may act after each batch. */
function caller(onBatch: (results: SegmentTranslated[]) => void = () => undefined, signal?: AbortSignal) {
  const results: SegmentTranslated[] = [];
  const progress: Array<[number, number]> = [];
  const batches: number[] = [];
  return {
    results,
    progress,
    batches,
    signal,
    onProgress: ({ done, total, results: batch }: { done: number; total: number; results: SegmentTranslated[] }) => {
      progress.push([done, total]);
      if (batch.length > 0) batches.push(batch.length);
      results.push(...batch);
      if (batch.length > 0) onBatch(results);
    },
  };
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.dispose()));
});

describe('the translation queue', () => {
  it('sends each batch as one message when it finishes, with progress, recording the model and precision', async () => {
    const { registry } = await registryWithTinyModel();
    const service = serviceFor(registry);
    const { results, progress, batches, ...listener } = caller();
    const hebrew = phrasebook.filter((entry) => entry.language === 'he').slice(0, 10);
    const summary = await service.translate({ segments: hebrew.map((entry, index) => ({ id: `s${index}`, text: entry.source })), to: 'en' }, listener).result;
    expect(summary).toEqual({ translated: 10, cancelled: false, modelId: 'targum-tiny-mul-en', dtype: 'q8' });
    expect(batches).toEqual([4, 4, 2]);
    expect(results.map((result) => result.text)).toEqual(hebrew.map((entry) => entry.english));
    expect(results.every((result) => result.modelId === 'targum-tiny-mul-en' && result.dtype === 'q8')).toBe(true);
    expect(progress).toEqual([
      [0, 10],
      [4, 10],
      [8, 10],
      [10, 10],
    ]);
  });

  it('translates the sentences on screen first, and moves others forward while running', async () => {
    const { registry } = await registryWithTinyModel();
    // Once the first batch is in, the reader scrolls: s5 comes on screen.
    const service = serviceFor(registry, 2);
    const running: { job?: TranslationJob } = {};
    const { results, progress: _progress, batches: _batches, ...listener } = caller((sofar) => sofar.length === 2 && running.job?.prioritize(['s5']));
    const segments = phrasebook.slice(0, 8).map((entry, index) => ({ id: `s${index}`, text: entry.source }));
    running.job = service.translate({ segments, to: 'en', from: 'ar', priority: ['s6', 's7'] }, listener);
    await running.job.result;
    expect(results.slice(0, 2).map((result) => result.segmentId)).toEqual(['s6', 's7']);
    expect(results[2]!.segmentId).toBe('s5');
    expect(results).toHaveLength(8);
  });

  it('stops a request its caller cancels after the batch in hand and says so, and runs the next', async () => {
    const { registry } = await registryWithTinyModel();
    const service = serviceFor(registry, 2);
    const controller = new AbortController();
    const { results, progress: _progress, batches: _batches, ...listener } = caller(() => controller.abort(), controller.signal);
    const segments = phrasebook.slice(0, 20).map((entry, index) => ({ id: `s${index}`, text: entry.source }));
    const summary = await service.translate({ segments, to: 'en', from: 'ar' }, listener).result;
    expect(summary.cancelled).toBe(true);
    expect(results.length).toBeLessThan(20);
    expect(summary.translated).toBe(results.length);
    // The same sentences again, at once: nothing is left running or reserved by the cancelled request.
    const again = await service.translate({ segments, to: 'en', from: 'ar' }, caller()).result;
    expect(again).toMatchObject({ translated: 20, cancelled: false });
  });

  it('lets a running request finish with a model unloaded under it, then releases the model', async () => {
    const { registry } = await registryWithTinyModel();
    const service = serviceFor(registry, 2);
    const modelPath = (await registry.get('targum-tiny-mul-en')).path;
    const released = vi.spyOn(TranslationModel.prototype, 'dispose');
    try {
      const unloading: Array<Promise<void>> = [];
      const { results, progress: _progress, batches: _batches, ...listener } = caller((sofar) => {
        if (sofar.length === 2) unloading.push(service.unload(modelPath));
      });
      const entries = phrasebook.slice(0, 6);
      await service.translate({ segments: entries.map((entry, index) => ({ id: `s${index}`, text: entry.source })), to: 'en', from: 'ar' }, listener).result;
      await Promise.all(unloading);
      expect(results.map((result) => result.text)).toEqual(entries.map((entry) => entry.english));
      await vi.waitFor(() => expect(released).toHaveBeenCalledTimes(1));
    } finally {
      released.mockRestore();
    }
  });

  it('says which direction lacks a model', async () => {
    const { registry } = await registryWithTinyModel();
    const service = serviceFor(registry);
    const noModel = service.translate({ segments: [{ id: 'a', text: 'Hello there.' }], to: 'he' }, caller()).result;
    await expect(noModel).rejects.toBeInstanceOf(NoModelError);
    await expect(noModel).rejects.toMatchObject({ code: 'no-model' });
    await expect(service.translate({ segments: [{ id: 'a', text: 'שלום' }], to: 'en', modelId: 'missing' }, caller()).result).rejects.toMatchObject({
      code: 'no-model',
      message: expect.stringContaining('no model "missing"'),
    });
  });
});

afterAll(removeTemporaryModels);
