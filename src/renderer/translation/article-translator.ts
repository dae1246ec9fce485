import type { ApiEvent, TargumApi } from '../../common/api/contract';
import type { ModelDtype } from '../../common/models/model-info';
import type { TargumDatabase } from '../data/database';
import type { ArticleRecord, SegmentRecord } from '../data/records';
import { storeTranslations } from '../data/translations';
import type { TaskStore } from '../tasks/task-store';
import { describeWriteError } from '../data/write-errors';

type TranslationEvent = Extract<ApiEvent, { type: 'translation' }>;

/** One sentence's English as the services give it. */
type TranslationResult = Pick<TranslationEvent, 'segmentId' | 'text' | 'modelId' | 'dtype' | 'createdAt'>;

interface RunningTranslation {
  articleId: number;
  sources: Map<string, string>;
  /** Results that came in this tick, stored together. */
  arrived: TranslationResult[];
  /** The batches being stored, one after another. */
  stored: Promise<void>;
  writeError?: string;
}

export function translationTaskId(articleId: number): string {
  return `translate:article:${articleId}`;
}

/**
 * Translates articles through the services and stores each sentence's English as it arrives, so the work
 * goes on (and is kept) while the reader is elsewhere. One translation per article at a time.
 */
export class ArticleTranslator {
  private readonly running = new Map<string, RunningTranslation>();

  constructor(
    private readonly api: TargumApi,
    private readonly db: TargumDatabase,
    private readonly tasks: TaskStore,
  ) {
    api.onEvent((event) => {
      if (event.type === 'translation') this.gather(event);
      else if (event.type === 'progress' && this.running.has(event.taskId)) tasks.progress(event);
    });
  }

  isRunning(articleId: number): boolean {
    return this.running.has(translationTaskId(articleId));
  }

  /** Translates the given sentences; those in `firstIds` (the paragraphs on screen) go first. */
  async translate(article: ArticleRecord, segments: readonly SegmentRecord[], options: { modelId?: string; dtype?: ModelDtype; firstIds?: number[] }): Promise<void> {
    const requestId = translationTaskId(article.id!);
    if (this.running.has(requestId)) return;
    const run: RunningTranslation = { articleId: article.id!, sources: new Map(segments.map((segment) => [String(segment.id), segment.text])), arrived: [], stored: Promise.resolve() };
    this.running.set(requestId, run);
    this.tasks.start(requestId, 'Translating');
    try {
      await this.api.translate({
        requestId,
        segments: segments.map((segment) => ({ id: String(segment.id), text: segment.text })),
        from: article.language,
        to: 'en',
        modelId: options.modelId,
        dtype: options.dtype,
        priority: options.firstIds?.map(String),
      });
      await this.flush(run);
      this.tasks.finish(requestId, run.writeError);
    } catch (error) {
      await this.flush(run);
      this.tasks.finish(requestId, run.writeError ?? (error instanceof Error ? error.message : String(error)));
    } finally {
      this.running.delete(requestId);
    }
  }

  cancel(articleId: number): void {
    void this.api.cancelTranslation({ requestId: translationTaskId(articleId) });
  }

  /** Moves sentences that came on screen to the front of a running translation. */
  prioritize(articleId: number, segmentIds: number[]): void {
    if (this.isRunning(articleId)) void this.api.prioritizeTranslation({ requestId: translationTaskId(articleId), segmentIds: segmentIds.map(String) });
  }

  /** Gathers the results that arrive within one tick into one batch. */
  private gather(event: TranslationEvent): void {
    const run = this.running.get(event.requestId);
    if (!run) return;
    if (run.arrived.length === 0) setTimeout(() => void this.flush(run), 0);
    run.arrived.push(event);
  }

  /** Stores what has arrived; resolves once every batch so far is stored (or has failed). */
  private flush(run: RunningTranslation): Promise<void> {
    const batch = run.arrived.splice(0);
    if (batch.length > 0) run.stored = run.stored.then(() => this.store(run, batch));
    return run.stored;
  }

  /** Stores a batch of results in one transaction. */
  private async store(run: RunningTranslation, results: readonly TranslationResult[]): Promise<void> {
    if (run.writeError) return;
    const rows = results.flatMap(({ segmentId, text, modelId, dtype, createdAt }) => {
      const source = run.sources.get(segmentId);
      return source === undefined ? [] : [{ articleId: run.articleId, source, text, modelId, precision: dtype, createdAt }];
    });
    try {
      await storeTranslations(this.db, rows);
    } catch (error) {
      // English that cannot be kept is not shown as translated: the run stops and says why.
      run.writeError = `Translation stopped: the English could not be saved (${describeWriteError(error)}).`;
      this.cancel(run.articleId);
    }
  }
}
