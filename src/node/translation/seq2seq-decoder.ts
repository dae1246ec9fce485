/**
 * Greedy and beam-search decoding over an encoder and a merged decoder (with key/value cache) exported
 * the way transformers.js expects (Optimum layout). transformers.js v4's own generate() ignores num_beams
 * and lets finished rows of a batch run on into garbage; this loop does both properly, and greedy decoding
 * drops finished rows from the batch.
 */
import * as ort from 'onnxruntime-node';
import { rowLogSumExp } from './row-log-sum-exp';

export interface Seq2SeqSessions {
  encoder: ort.InferenceSession;
  decoder: ort.InferenceSession;
}

export interface DecoderShape {
  layers: number;
  heads: number;
  headDim: number;
}

export interface SpecialTokens {
  decoderStart: number;
  eos: number;
  /** Never generated (the pad token, for Marian). */
  forbidden: readonly number[];
  /** Forced as the first generated token (NLLB and M2M100: the target language). */
  forcedFirst?: number;
}

export interface DecodeOptions {
  beams: number;
  /** Longest output for a source of the given length in tokens. */
  maxNewTokens: (sourceLength: number) => number;
  /** End-of-sentence is not allowed before this many tokens (benchmarks force a fixed length). */
  minNewTokens?: number;
  lengthPenalty?: number;
  /** Greedy decoding computes log-probabilities only when asked (each step's normalisers cost a vectorised pass over the vocabulary). */
  withScores?: boolean;
  signal?: AbortSignal;
}

export interface Hypothesis {
  /** Generated tokens without the start token and without end-of-sentence. */
  tokens: number[];
  /** Sum of the tokens' log-probabilities (end-of-sentence included when generated); 0 for greedy without scores. */
  logProb: number;
  /** Each token's log-probability (log-softmax of the chosen token), aligned with `tokens`; empty for greedy without scores. */
  tokenLogProbs: number[];
  /** The end-of-sentence token's log-probability, when it was generated (and scores were computed). */
  endLogProb?: number;
}

export interface EncodedBatch {
  /** Row-major [rows, length] token ids, right-padded. */
  inputIds: BigInt64Array;
  attentionMask: BigInt64Array;
  rows: number;
  length: number;
  /** Real (unpadded) length of each row. */
  sourceLengths: number[];
}

export class DecodeCancelled extends Error {
  constructor() {
    super('translation cancelled');
    this.name = 'DecodeCancelled';
  }
}

const tensor = (type: 'int64' | 'float32' | 'bool', data: ort.Tensor.DataType, dims: readonly number[]) => new ort.Tensor(type, data, dims);

/** Repeats each row of a row-major array `times` times in place of one (for beams). */
function repeatRows<T extends BigInt64Array | Float32Array>(data: T, rows: number, times: number): T {
  if (times === 1) return data;
  const rowSize = data.length / rows;
  const out = new (data.constructor as new (length: number) => T)(data.length * times);
  const write = out as unknown as { set(block: T, offset: number): void };
  for (let row = 0; row < rows; row++) {
    const block = data.subarray(row * rowSize, (row + 1) * rowSize) as T;
    for (let copy = 0; copy < times; copy++) write.set(block, (row * times + copy) * rowSize);
  }
  return out;
}

/** Rows of a [rows, ...] tensor picked in the given order (beam reordering, finished rows leaving the batch). */
function gatherRows(source: ort.Tensor, order: readonly number[]): ort.Tensor {
  const data = source.data as Float32Array | BigInt64Array;
  const rowSize = data.length / source.dims[0]!;
  const out = data instanceof BigInt64Array ? new BigInt64Array(order.length * rowSize) : new Float32Array(order.length * rowSize);
  const write = out as unknown as { set(block: Float32Array | BigInt64Array, offset: number): void };
  order.forEach((from, to) => write.set(data.subarray(from * rowSize, (from + 1) * rowSize), to * rowSize));
  return tensor(data instanceof BigInt64Array ? 'int64' : 'float32', out, [order.length, ...source.dims.slice(1)]);
}

