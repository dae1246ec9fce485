/**
 * npm run bench:translate — the engine against a raw onnxruntime-node loop and against a plain
 * transformers.js translation pipeline, on a full-size (random-weight) OPUS-MT-shaped model, q8 and fp32.
 * Prints figures; asserts nothing. Ends with one `summary:` line.
 *
 * Workloads, on the sentences of seed 003:
 * - fixed: each sentence forced to exactly 40 generated tokens, so runs are comparable with earlier ones;
 * - realistic: each sentence ends where the random model ends it, at ceil(source tokens × U(0.8, 1.3)) with
 *   U drawn per sentence (scripts/models/make_random_model.py), as real sentences end at different times.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as ort from 'onnxruntime-node';
import { segmentText } from '../../src/common/text/segmenter';
import { inspectModelFolder } from '../../src/node/translation/model-folder';
import { defaultServiceSettings } from '../../src/node/services/settings-store';
import { batchSizes } from '../../src/node/translation/translation-service';
import { TranslationModel } from '../../src/node/translation/translation-model';
import { readPhrasebook, tinyModelFolder } from '../../test/support/tiny-model';
import { env as transformersEnv, pipeline, type TranslationPipeline } from '@huggingface/transformers';

/** The batches the translation service's queue makes of an article translated in order: a small first batch, then larger ones. */
function planBatches<T>(items: readonly T[]): T[][] {
  const batches: T[][] = [];
  for (let start = 0; start < items.length; ) {
    const size = batches.length === 0 ? batchSizes.first : batchSizes.rest;
    batches.push(items.slice(start, start + size));
    start += size;
  }
  return batches;
}

const newTokens = 40;
const { threads } = defaultServiceSettings({});
// The model that ends its sentences; an older cached one (which never stops) lives in .cache/bench/ itself.
const modelDir = path.resolve('.cache/bench/stopping/targum-random-mul-en');
const article = segmentText(readFileSync(path.resolve('resources/samples/003_fe292405636c0dc5.txt'), 'utf8'), 'ar').flat();

function ensureRandomModel(): void {
  if (existsSync(path.join(modelDir, 'onnx', 'decoder_model_merged_quantized.onnx'))) return;
  console.log(`Generating the random full-size model in ${modelDir} (once; needs Debian's python3-numpy, python3-torch, python3-onnx, python3-sentencepiece)…`);
  // The script installs missing Debian packages with apt-get when run as root, and otherwise names them.
  const result = spawnSync('/usr/bin/python3', ['scripts/models/make_random_model.py', modelDir], { stdio: 'inherit' });
  if (result.error || result.status !== 0) {
    const why = result.error ? `${result.error.message} (is /usr/bin/python3 installed? apt-get install python3)` : 'see the lines above';
    console.error(`bench: could not generate the random model: ${why}`);
    process.exit(1);
  }
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, index) => items.slice(index * size, (index + 1) * size));

