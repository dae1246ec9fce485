import type { ApiEvent, CatalogEntry } from '../../common/api/contract';
import { isRecommendedFor, type ModelInfo } from '../../common/models/model-info';
import { catalogEntriesFor, downloadRequestFor, loadCatalog, type ModelCatalog } from './catalog';
import { downloadModel } from './hub-download/download-model';
import { ModelDownloadError } from './hub-download/errors';
import type { ModelRegistry } from './model-registry';
import { inspectModelFolder } from '../translation/model-folder';
import type { TextLanguage } from '../../common/text/language';

/** Installs catalog models from the hub (or its mirror) into the models folder, one download per model at a time. */
export class ModelInstaller {
  private catalogPromise: Promise<ModelCatalog> | undefined;
  private readonly running = new Map<string, { controller: AbortController; done: Promise<ModelInfo> }>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly resourcesDir: string,
    private readonly hubUrl: () => Promise<string>,
    private readonly emit: (event: ApiEvent) => void,
  ) {}

  async catalog(): Promise<CatalogEntry[]> {
    return (await this.loadCatalog()).models;
  }

  /** Ids of the recommended models for a direction, best first. */
  async preferredIds(from: TextLanguage, to: TextLanguage): Promise<string[]> {
    const catalog = await this.loadCatalog();
    return catalogEntriesFor(catalog, from, to)
      .filter((entry) => isRecommendedFor(entry, from, to))
      .map((entry) => entry.id);
  }

  /** Starts (or joins) the download of a catalog model; progress goes out as events with taskId `install:<id>`. */
  install(catalogId: string): Promise<ModelInfo> {
    const existing = this.running.get(catalogId);
    if (existing) return existing.done;
    const controller = new AbortController();
    const done = this.download(catalogId, controller.signal).finally(() => this.running.delete(catalogId));
    this.running.set(catalogId, { controller, done });
    return done;
  }

  cancel(catalogId: string): boolean {
    const running = this.running.get(catalogId);
    running?.controller.abort();
    return running !== undefined;
  }

  private loadCatalog(): Promise<ModelCatalog> {
    this.catalogPromise ??= loadCatalog(this.resourcesDir);
    return this.catalogPromise;
  }

  private async download(catalogId: string, signal: AbortSignal): Promise<ModelInfo> {
    const entry = (await this.loadCatalog()).models.find((model) => model.id === catalogId);
    if (!entry) throw new ModelDownloadError('invalid', `"${catalogId}" is not in Targum's model catalog`);
    if ((await this.registry.list()).some((model) => model.id === entry.id)) {
      throw new ModelDownloadError('exists', `${entry.id} is already installed`);
    }
    const taskId = `install:${entry.id}`;
    const label = `Downloading ${entry.id}`;
    await downloadModel({
      ...downloadRequestFor(entry, { hubUrl: await this.hubUrl(), modelsDir: this.registry.modelsDir }),
      signal,
      onProgress: (progress) =>
        this.emit({
          type: 'progress',
          taskId,
          label,
          done: progress.done,
          total: progress.total,
          file: { name: progress.file, done: progress.fileDone, total: progress.fileTotal },
        }),
    });
    return inspectModelFolder(downloadRequestFor(entry, { hubUrl: '', modelsDir: this.registry.modelsDir }).destination, 'installed');
  }
}