class KeyValueCache {
  private decoderPast: ort.Tensor[];
  private encoderPast: ort.Tensor[];
  private hasEncoderPast = false;

  constructor(
    private readonly shape: DecoderShape,
    rows: number,
  ) {
    const empty = () => tensor('float32', new Float32Array(0), [rows, shape.heads, 0, shape.headDim]);
    this.decoderPast = Array.from({ length: shape.layers * 2 }, empty);
    this.encoderPast = Array.from({ length: shape.layers * 2 }, empty);
  }

  feeds(inputNames: readonly string[]): Record<string, ort.Tensor> {
    const feeds: Record<string, ort.Tensor> = {};
    for (let layer = 0; layer < this.shape.layers; layer++) {
      feeds[`past_key_values.${layer}.decoder.key`] = this.decoderPast[layer * 2]!;
      feeds[`past_key_values.${layer}.decoder.value`] = this.decoderPast[layer * 2 + 1]!;
      feeds[`past_key_values.${layer}.encoder.key`] = this.encoderPast[layer * 2]!;
      feeds[`past_key_values.${layer}.encoder.value`] = this.encoderPast[layer * 2 + 1]!;
    }
    if (inputNames.includes('use_cache_branch')) feeds.use_cache_branch = tensor('bool', Uint8Array.of(this.hasEncoderPast ? 1 : 0), [1]);
    return feeds;
  }

  /**
   * Outputs to fetch: after the first step the cross-attention values are known, and copying them out of
   * the runtime at every step (tens of MB for a long sentence) would cost more than the step itself.
   */
  fetches(outputNames: readonly string[]): string[] {
    return this.hasEncoderPast ? outputNames.filter((name) => !name.includes('.encoder.')) : [...outputNames];
  }

  /** Takes the step's present values; cross-attention values are computed once, at the first step. */
  update(outputs: ort.InferenceSession.OnnxValueMapType, reorder?: readonly number[]): void {
    for (let layer = 0; layer < this.shape.layers; layer++) {
      for (const [slot, kind] of [
        [0, 'key'],
        [1, 'value'],
      ] as const) {
        const present = outputs[`present.${layer}.decoder.${kind}`] as ort.Tensor;
        this.decoderPast[layer * 2 + slot] = reorder ? gatherRows(present, reorder) : present;
        if (!this.hasEncoderPast) this.encoderPast[layer * 2 + slot] = outputs[`present.${layer}.encoder.${kind}`] as ort.Tensor;
      }
    }
    this.hasEncoderPast = true;
  }

  /** Keeps only the given rows, in that order: the rows of a batch that have not finished. */
  keepRows(rows: readonly number[]): void {
    this.decoderPast = this.decoderPast.map((past) => gatherRows(past, rows));
    this.encoderPast = this.encoderPast.map((past) => gatherRows(past, rows));
  }
}

/** Makes tokens impossible in one row of logits (the output buffer is ours to change). */
function block(logits: Float32Array, offset: number, tokens: readonly number[]): void {
  for (const token of tokens) logits[offset + token] = -Infinity;
}

function argmax(logits: Float32Array, offset: number, size: number): number {
  let best = 0;
  let bestValue = -Infinity;
  for (let token = 0; token < size; token++) {
    const value = logits[offset + token]!;
    if (value > bestValue) {
      bestValue = value;
      best = token;
    }
  }
  return best;
}

/** The `count` best tokens of a row, best first. */
function topTokens(logits: Float32Array, offset: number, size: number, count: number): number[] {
  const best: number[] = [];
  for (let token = 0; token < size; token++) {
    const value = logits[offset + token]!;
    if (best.length === count && value <= logits[offset + best[count - 1]!]!) continue;
    let at = best.length === count ? count - 1 : best.length;
    while (at > 0 && logits[offset + best[at - 1]!]! < value) {
      best[at] = best[at - 1]!;
      at--;
    }
    best[at] = token;
  }
  return best;
}

