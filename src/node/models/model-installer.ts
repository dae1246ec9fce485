import type { CallSignal } from '../../common/api/call';
import type { CatalogEntry, TransferProgress } from '../../common/api/contract';
import { isRecommendedFor, type ModelInfo } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';
import { catalogEntriesFor, downloadRequestFor, loadCatalog, type ModelCatalog } from './catalog';
import { downloadModel } from './hub-download/download-model';
import { ModelDownloadError } from './hub-download/errors';
import type { ModelRegistry } from './model-registry';
import { inspectModelFolder } from '../translation/model-folder';

interface Download {
  controller: AbortController;
  listeners: Set<(progress: TransferProgress) => void>;
  callers: number;
  done: Promise<ModelInfo>;
}

/** Installs catalog models from the hub (or its mirror) into the models folder, one download per model at a time. */
export class ModelInstaller {
  private catalogPromise: Promise<ModelCatalog> | undefined;
  private readonly running = new Map<string, Download>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly resourcesDir: string,
    /** The hub to download from, and whether the user allows unverified downloads from it. */
    private readonly hub: () => Promise<{ url: string; allowUnverified: boolean }>,
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

  /**
   * Starts the download of a catalog model, or joins the one running: each caller gets the progress, and
   * the download stops when every caller has cancelled (or gone).
   */
  install(catalogId: string, options: { signal?: CallSignal; onProgress?: (progress: TransferProgress) => void } = {}): Promise<ModelInfo> {
    let download = this.running.get(catalogId);
    if (!download) {
      const controller = new AbortController();
      const listeners = new Set<(progress: TransferProgress) => void>();
      const done = this.download(catalogId, controller.signal, (progress) => listeners.forEach((listener) => listener(progress)));
      download = { controller, listeners, callers: 0, done: done.finally(() => this.running.delete(catalogId)) };
      this.running.set(catalogId, download);
    }
    const joined = download;
    const listener = options.onProgress ?? (() => undefined);
    joined.listeners.add(listener);
    joined.callers += 1;
    const leave = () => {
      joined.listeners.delete(listener);
      joined.callers -= 1;
      if (joined.callers === 0) joined.controller.abort();
    };
    if (options.signal?.aborted) leave();
    else options.signal?.addEventListener('abort', leave, { once: true });
    return joined.done.finally(() => options.signal?.removeEventListener('abort', leave));
  }

  private loadCatalog(): Promise<ModelCatalog> {
    this.catalogPromise ??= loadCatalog(this.resourcesDir);
    return this.catalogPromise;
  }

  private async download(catalogId: string, signal: AbortSignal, onProgress: (progress: TransferProgress) => void): Promise<ModelInfo> {
    const entry = (await this.loadCatalog()).models.find((model) => model.id === catalogId);
    if (!entry) throw new ModelDownloadError('invalid', `"${catalogId}" is not in Targum's model catalog`);
    if ((await this.registry.list()).some((model) => model.id === entry.id)) {
      throw new ModelDownloadError('exists', `${entry.id} is already installed`);
    }
    const hub = await this.hub();
    await downloadModel({
      ...downloadRequestFor(entry, { hubUrl: hub.url, modelsDir: this.registry.modelsDir }),
      allowUnverified: hub.allowUnverified,
      signal,
      onProgress: (progress) =>
        onProgress({ done: progress.done, total: progress.total, file: { name: progress.file, done: progress.fileDone, total: progress.fileTotal } }),
    });
    return inspectModelFolder(downloadRequestFor(entry, { hubUrl: '', modelsDir: this.registry.modelsDir }).destination, 'installed');
  }
}