/** The baseline: greedy decoding with a key/value cache straight on onnxruntime-node, argmax in JS. */
async function rawRunner(folder: string, dtype: 'q8' | 'fp32') {
  const suffix = dtype === 'q8' ? '_quantized' : '';
  const options: ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    graphOptimizationLevel: 'all',
  };
  const encoder = await ort.InferenceSession.create(path.join(folder, 'onnx', `encoder_model${suffix}.onnx`), options);
  const decoder = await ort.InferenceSession.create(path.join(folder, 'onnx', `decoder_model_merged${suffix}.onnx`), options);
  const config = JSON.parse(readFileSync(path.join(folder, 'config.json'), 'utf8')) as {
    decoder_layers: number;
    decoder_attention_heads: number;
    d_model: number;
    pad_token_id: number;
    decoder_start_token_id: number;
  };
  const heads = config.decoder_attention_heads;
  const headDim = config.d_model / heads;
  const run = async (batch: number[][]) => {
    const rows = batch.length;
    const length = Math.max(...batch.map((ids) => ids.length));
    const inputIds = new BigInt64Array(rows * length).fill(BigInt(config.pad_token_id));
    const mask = new BigInt64Array(rows * length);
    batch.forEach((ids, row) =>
      ids.forEach((id, position) => {
        inputIds[row * length + position] = BigInt(id);
        mask[row * length + position] = 1n;
      }),
    );
    const maskTensor = new ort.Tensor('int64', mask, [rows, length]);
    const { last_hidden_state: hidden } = await encoder.run({ input_ids: new ort.Tensor('int64', inputIds, [rows, length]), attention_mask: maskTensor });
    const past: Record<string, ort.Tensor> = {};
    for (let layer = 0; layer < config.decoder_layers; layer++) {
      for (const part of ['decoder.key', 'decoder.value', 'encoder.key', 'encoder.value']) {
        past[`past_key_values.${layer}.${part}`] = new ort.Tensor('float32', new Float32Array(0), [rows, heads, 0, headDim]);
      }
    }
    let tokens = new BigInt64Array(rows).fill(BigInt(config.decoder_start_token_id));
    const laterFetches = decoder.outputNames.filter((name) => !name.includes('.encoder.'));
    for (let step = 0; step < newTokens; step++) {
      const feeds = { input_ids: new ort.Tensor('int64', tokens, [rows, 1]), encoder_attention_mask: maskTensor, encoder_hidden_states: hidden!, ...past };
      const outputs = await decoder.run(feeds, step === 0 ? [...decoder.outputNames] : laterFetches);
      const logits = outputs.logits!;
      const vocab = logits.dims[2]!;
      const data = logits.data as Float32Array;
      const next = new BigInt64Array(rows);
      for (let row = 0; row < rows; row++) {
        let best = 0;
        for (let token = 1; token < vocab; token++) if (data[row * vocab + token]! > data[row * vocab + best]!) best = token;
        next[row] = BigInt(best);
      }
      for (let layer = 0; layer < config.decoder_layers; layer++) {
        past[`past_key_values.${layer}.decoder.key`] = outputs[`present.${layer}.decoder.key`]!;
        past[`past_key_values.${layer}.decoder.value`] = outputs[`present.${layer}.decoder.value`]!;
        if (step === 0) {
          past[`past_key_values.${layer}.encoder.key`] = outputs[`present.${layer}.encoder.key`]!;
          past[`past_key_values.${layer}.encoder.value`] = outputs[`present.${layer}.encoder.value`]!;
        }
      }
      tokens = next;
    }
  };
  return {
    /** Milliseconds for all the batches, one after another. */
    time: async (batches: number[][][]) => {
      const start = performance.now();
      for (const batch of batches) await run(batch);
      return performance.now() - start;
    },
    release: async () => {
      await encoder.release();
      await decoder.release();
    },
  };
}

/** Runs two timings alternately, `rounds` times each, and keeps the best of each (this VM's timings wander). */
async function bestOfAlternating(rounds: number, first: () => Promise<number>, second: () => Promise<number>): Promise<[number, number]> {
  let best: [number, number] = [Infinity, Infinity];
  for (let round = 0; round < rounds; round++) best = [Math.min(best[0], await first()), Math.min(best[1], await second())];
  return best;
}

interface DtypeFigures {
  engineMs: number;
  rawMs: number;
  firstSentenceMs: number;
  perSentenceMs: number;
}

