import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelInfo } from '../../../src/common/models/model-info';
import { TranslationModel } from '../../../src/node/translation/translation-model';
import { readPhrasebook, registryWithTinyModel, removeTemporaryModels } from '../../support/tiny-model';

const phrasebook = readPhrasebook();
let info: ModelInfo;
const loaded: TranslationModel[] = [];

async function load(dtype: 'q8' | 'fp32'): Promise<TranslationModel> {
  const model = await TranslationModel.load(info, { dtype, threads: 2 });
  loaded.push(model);
  return model;
}

beforeAll(async () => {
  const { registry } = await registryWithTinyModel();
  info = await registry.get('targum-tiny-mul-en');
});
afterAll(async () => {
  await Promise.all(loaded.map((model) => model.dispose()));
});

describe('the translation engine on the tiny trained model', () => {
  it('is found as a Marian model translating Hebrew and Arabic into English, in both precisions', () => {
    expect(info).toMatchObject({ family: 'marian', from: ['he', 'ar'], to: ['en'], dtypes: ['fp32', 'q8'], source: 'imported' });
  });

  it.each(['q8', 'fp32'] as const)('reproduces every phrasebook sentence in batches (%s, greedy)', async (dtype) => {
    const model = await load(dtype);
    const wrong: string[] = [];
    for (let start = 0; start < phrasebook.length; start += 16) {
      const batch = phrasebook.slice(start, start + 16);
      const results = await model.translateBatch(
        batch.map((entry) => entry.source),
        { from: batch[0]!.language, to: 'en', beams: 1 },
      );
      results.forEach((result, index) => {
        if (result.text !== batch[index]!.english) wrong.push(`${batch[index]!.source} → ${result.text}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('keeps finished rows finished: a batch of very different lengths gives each sentence its own translation', async () => {
    const model = await load('q8');
    const byLength = [...phrasebook].sort((a, b) => a.source.length - b.source.length);
    const batch = [byLength[0]!, byLength.at(-1)!, byLength[1]!, byLength.at(-2)!, byLength[2]!];
    expect(batch[1]!.english.length).toBeGreaterThan(5 * batch[0]!.english.length);
    const together = await model.translateBatch(
      batch.map((entry) => entry.source),
      { from: 'ar', to: 'en', beams: 1 },
    );
    expect(together.map((result) => result.text)).toEqual(batch.map((entry) => entry.english));
    const alone = await model.translateBatch([batch[0]!.source], { from: 'ar', to: 'en', beams: 1 });
    expect(together[0]!.tokens).toBe(alone[0]!.tokens);
  });

  it('decodes with beam search, finding translations at least as likely as greedy', async () => {
    const model = await load('q8');
    const sample = phrasebook.filter((_, index) => index % 10 === 0);
    const sources = sample.map((entry) => entry.source);
    const greedy = await model.translateBatch(sources, { from: 'he', to: 'en', beams: 1, withScores: true });
    const beam = await model.translateBatch(sources, { from: 'he', to: 'en', beams: 4 });
    expect(beam.map((result) => result.text)).toEqual(sample.map((entry) => entry.english));
    // q8 quantises activations per batch, so the same tokens score a little differently in another batch.
    beam.forEach((result, index) => expect(result.logProb).toBeGreaterThanOrEqual(greedy[index]!.logProb - 0.01));
    expect(greedy.every((result) => result.logProb < 0)).toBe(true);
  });

  it('translates empty sentences to empty text without running the model on them', async () => {
    const model = await load('q8');
    const results = await model.translateBatch(['', phrasebook[0]!.source, '   '], { from: 'ar', to: 'en', beams: 1 });
    expect(results.map((result) => result.text)).toEqual(['', phrasebook[0]!.english, '']);
  });

  it('can be forced to an exact output length (as the benchmark does)', async () => {
    const model = await load('q8');
    const [result] = await model.translateBatch([phrasebook[0]!.source], { from: 'ar', to: 'en', beams: 1, exactNewTokens: 40 });
    expect(result!.tokens).toBe(40);
  });
});

afterAll(removeTemporaryModels);
