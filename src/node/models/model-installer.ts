import type { CallSignal } from '../../common/api/call';
import type { CatalogEntry, TransferProgress } from '../../common/api/contract';
import { isRecommendedFor, type ModelInfo } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { catalogEntriesFor, downloadRequestFor, fp32DownloadRequestFor, loadCatalog, type ModelCatalog } from './catalog';
import { downloadModel } from './hub-download/download-model';
import { ModelDownloadError } from './hub-download/errors';
import type { DownloadRequest } from './hub-download/request';
import type { ModelRegistry } from './model-registry';
import { inspectModelFolder } from '../translation/model-folder';

interface DownloadCaller {
  signal?: CallSignal;
  onProgress?: (progress: TransferProgress) => void;
}

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
  install(catalogId: string, options: DownloadCaller = {}): Promise<ModelInfo> {
    return this.join(catalogId, (signal, onProgress) => this.download(catalogId, signal, onProgress), options);
  }

  /**
   * Downloads the fp32 files of an installed catalog model whose own files are q8 (the catalog's `fp32Files`),
   * the same way as an install: resumed, checked and bounded in size. They join the model's folder once all
   * have arrived, so its fp32 precision is there whole or not at all.
   */
  installFp32(modelId: string, options: DownloadCaller = {}): Promise<ModelInfo> {
    return this.join(`${modelId}#fp32`, (signal, onProgress) => this.downloadFp32(modelId, signal, onProgress), options);
  }

  private join(key: string, start: (signal: AbortSignal, onProgress: (progress: TransferProgress) => void) => Promise<ModelInfo>, options: DownloadCaller): Promise<ModelInfo> {
    let download = this.running.get(key);
    if (!download) {
      const controller = new AbortController();
      const listeners = new Set<(progress: TransferProgress) => void>();
      const done = start(controller.signal, (progress) => listeners.forEach((listener) => listener(progress)));
      download = { controller, listeners, callers: 0, done: done.finally(() => this.running.delete(key)) };
      this.running.set(key, download);
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
    await this.fetch(downloadRequestFor(entry, { hubUrl: hub.url, modelsDir: this.registry.modelsDir }), hub.allowUnverified, signal, onProgress);
    return inspectModelFolder(downloadRequestFor(entry, { hubUrl: '', modelsDir: this.registry.modelsDir }).destination, 'installed');
  }

  private async downloadFp32(modelId: string, signal: AbortSignal, onProgress: (progress: TransferProgress) => void): Promise<ModelInfo> {
    const model = await this.registry.get(modelId);
    const entry = (await this.loadCatalog()).models.find((candidate) => candidate.id === model.id);
    const hub = await this.hub();
    const request = entry && model.source === 'installed' ? fp32DownloadRequestFor(entry, { hubUrl: hub.url, modelsDir: this.registry.modelsDir }) : undefined;
    if (!request) throw new ModelDownloadError('invalid', `Targum's catalog lists no fp32 files for ${model.id}`);
    if (model.dtypes.includes('fp32')) throw new ModelDownloadError('exists', `${model.id} has its fp32 files already`);
    // Files an earlier run assembled there but did not move (it stopped in between) are fetched again.
    await rm(request.destination, { recursive: true, force: true });
    await this.fetch(request, hub.allowUnverified, signal, onProgress);
    // The last file moved makes the precision usable, so an interrupted move leaves the model as it was.
    for (const file of request.files) {
      await mkdir(path.dirname(path.join(model.path, file.path)), { recursive: true });
      await rename(path.join(request.destination, file.path), path.join(model.path, file.path));
    }
    await rm(request.destination, { recursive: true, force: true });
    return inspectModelFolder(model.path, 'installed');
  }

  private async fetch(request: DownloadRequest, allowUnverified: boolean, signal: AbortSignal, onProgress: (progress: TransferProgress) => void): Promise<void> {
    await downloadModel({
      ...request,
      allowUnverified,
      signal,
      onProgress: (progress) =>
        onProgress({ done: progress.done, total: progress.total, file: { name: progress.file, done: progress.fileDone, total: progress.fileTotal } }),
    });
  }
}