export class Seq2SeqDecoder {
  constructor(
    private readonly sessions: Seq2SeqSessions,
    private readonly shape: DecoderShape,
    private readonly special: SpecialTokens,
  ) {}

  async decode(batch: EncodedBatch, options: DecodeOptions): Promise<Hypothesis[]> {
    const encoded = await this.sessions.encoder.run({
      input_ids: tensor('int64', batch.inputIds, [batch.rows, batch.length]),
      attention_mask: tensor('int64', batch.attentionMask, [batch.rows, batch.length]),
    });
    const hidden = encoded.last_hidden_state as ort.Tensor;
    return options.beams > 1 ? this.beamSearch(batch, hidden, options) : this.greedy(batch, hidden, options);
  }

  /**
   * Scores given output tokens for one source sentence (teacher forcing): each token's log-probability where
   * the decoder is made to follow them, end-of-sentence last. Used to weigh a translation, not to translate.
   */
  async forced(batch: EncodedBatch, tokens: readonly number[]): Promise<Hypothesis> {
    if (batch.rows !== 1) throw new Error('forced decoding scores one sentence at a time');
    const encoded = await this.sessions.encoder.run({
      input_ids: tensor('int64', batch.inputIds, [1, batch.length]),
      attention_mask: tensor('int64', batch.attentionMask, [1, batch.length]),
    });
    const hidden = encoded.last_hidden_state as ort.Tensor;
    const encoderMask = tensor('int64', batch.attentionMask, [1, batch.length]);
    const cache = new KeyValueCache(this.shape, 1);
    const result: Hypothesis = { tokens: [...tokens], logProb: 0, tokenLogProbs: [] };
    let input = BigInt64Array.of(BigInt(this.special.decoderStart));
    for (const [step, token] of [...tokens, this.special.eos].entries()) {
      const { outputs, data, vocab } = await this.step(input, encoderMask, hidden, cache, undefined);
      const logProb = data[token]! - (await rowLogSumExp(data, 1, vocab))[0]!;
      result.logProb += logProb;
      if (step < tokens.length) result.tokenLogProbs.push(logProb);
      else result.endLogProb = logProb;
      cache.update(outputs);
      input = BigInt64Array.of(BigInt(token));
    }
    return result;
  }

  private blockedAt(step: number, options: DecodeOptions): number[] {
    return step < (options.minNewTokens ?? 0) ? [...this.special.forbidden, this.special.eos] : [...this.special.forbidden];
  }

  /** One decoder step: its outputs (for the cache), and each row's logits, `vocab` of them a row, in one flat array. */
  private async step(
    tokens: BigInt64Array,
    encoderMask: ort.Tensor,
    hidden: ort.Tensor,
    cache: KeyValueCache,
    signal: AbortSignal | undefined,
  ): Promise<{ outputs: ort.InferenceSession.OnnxValueMapType; data: Float32Array; vocab: number }> {
    if (signal?.aborted) throw new DecodeCancelled();
    const rows = tokens.length;
    const feeds: Record<string, ort.Tensor> = {
      input_ids: tensor('int64', tokens, [rows, 1]),
      encoder_hidden_states: hidden,
      ...cache.feeds(this.sessions.decoder.inputNames),
    };
    if (this.sessions.decoder.inputNames.includes('encoder_attention_mask')) feeds.encoder_attention_mask = encoderMask;
    const outputs = await this.sessions.decoder.run(feeds, cache.fetches(this.sessions.decoder.outputNames));
    const logits = outputs.logits as ort.Tensor;
    return { outputs, data: logits.data as Float32Array, vocab: logits.dims[2]! };
  }