async function measure(dtype: 'q8' | 'fp32'): Promise<DtypeFigures> {
  const info = await inspectModelFolder(modelDir);
  const model = await TranslationModel.load(info, { dtype, threads });
  const options = { from: 'ar' as const, to: 'en' as const, beams: 1, exactNewTokens: newTokens };
  await model.translateBatch([article[1]!], options);

  // (b) sentence by sentence: what a reader waits for the first sentence
  const sentenceTimes: number[] = [];
  for (const sentence of article) {
    const start = performance.now();
    await model.translateBatch([sentence], options);
    sentenceTimes.push(performance.now() - start);
  }

  // (c) the whole article, in the batches the translation queue makes, against (a) the raw loop over the
  // same files, with the same token ids and the same batches
  const batches = planBatches(article);
  const raw = await rawRunner(info.path, dtype);
  const rawBatches = batches.map((batch) => batch.map((sentence) => model.sourceIds(sentence, 'ar', 'en')));
  await raw.time([rawBatches[0]!.slice(0, 1)]);
  const [engineMs, rawMs] = await bestOfAlternating(
    3,
    async () => {
      const start = performance.now();
      for (const batch of batches) await model.translateBatch(batch, options);
      return performance.now() - start;
    },
    () => raw.time(rawBatches),
  );
  await raw.release();

  const tokens = article.length * newTokens;
  const sentenceTotal = sentenceTimes.reduce((sum, value) => sum + value, 0);
  console.log(`\n${dtype}: ${article.length} sentences × ${newTokens} tokens, ${threads} threads, batches of ${batchSizes.first} then ${batchSizes.rest}`);
  console.log('  (a) and (c): best of 3 runs each, alternated');
  console.log(`  (a) raw onnxruntime loop, batched   ${seconds(rawMs)} s   ${(tokens / (rawMs / 1000)).toFixed(0)} tokens/s`);
  console.log(`  (b) engine, sentence by sentence    ${seconds(sentenceTotal)} s   ${(sentenceTotal / article.length).toFixed(1)} ms/sentence   first sentence ${seconds(sentenceTimes[0]!)} s`);
  console.log(`  (c) engine, whole article batched   ${seconds(engineMs)} s   ${(tokens / (engineMs / 1000)).toFixed(0)} tokens/s   ${(engineMs / article.length).toFixed(1)} ms/sentence`);
  console.log(`  engine/raw throughput ratio         ${(rawMs / engineMs).toFixed(3)}`);

  if (dtype === 'q8') {
    console.log('  batch size (engine, whole article):');
    for (const size of [1, 4, 8, 16, article.length]) {
      const sized = chunks(article, size);
      const begin = performance.now();
      for (const batch of sized) await model.translateBatch(batch, options);
      const total = performance.now() - begin;
      console.log(`    ${String(size).padStart(3)}: ${seconds(total)} s  (first batch ready after ~${seconds(total / sized.length)} s)`);
    }
    console.log('  threads (engine, whole article):');
    for (const count of [1, 2]) {
      const other = await TranslationModel.load(info, { dtype, threads: count });
      await other.translateBatch([article[1]!], options);
      const begin = performance.now();
      for (const batch of batches) await other.translateBatch(batch, options);
      console.log(`    ${count}: ${seconds(performance.now() - begin)} s`);
      await other.dispose();
    }
    console.log('  beams (engine, whole article, 40 tokens):');
    for (const beams of [2, 4]) {
      const begin = performance.now();
      for (const batch of batches) await model.translateBatch(batch, { ...options, beams });
      console.log(`    ${beams}: ${seconds(performance.now() - begin)} s`);
    }
  }
  await model.dispose();
  return { engineMs, rawMs, firstSentenceMs: sentenceTimes[0]!, perSentenceMs: sentenceTotal / article.length };
}

/** A plain transformers.js translation pipeline on the same folder, as a developer would first reach for it. */
async function loadPipeline(dtype: 'q8' | 'fp32'): Promise<TranslationPipeline> {
  transformersEnv.allowRemoteModels = false;
  transformersEnv.localModelPath = `${path.dirname(modelDir)}${path.sep}`;
  return (await pipeline('translation', path.basename(modelDir), {
    dtype,
    session_options: { intraOpNumThreads: threads, interOpNumThreads: 1 },
  })) as TranslationPipeline;
}

interface RealisticFigures {
  engineMs: number;
  pipelineMs: number;
  /** Tokens the engine generated for the article (the pipeline generates the same: the model ends each sentence). */
  tokens: number;
  /** What the confidences (token log-probabilities) add to the engine's CPU time, in per cent. */
  qeOverheadPct: number;
}

/**
 * The realistic workload: the article in the queue's batches, greedy, each sentence ending where the model
 * ends it; Targum's engine against the pipeline, same batches, threads and length limit.
 */
async function measureRealistic(dtype: 'q8' | 'fp32'): Promise<RealisticFigures> {
  const model = await TranslationModel.load(await inspectModelFolder(modelDir), { dtype, threads });
  const translator = await loadPipeline(dtype);
  const options = { from: 'ar' as const, to: 'en' as const, beams: 1 };
  const batches = planBatches(article);
  const limits = batches.map((batch) => Math.max(...batch.map((sentence) => model.maxNewTokens(model.sourceIds(sentence, 'ar', 'en').length))));
  await model.translateBatch([article[1]!], options);
  await translator([article[1]!], { max_new_tokens: limits[0]!, num_beams: 1, do_sample: false });
  let tokens = 0;
  const [engineMs, pipelineMs] = await bestOfAlternating(
    3,
    async () => {
      const start = performance.now();
      tokens = 0;
      for (const batch of batches) tokens += (await model.translateBatch(batch, options)).reduce((sum, result) => sum + result.tokens, 0);
      return performance.now() - start;
    },
    async () => {
      const start = performance.now();
      for (const [index, batch] of batches.entries()) await translator(batch, { max_new_tokens: limits[index]!, num_beams: 1, do_sample: false });
      return performance.now() - start;
    },
  );
  await translator.dispose();
  // What the confidences cost, in the CPU time of this process (onnxruntime works in it): other processes'
  // load on a shared machine inflates wall time by more than the few per cent measured here, CPU time much
  // less. Each batch runs with and without them in turn, five times, keeping the least of each.
  let scoredMs = 0;
  let unscoredMs = 0;
  for (const batch of batches) {
    const cpuTime = (withScores: boolean) => async () => {
      const start = process.cpuUsage();
      await model.translateBatch(batch, { ...options, withScores });
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    };
    const [scored, unscored] = await bestOfAlternating(5, cpuTime(true), cpuTime(false));
    scoredMs += scored;
    unscoredMs += unscored;
  }
  const qeOverheadPct = (scoredMs / unscoredMs - 1) * 100;
  await model.dispose();
  console.log(`\n${dtype}, realistic lengths: ${article.length} sentences, ${tokens} tokens generated (${(tokens / article.length).toFixed(1)} a sentence), best of 3 alternated`);
  console.log(`  transformers.js pipeline, batched   ${seconds(pipelineMs)} s   ${(tokens / (pipelineMs / 1000)).toFixed(0)} tokens/s`);
  console.log(`  engine, batched                     ${seconds(engineMs)} s   ${(tokens / (engineMs / 1000)).toFixed(0)} tokens/s`);
  console.log(`  engine/pipeline throughput ratio    ${(pipelineMs / engineMs).toFixed(3)}`);
  console.log(`  engine with confidences ${seconds(scoredMs)} s of CPU, without ${seconds(unscoredMs)} s (least of 5 a batch, alternated): ${qeOverheadPct.toFixed(1)} % more`);
  return { engineMs, pipelineMs, tokens, qeOverheadPct };
}

