import type { ApiEvent, TargumApi } from '../../common/api/contract';
import type { ModelDtype } from '../../common/models/model-info';
import type { TargumDatabase } from '../db/database';
import type { ArticleRecord, SegmentRecord } from '../db/records';
import type { TaskStore } from '../tasks/task-store';
import { describeWriteError } from '../db/write-errors';

type TranslationEvent = Extract<ApiEvent, { type: 'translation' }>;

export function translationTaskId(articleId: number): string {
  return `translate:article:${articleId}`;
}

/**
 * Translates articles through the services and stores each sentence's English as it arrives, so the work
 * goes on (and is kept) while the reader is elsewhere. One translation per article at a time.
 */
export class ArticleTranslator {
  private readonly running = new Map<string, { articleId: number; sources: Map<string, string>; writeError?: string }>();

  constructor(
    private readonly api: TargumApi,
    private readonly db: TargumDatabase,
    private readonly tasks: TaskStore,
  ) {
    api.onEvent((event) => {
      if (event.type === 'translation') void this.store(event);
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
    this.running.set(requestId, { articleId: article.id!, sources: new Map(segments.map((segment) => [String(segment.id), segment.text])) });
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
      const writeError = this.running.get(requestId)?.writeError;
      this.tasks.finish(requestId, writeError);
    } catch (error) {
      this.tasks.finish(requestId, error instanceof Error ? error.message : String(error));
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

  private async store(event: TranslationEvent): Promise<void> {
    const request = this.running.get(event.requestId);
    const source = request?.sources.get(event.segmentId);
    if (!request || source === undefined) return;
    try {
      await this.db.translations.add({
        articleId: request.articleId,
        source,
        text: event.text,
        modelId: event.modelId,
        precision: event.dtype,
        createdAt: event.createdAt,
      });
    } catch (error) {
      // English that cannot be kept is not shown as translated: the run stops and says why.
      if (request.writeError) return;
      request.writeError = `Translation stopped: the English could not be saved (${describeWriteError(error)}).`;
      this.cancel(request.articleId);
    }
  }
}
