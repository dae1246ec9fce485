/**
 * Runs translation requests one batch at a time: each batch's results go to the request's caller as it
 * finishes, segments a caller marks as urgent (the paragraphs on screen) go first, and a request stops
 * when its caller cancels it.
 */
import { ApiCallError } from '../../common/api/reply';
import type { CallSignal } from '../../common/api/call';
import type { SegmentTranslated, TranslationProgress, TranslationSummary } from '../../common/api/contract';
import { defaultDtype, type ModelDtype, type ModelInfo } from '../../common/models/model-info';
import { type TextLanguage, detectLanguage } from '../../common/text/language';
import type { ModelRegistry } from '../models/model-registry';
import type { PrecisionChecks, PrecisionChoice } from '../models/precision-check';
import { DecodeCancelled } from './seq2seq-decoder';
import { TranslationModel } from './translation-model';

export interface SegmentToTranslate {
  id: string;
  text: string;
}

export interface TranslationRequest {
  segments: readonly SegmentToTranslate[];
  from?: TextLanguage;
  to: TextLanguage;
  modelId?: string;
  /** A model folder used in place (the command line's --model DIR), instead of an installed model. */
  model?: ModelInfo;
  dtype?: ModelDtype;
  beams?: number;
  /** Segment ids to translate before the others. */
  priority?: readonly string[];
}

export interface TranslationCaller {
  /** Cancels the request: it stops after the batch in hand and answers with what was done. */
  signal?: CallSignal;
  /** Once with nothing done, then once per finished batch, with that batch's results. */
  onProgress: (progress: TranslationProgress) => void;
}

/** A queued request: its summary once it ends, and a way to move sentences to the front while it runs. */
export interface TranslationJob {
  result: Promise<TranslationSummary>;
  prioritize(segmentIds: readonly string[]): void;
}

export interface TranslationServiceOptions {
  registry: ModelRegistry;
  threads: () => Promise<number>;
  /** Catalog defaults for a direction, best first, tried first when a request names no model. */
  preferredModelIds?: (from: TextLanguage, to: TextLanguage) => Promise<string[]>;
  /** The precision of a model when a request names none; without it, q8 when the model has it. */
  precision?: PrecisionChecks;
  batchSizes?: { first: number; rest: number };
  defaultBeams?: number;
  /** false translates without confidences and unsure words (to measure what they cost). */
  withScores?: boolean;
}

export class NoModelError extends ApiCallError {
  constructor(
    readonly from: TextLanguage,
    readonly to: TextLanguage,
  ) {
    super('no-model', `no translation model is installed for ${from}→${to}; install one on the Models screen or with "targum models install"`);
    this.name = 'NoModelError';
  }
}

interface ResolvedJob {
  model: ModelInfo;
  from: TextLanguage;
}

interface Job {
  request: TranslationRequest;
  caller: TranslationCaller;
  /** The model and source language, looked up as soon as the request arrives. */
  ready: Promise<ResolvedJob>;
  pending: SegmentToTranslate[];
  done: number;
  controller: AbortController;
  finished: (summary: TranslationSummary) => void;
  failed: (error: unknown) => void;
}

/**
 * Batch sizes, measured on two cores (bench:translate): a small first batch brings the first sentences
 * (those on screen) quickly; larger batches after it translate the rest of the article faster.
 */
export const batchSizes = { first: 4, rest: 16 } as const;

/** Releases loaded models' sessions; a model that failed to load has none. */
async function release(models: ReadonlyArray<Promise<TranslationModel>>): Promise<void> {
  const settled = await Promise.allSettled(models);
  await Promise.all(settled.map((model) => (model.status === 'fulfilled' ? model.value.dispose() : undefined)));
}

function batchSize(batchIndex: number, sizes: { first: number; rest: number } = batchSizes): number {
  return batchIndex === 0 ? sizes.first : sizes.rest;
}

export class TranslationService {
  private readonly jobs: Job[] = [];
  private running = false;
  private readonly loaded = new Map<string, Promise<TranslationModel>>();
  /** Models let go of while a request ran (it may be using them): released when that request ends. */
  private readonly retired: Array<Promise<TranslationModel>> = [];

  constructor(private readonly options: TranslationServiceOptions) {}

  /** Queues a request; its caller can cancel it and move sentences forward from the moment this returns. */
  translate(request: TranslationRequest, caller: TranslationCaller): TranslationJob {
    const urgent = new Set(request.priority ?? []);
    const pending = [...request.segments.filter((segment) => urgent.has(segment.id)), ...request.segments.filter((segment) => !urgent.has(segment.id))];
    let job!: Job;
    const result = new Promise<TranslationSummary>((finished, failed) => {
      job = { request, caller, ready: this.resolve(request), pending, done: 0, controller: new AbortController(), finished, failed };
    });
    const cancel = () => job.controller.abort();
    if (caller.signal?.aborted) cancel();
    else caller.signal?.addEventListener('abort', cancel, { once: true });
    this.jobs.push(job);
    job.ready.then(
      () => void this.run(),
      (error: unknown) => {
        this.jobs.splice(this.jobs.indexOf(job), 1);
        job.failed(error);
      },
    );
    return {
      result: result.finally(() => caller.signal?.removeEventListener('abort', cancel)),
      prioritize: (segmentIds) => {
        const urgentNow = new Set(segmentIds);
        job.pending = [...job.pending.filter((segment) => urgentNow.has(segment.id)), ...job.pending.filter((segment) => !urgentNow.has(segment.id))];
      },
    };
  }