  private async greedy(batch: EncodedBatch, hidden: ort.Tensor, options: DecodeOptions): Promise<Hypothesis[]> {
    const limits = batch.sourceLengths.map(options.maxNewTokens);
    const maxSteps = Math.max(...limits);
    const results: Hypothesis[] = Array.from({ length: batch.rows }, () => ({ tokens: [], logProb: 0, tokenLogProbs: [] }));
    // The rows still decoding, by their place in the batch: a finished row leaves the batch, so later steps cost less.
    let active = results.map((_, row) => row);
    let encoderMask = tensor('int64', batch.attentionMask, [batch.rows, batch.length]);
    let encoderHidden = hidden;
    const cache = new KeyValueCache(this.shape, batch.rows);
    let tokens = new BigInt64Array(batch.rows).fill(BigInt(this.special.decoderStart));
    for (let step = 0; step < maxSteps && active.length > 0; step++) {
      const { outputs, data, vocab } = await this.step(tokens, encoderMask, encoderHidden, cache, options.signal);
      const blocked = this.blockedAt(step, options);
      active.forEach((_, index) => block(data, index * vocab, blocked));
      const normalisers = options.withScores ? await rowLogSumExp(data, active.length, vocab) : undefined;
      const staying: number[] = [];
      const next: bigint[] = [];
      active.forEach((row, index) => {
        const offset = index * vocab;
        const token = step === 0 && this.special.forcedFirst !== undefined ? this.special.forcedFirst : argmax(data, offset, vocab);
        const result = results[row]!;
        if (normalisers) {
          const logProb = data[offset + token]! - normalisers[index]!;
          result.logProb += logProb;
          if (token === this.special.eos) result.endLogProb = logProb;
          else result.tokenLogProbs.push(logProb);
        }
        if (token !== this.special.eos) result.tokens.push(token);
        if (token === this.special.eos || result.tokens.length >= limits[row]!) return;
        staying.push(index);
        next.push(BigInt(token));
      });
      cache.update(outputs);
      if (staying.length > 0 && staying.length < active.length) {
        cache.keepRows(staying);
        encoderMask = gatherRows(encoderMask, staying);
        encoderHidden = gatherRows(encoderHidden, staying);
      }
      active = staying.map((index) => active[index]!);
      tokens = BigInt64Array.from(next);
    }
    return results;
  }


