import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { ModelRegistry } from '../../../src/node/models/model-registry';
import { NoModelError, TranslationService, type SegmentTranslated } from '../../../src/node/translation/translation-service';
import { readPhrasebook, registryWithTinyModel, removeTemporaryModels } from '../../support/tiny-model';

const phrasebook = readPhrasebook();
const services: TranslationService[] = [];

function serviceFor(registry: ModelRegistry, batchSize = 4, onResult: (results: SegmentTranslated[]) => void = () => undefined) {
  const results: SegmentTranslated[] = [];
  const progress: Array<[number, number]> = [];
  const service = new TranslationService({
    registry,
    threads: async () => 2,
    onSegment: (result) => {
      results.push(result);
      onResult(results);
    },
    onProgress: (_requestId, done, total) => progress.push([done, total]),
    batchSizes: { first: batchSize, rest: batchSize },
  });
  services.push(service);
  return { service, results, progress };
}

afterEach(async () => {
  await Promise.all(services.splice(0).map((service) => service.dispose()));
});

describe('the translation queue', () => {
  it('streams each sentence as its batch finishes, with progress, recording the model and precision', async () => {
    const { registry } = await registryWithTinyModel();
    const { service, results, progress } = serviceFor(registry);
    const hebrew = phrasebook.filter((entry) => entry.language === 'he').slice(0, 10);
    const summary = await service.translate({ requestId: 'r1', segments: hebrew.map((entry, index) => ({ id: `s${index}`, text: entry.source })), to: 'en' });
    expect(summary).toEqual({ requestId: 'r1', translated: 10, cancelled: false, modelId: 'targum-tiny-mul-en', dtype: 'q8' });
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
    const { service, results } = serviceFor(registry, 2, (sofar) => sofar.length === 2 && service.prioritize('r2', ['s5']));
    const segments = phrasebook.slice(0, 8).map((entry, index) => ({ id: `s${index}`, text: entry.source }));
    await service.translate({ requestId: 'r2', segments, to: 'en', from: 'ar', priority: ['s6', 's7'] });
    expect(results.slice(0, 2).map((result) => result.segmentId)).toEqual(['s6', 's7']);
    expect(results[2]!.segmentId).toBe('s5');
    expect(results).toHaveLength(8);
  });

  it('stops a cancelled request after the batch in hand and says so', async () => {
    const { registry } = await registryWithTinyModel();
    const { service, results } = serviceFor(registry, 2);
    const segments = phrasebook.slice(0, 20).map((entry, index) => ({ id: `s${index}`, text: entry.source }));
    const running = service.translate({ requestId: 'r3', segments, to: 'en', from: 'ar' });
    service.cancel('r3');
    const summary = await running;
    expect(summary.cancelled).toBe(true);
    expect(results.length).toBeLessThan(20);
    expect(summary.translated).toBe(results.length);
  });

  it('says which direction lacks a model', async () => {
    const { registry } = await registryWithTinyModel();
    const { service } = serviceFor(registry);
    await expect(service.translate({ requestId: 'r4', segments: [{ id: 'a', text: 'Hello there.' }], to: 'he' })).rejects.toBeInstanceOf(NoModelError);
    await expect(service.translate({ requestId: 'r5', segments: [{ id: 'a', text: 'שלום' }], to: 'en', modelId: 'missing' })).rejects.toThrow('no model "missing"');
  });
});

afterAll(removeTemporaryModels);