  private async resolve(request: TranslationRequest): Promise<ResolvedJob> {
    const from = request.from ?? detectLanguage(request.segments.map((segment) => segment.text).join(' '));
    if (!from || from === request.to) throw new ApiCallError('invalid-input', `cannot tell the source language, or it is the same as the target (${request.to})`);
    const model =
      request.model ??
      (request.modelId
        ? await this.options.registry.get(request.modelId).catch((error: unknown) => {
            throw new ApiCallError('no-model', error instanceof Error ? error.message : String(error));
          })
        : await this.options.registry.findFor(from, request.to, (await this.options.preferredModelIds?.(from, request.to)) ?? []));
    if (!model) throw new NoModelError(from, request.to);
    if (!model.from.includes(from) || !model.to.includes(request.to)) {
      throw new ApiCallError('invalid-input', `model ${model.id} translates ${model.from.join('/')}→${model.to.join('/')}, not ${from}→${request.to}`);
    }
    return { model, from };
  }

  /**
   * Runs a model's precision check now (on import) as a request of its own in the queue, so that it never
   * loads or unloads models while another request translates.
   */
  async checkPrecision(model: ModelInfo): Promise<PrecisionChoice> {
    const from = model.from.find((language) => model.to.some((target) => target !== language));
    const to = model.to.find((language) => language !== from);
    if (!from || !to) return { dtype: defaultDtype(model.dtypes) };
    const summary = await this.translate({ segments: [], from, to, model }, { onProgress: () => undefined }).result;
    return { dtype: summary.dtype, ...(summary.dtypeNote ? { note: summary.dtypeNote } : {}) };
  }

  /** The precision a request translates with: the one it names, or the model's own (checked once per model folder). */
  private async precisionFor(model: ModelInfo, asked?: ModelDtype): Promise<PrecisionChoice> {
    if (asked) return { dtype: asked };
    if (!this.options.precision) return { dtype: defaultDtype(model.dtypes) };
    return this.options.precision.precisionFor(model, async (dtype, sentences, from, to) =>
      (await (await this.load(model, dtype)).translateBatch(sentences, { from, to, beams: 1, withScores: false })).map((result) => result.text),
    );
  }

  async dispose(): Promise<void> {
    for (const job of this.jobs) job.controller.abort();
    const models = [...this.loaded.values(), ...this.retired.splice(0)];
    this.loaded.clear();
    await release(models);
  }

  /**
   * Releases the sessions of a model folder whose files were replaced or removed: at once when nothing is
   * translating, otherwise as soon as the running request ends. The next request loads the folder anew.
   */
  async unload(modelPath: string): Promise<void> {
    const gone: Array<Promise<TranslationModel>> = [];
    for (const [key, model] of this.loaded) {
      if (key.startsWith(`${modelPath}|`)) {
        this.loaded.delete(key);
        gone.push(model);
      }
    }
    if (this.running) this.retired.push(...gone);
    else await release(gone);
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (let job = this.jobs[0]; job; job = this.jobs[0]) {
        await this.runJob(job);
        if (this.jobs[0] === job) this.jobs.shift();
        await release(this.retired.splice(0));
      }
    } finally {
      this.running = false;
    }
  }

  private async runJob(job: Job): Promise<void> {
    // A request whose model could not be found was answered (and dequeued) when the lookup failed.
    const resolved = await job.ready.catch(() => undefined);
    if (!resolved) return;
    const { model: info, from } = resolved;
    let precision: PrecisionChoice | undefined;
    const summary = (cancelled: boolean): TranslationSummary => ({
      translated: job.done,
      cancelled,
      modelId: info.id,
      dtype: precision?.dtype ?? job.request.dtype ?? defaultDtype(info.dtypes),
      ...(precision?.note ? { dtypeNote: precision.note } : {}),
    });
    const total = job.request.segments.length;
    try {
      if (job.controller.signal.aborted) throw new DecodeCancelled();
      precision = await this.precisionFor(info, job.request.dtype);
      const dtype = precision.dtype;
      const model = await this.load(info, dtype);
      job.caller.onProgress({ done: 0, total, results: [] });
      while (job.pending.length > 0) {
        if (job.controller.signal.aborted) throw new DecodeCancelled();
        const batch = job.pending.splice(0, batchSize(job.done === 0 ? 0 : 1, this.options.batchSizes));
        const results = await model.translateBatch(
          batch.map((segment) => segment.text),
          {
            from,
            to: job.request.to,
            beams: job.request.beams ?? this.options.defaultBeams ?? 1,
            withScores: this.options.withScores,
            signal: job.controller.signal,
          },
        );
        const createdAt = Date.now();
        const translated: SegmentTranslated[] = batch.map((segment, index) => {
          const { text, confidence, unsure } = results[index]!;
          return { segmentId: segment.id, text, modelId: info.id, dtype, createdAt, ...(confidence === undefined ? {} : { confidence, unsure }) };
        });
        job.done += batch.length;
        job.caller.onProgress({ done: job.done, total, results: translated });
      }
      job.finished(summary(false));
    } catch (error) {
      if (error instanceof DecodeCancelled) job.finished(summary(true));
      else job.failed(error);
    }
  }

  /** Keeps the models in use loaded; a change of precision or thread count loads the model again. */
  private async load(info: ModelInfo, dtype: ModelDtype): Promise<TranslationModel> {
    const threads = await this.options.threads();
    const key = `${info.path}|${dtype}|${threads}`;
    let model = this.loaded.get(key);
    if (!model) {
      // Two models stay loaded at most (say, Arabic and Hebrew); the oldest goes first.
      if (this.loaded.size >= 2) {
        const [oldestKey, oldest] = this.loaded.entries().next().value!;
        this.loaded.delete(oldestKey);
        void oldest.then((loaded) => loaded.dispose()).catch(() => undefined);
      }
      model = TranslationModel.load(info, { dtype, threads });
      this.loaded.set(key, model);
      model.catch(() => this.loaded.delete(key));
    }
    return model;
  }
}