  private async beamSearch(batch: EncodedBatch, hidden: ort.Tensor, options: DecodeOptions): Promise<Hypothesis[]> {
    const beams = options.beams;
    const lengthPenalty = options.lengthPenalty ?? 1;
    const sentences = batch.rows;
    const rows = sentences * beams;
    const hiddenData = hidden.data as Float32Array;
    const expandedHidden = tensor('float32', repeatRows(hiddenData, sentences, beams), [rows, ...hidden.dims.slice(1)]);
    const encoderMask = tensor('int64', repeatRows(batch.attentionMask, sentences, beams), [rows, batch.length]);
    const cache = new KeyValueCache(this.shape, rows);
    const limits = batch.sourceLengths.map(options.maxNewTokens);
    const maxSteps = Math.max(...limits);

    let beamTokens: number[][] = Array.from({ length: rows }, () => []);
    let beamTokenLogProbs: number[][] = Array.from({ length: rows }, () => []);
    let beamScores = Array.from({ length: rows }, (_, row) => (row % beams === 0 ? 0 : -Infinity));
    const done = new Array<boolean>(sentences).fill(false);
    const finishedHypotheses: Array<Array<Hypothesis & { score: number }>> = Array.from({ length: sentences }, () => []);
    const normalised = (logProb: number, length: number) => logProb / Math.max(1, length) ** lengthPenalty;
    let tokens = new BigInt64Array(rows).fill(BigInt(this.special.decoderStart));

    for (let step = 0; step < maxSteps && done.includes(false); step++) {
      const { outputs, data, vocab } = await this.step(tokens, encoderMask, expandedHidden, cache, options.signal);
      const blocked = this.blockedAt(step, options);
      for (let row = 0; row < rows; row++) if (beamScores[row] !== -Infinity) block(data, row * vocab, blocked);
      const normalisers = await rowLogSumExp(data, rows, vocab);
      const order: number[] = [];
      const nextTokens: number[][] = [];
      const nextTokenLogProbs: number[][] = [];
      const nextScores: number[] = [];
      const nextInput = new BigInt64Array(rows);

      for (let sentence = 0; sentence < sentences; sentence++) {
        const first = sentence * beams;
        if (done[sentence]) {
          for (let beam = 0; beam < beams; beam++) {
            order.push(first + beam);
            nextTokens.push(beamTokens[first + beam]!);
            nextTokenLogProbs.push(beamTokenLogProbs[first + beam]!);
            nextScores.push(-Infinity);
            nextInput[first + beam] = BigInt(this.special.eos);
          }
          continue;
        }
        const candidates: Array<{ row: number; token: number; logProb: number; score: number }> = [];
        for (let beam = 0; beam < beams; beam++) {
          const row = first + beam;
          if (beamScores[row] === -Infinity) continue;
          const offset = row * vocab;
          const normaliser = normalisers[row]!;
          const choices = step === 0 && this.special.forcedFirst !== undefined ? [this.special.forcedFirst] : topTokens(data, offset, vocab, beams * 2);
          for (const token of choices) {
            const logProb = data[offset + token]! - normaliser;
            candidates.push({ row, token, logProb, score: beamScores[row]! + logProb });
          }
        }
        candidates.sort((a, b) => b.score - a.score);
        const chosen: typeof candidates = [];
        for (const [rank, candidate] of candidates.entries()) {
          if (candidate.token === this.special.eos) {
            if (rank < beams) {
              const hypothesisTokens = beamTokens[candidate.row]!;
              finishedHypotheses[sentence]!.push({
                tokens: hypothesisTokens,
                logProb: candidate.score,
                tokenLogProbs: beamTokenLogProbs[candidate.row]!,
                endLogProb: candidate.logProb,
                score: normalised(candidate.score, hypothesisTokens.length + 1),
              });
            }
          } else {
            chosen.push(candidate);
          }
          if (chosen.length === beams) break;
        }
        const limitReached = step + 1 >= limits[sentence]!;
        const hypotheses = finishedHypotheses[sentence]!;
        const bestRunning = chosen[0] ? normalised(chosen[0].score, step + 1) : -Infinity;
        const worstKept = hypotheses.length >= beams ? hypotheses.map((h) => h.score).sort((a, b) => b - a)[beams - 1]! : -Infinity;
        if (limitReached || chosen.length === 0 || worstKept >= bestRunning) {
          done[sentence] = true;
          if (limitReached || hypotheses.length === 0) {
            for (const candidate of chosen) {
              const hypothesisTokens = [...beamTokens[candidate.row]!, candidate.token];
              hypotheses.push({
                tokens: hypothesisTokens,
                logProb: candidate.score,
                tokenLogProbs: [...beamTokenLogProbs[candidate.row]!, candidate.logProb],
                score: normalised(candidate.score, hypothesisTokens.length),
              });
            }
          }
        }
        for (let beam = 0; beam < beams; beam++) {
          const candidate = chosen[beam];
          order.push(candidate?.row ?? first);
          nextTokens.push(candidate ? [...beamTokens[candidate.row]!, candidate.token] : []);
          nextTokenLogProbs.push(candidate ? [...beamTokenLogProbs[candidate.row]!, candidate.logProb] : []);
          nextScores.push(candidate && !done[sentence] ? candidate.score : -Infinity);
          nextInput[first + beam] = BigInt(candidate?.token ?? this.special.eos);
        }
      }
      cache.update(outputs, order);
      beamTokens = nextTokens;
      beamTokenLogProbs = nextTokenLogProbs;
      beamScores = nextScores;
      tokens = nextInput;
    }

    return finishedHypotheses.map((hypotheses, sentence) => {
      const best = hypotheses.sort((a, b) => b.score - a.score)[0];
      if (best) return { tokens: best.tokens, logProb: best.logProb, tokenLogProbs: best.tokenLogProbs, ...(best.endLogProb === undefined ? {} : { endLogProb: best.endLogProb }) };
      const row = sentence * beams;
      return { tokens: beamTokens[row]!, logProb: beamScores[row]!, tokenLogProbs: beamTokenLogProbs[row]! };
    });
  }
}