/** Resident memory of a child process holding the engine with the q8 model loaded, after one translation. */
function servicesRssMb(): number {
  const child = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench/engine-rss.ts', modelDir, String(threads), article[1]!], { encoding: 'utf8' });
  const line = child.stdout.split('\n').find((text) => text.startsWith('{'));
  if (child.status !== 0 || !line) throw new Error(`bench: the memory probe failed: ${child.stderr}`);
  return (JSON.parse(line) as { rssMb: number }).rssMb;
}

/** Greedy against beam search on the trained tiny model: exact matches and the model's own log-probability. */
async function beamQuality(): Promise<void> {
  const phrasebook = readPhrasebook();
  const info = await inspectModelFolder(tinyModelFolder);
  const model = await TranslationModel.load(info, { dtype: 'q8', threads });
  console.log('\nbeam search on the tiny trained model (phrasebook, q8):');
  for (const beams of [1, 2, 4]) {
    let exact = 0;
    let logProb = 0;
    const start = performance.now();
    for (const batch of planBatches(phrasebook)) {
      const results = await model.translateBatch(
        batch.map((entry) => entry.source),
        { from: 'ar', to: 'en', beams, withScores: true },
      );
      results.forEach((result, index) => {
        if (result.text === batch[index]!.english) exact++;
        logProb += result.logProb;
      });
    }
    console.log(
      `  beams ${beams}: ${exact}/${phrasebook.length} exact, mean log-probability ${(logProb / phrasebook.length).toFixed(4)}, ${seconds(performance.now() - start)} s`,
    );
  }
  await model.dispose();
}

ensureRandomModel();
console.log(`Targum translation benchmark — node ${process.versions.node}, ${os.availableParallelism()} cores, model ${modelDir}`);
const q8 = await measure('q8');
const fp32 = await measure('fp32');
// q8 only: the pipeline is slow enough in fp32 to add minutes for no figure the summary uses.
const realistic = await measureRealistic('q8');
const rssMb = servicesRssMb();
console.log(`\nservices process with the q8 model loaded (a child running the engine): ${rssMb.toFixed(0)} MB resident`);
await beamQuality();
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`\nq8 vs fp32, whole article: ${(fp32.engineMs / q8.engineMs).toFixed(2)}× faster`);
console.log(`peak memory (RSS): ${peakMb.toFixed(0)} MB`);
console.log(
  `summary: engine_raw_ratio=${(q8.rawMs / q8.engineMs).toFixed(3)} article_q8_s=${seconds(q8.engineMs)} first_sentence_s=${seconds(q8.firstSentenceMs)} ` +
    `engine_raw_ratio_fp32=${(fp32.rawMs / fp32.engineMs).toFixed(3)} article_fp32_s=${seconds(fp32.engineMs)} ms_per_sentence_q8=${q8.perSentenceMs.toFixed(1)} peak_rss_mb=${peakMb.toFixed(0)} ` +
    `engine_pipeline_ratio=${(realistic.pipelineMs / realistic.engineMs).toFixed(3)} realistic_article_q8_s=${seconds(realistic.engineMs)} services_rss_mb=${rssMb.toFixed(0)} qe_overhead_pct=${realistic.qeOverheadPct.toFixed(1)}`,
);
