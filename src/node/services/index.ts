import path from 'node:path';
import type { ApiEvent, ApiServices, HostKind } from '../../common/api/contract';
import type { AppMetadata } from '../app-metadata';
import { fetchArticle } from '../import/fetch-article';
import { ModelInstaller } from '../models/model-installer';
import { ModelRegistry } from '../models/model-registry';
import type { DataPaths } from '../paths';
import { TranslationService } from '../translation/translation-service';
import { readSampleArticles } from './sample-library';
import { defaultServiceSettings, SettingsStore } from './settings-store';

export interface NodeServicesOptions {
  host: HostKind;
  app: AppMetadata;
  paths: DataPaths;
  /** The folder holding samples/ and models/ shipped with the app. */
  resourcesDir: string;
  /** Versions of the runtime, for the About line (Electron adds its own). */
  runtime: { node: string; electron?: string };
  emit: (event: ApiEvent) => void;
  log: (message: string) => void;
  /** Threads for this run only (the command line's --threads), instead of the saved setting. */
  threads?: number;
}

export interface NodeServices extends ApiServices {
  /** The translation queue itself, for callers in the same process (the command line). */
  translation: TranslationService;
  dispose(): Promise<void>;
}

/** The services behind the API, the same for the desktop app, the web host and the command line. */
export function createNodeServices(options: NodeServicesOptions): NodeServices {
  const settings = new SettingsStore(options.paths.settingsFile, defaultServiceSettings(), options.log);
  const registry = new ModelRegistry(path.join(options.resourcesDir, 'models'), options.paths.modelsDir, options.log);
  const installer = new ModelInstaller(registry, options.resourcesDir, async () => (await settings.get()).hubUrl, (event) => options.emit(event));
  const translation = new TranslationService({
    registry,
    threads: async () => options.threads ?? (await settings.get()).threads,
    preferredModelIds: (from, to) => installer.preferredIds(from, to),
    onSegment: (result) => options.emit({ type: 'translation', ...result }),
    onProgress: (requestId, done, total) => options.emit({ type: 'progress', taskId: requestId, label: 'Translating', done, total }),
  });
  return {
    getAppInfo: async () => ({
      name: options.app.name,
      version: options.app.version,
      host: options.host,
      platform: process.platform,
      dataDir: options.paths.dataDir,
      modelsDir: options.paths.modelsDir,
      runtime: options.runtime,
    }),
    getSettings: () => settings.get(),
    updateSettings: (changes) => settings.update(changes),
    listSampleArticles: () => readSampleArticles(options.resourcesDir),
    listModels: () => registry.list(),
    getModelCatalog: () => installer.catalog(),
    installModel: ({ catalogId }) => installer.install(catalogId),
    cancelModelInstall: async ({ catalogId }) => ({ cancelled: installer.cancel(catalogId) }),
    importModel: ({ path: folder, id }) => registry.importFolder(folder, id),
    fetchArticle: async ({ url }) => {
      const fetched = await fetchArticle(url, { sizeLimitMb: (await settings.get()).importSizeLimitMb });
      return { ...fetched, bytes: Buffer.from(fetched.bytes).toString('base64') };
    },
    removeModel: async ({ id }) => {
      await registry.remove(id);
      return { removed: true };
    },
    translate: (params) => translation.translate(params),
    cancelTranslation: async ({ requestId }) => ({ cancelled: translation.cancel(requestId) }),
    prioritizeTranslation: async ({ requestId, segmentIds }) => {
      translation.prioritize(requestId, segmentIds);
      return {};
    },
    translation,
    dispose: () => translation.dispose(),
  };
}
