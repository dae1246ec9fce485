import type { SegmentTranslated, TargumApi } from '../../common/api/contract';
import { ApiCallError } from '../../common/api/reply';
import type { ModelDtype } from '../../common/models/model-info';
import type { TargumDatabase } from '../data/database';
import type { ArticleRecord, SegmentRecord } from '../data/records';
import { storeTranslations } from '../data/translations';
import type { TaskStore } from '../tasks/task-store';
import { describeWriteError } from '../data/write-errors';

export function translationTaskId(articleId: number): string {
  return `translate:article:${articleId}`;
}

interface RunningTranslation {
  articleId: number;
  sources: Map<string, string>;
  controller: AbortController;
  prioritize: (segmentIds: string[]) => void;
  /** The storing of the batches received so far. */
  stored: Promise<void>;
  writeError?: string;
}

/**
 * Translates articles through the services and stores each batch of English as it arrives, so the work
 * goes on (and is kept) while the reader is elsewhere. One translation per article at a time.
 */
export class ArticleTranslator {
  private readonly running = new Map<number, RunningTranslation>();

  constructor(
    private readonly api: TargumApi,
    private readonly db: TargumDatabase,
    private readonly tasks: TaskStore,
  ) {}

  isRunning(articleId: number): boolean {
    return this.running.has(articleId);
  }

  /** Translates the given sentences; those in `firstIds` (the paragraphs on screen) go first. */
  async translate(article: ArticleRecord, segments: readonly SegmentRecord[], options: { modelId?: string; dtype?: ModelDtype; firstIds?: number[] }): Promise<void> {
    const articleId = article.id!;
    if (this.running.has(articleId)) return;
    const taskId = translationTaskId(articleId);
    const request: RunningTranslation = {
      articleId,
      sources: new Map(segments.map((segment) => [String(segment.id), segment.text])),
      controller: new AbortController(),
      prioritize: () => undefined,
      stored: Promise.resolve(),
    };
    this.running.set(articleId, request);
    this.tasks.start(taskId, 'Translating', () => request.controller.abort());
    const call = this.api.translation.translate(
      {
        segments: segments.map((segment) => ({ id: String(segment.id), text: segment.text })),
        from: article.language,
        to: 'en',
        model: options.modelId === undefined ? undefined : { id: options.modelId },
        dtype: options.dtype,
        priority: options.firstIds?.map(String),
      },
      {
        signal: request.controller.signal,
        onProgress: ({ done, total, results }) => {
          this.tasks.progress(taskId, { done, total });
          if (results.length > 0) request.stored = request.stored.then(() => this.store(request, results));
        },
      },
    );
    request.prioritize = (segmentIds) => call.control({ prioritize: segmentIds });
    try {
      await call;
      await request.stored;
      this.tasks.finish(taskId, request.writeError === undefined ? undefined : { message: request.writeError });
    } catch (error) {
      await request.stored;
      // A translation the reader cancelled is no failure to report.
      if (error instanceof ApiCallError && error.code === 'cancelled') this.tasks.finish(taskId);
      else this.tasks.finish(taskId, { message: error instanceof Error ? error.message : String(error), code: error instanceof ApiCallError ? error.code : undefined });
    } finally {
      this.running.delete(articleId);
    }
  }

  cancel(articleId: number): void {
    this.running.get(articleId)?.controller.abort();
  }

  /** Moves sentences that came on screen to the front of a running translation. */
  prioritize(articleId: number, segmentIds: number[]): void {
    this.running.get(articleId)?.prioritize(segmentIds.map(String));
  }

  /** Stores one batch of English in one transaction. */
  private async store(request: RunningTranslation, results: readonly SegmentTranslated[]): Promise<void> {
    if (request.writeError) return;
    const rows = results.flatMap(({ segmentId, text, modelId, dtype, createdAt, confidence, unsure }) => {
      const source = request.sources.get(segmentId);
      const quality = confidence === undefined ? {} : { confidence, unsure: unsure ?? [] };
      return source === undefined ? [] : [{ articleId: request.articleId, source, text, modelId, precision: dtype, createdAt, ...quality }];
    });
    try {
      await storeTranslations(this.db, rows);
    } catch (error) {
      // English that cannot be kept is not shown as translated: the run stops and says why.
      request.writeError = `Translation stopped: the English could not be saved (${describeWriteError(error)}).`;
      request.controller.abort();
    }
  }
}
