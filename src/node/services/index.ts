import path from 'node:path';
import { ApiCallError } from '../../common/api/reply';
import type { CallSignal } from '../../common/api/call';
import type { ApiServices, FilesService, HostKind, ImportService, ModelsService, SettingsService, TeamService, TranslationApiService } from '../../common/api/contract';
import type { AppMetadata } from '../app-metadata';
import { fetchArticle } from '../import/fetch-article';
import { ModelInstaller } from '../models/model-installer';
import { ModelRegistry } from '../models/model-registry';
import { ModelUploads } from '../models/model-uploads';
import { PrecisionChecks } from '../models/precision-check';
import type { DataPaths } from '../paths';
import { createTeamService } from '../team/team-service';
import { privateTeamStore } from '../team/team-store';
import { directionFromVocabulary, inspectModelFolder } from '../translation/model-folder';
import { TranslationService } from '../translation/translation-service';
import { withTypedErrors } from './errors';
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
  log: (message: string) => void;
  /** Threads for this run only (the command line's --threads), instead of the saved setting. */
  threads?: number;
}

export interface NodeServices extends ApiServices {
  dispose(): Promise<void>;
}

/**
 * On the desktop the main process answers team calls itself, where the keychain is (src/main/team.ts): the
 * services process must never keep the password in a plain file there.
 */
const answeredByMain = (method: keyof TeamService) => () => Promise.reject(new ApiCallError('unavailable', `team.${method} is answered by the desktop's main process`));
const teamInDesktopMain: TeamService = { get: answeredByMain('get'), configure: answeredByMain('configure'), check: answeredByMain('check'), leave: answeredByMain('leave') };

/** An AbortSignal that follows a call's cancellation, for Node APIs that take one. */
function abortSignalOf(signal: CallSignal): AbortSignal {
  const controller = new AbortController();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

/**
 * The services behind the API, one interface per service, the same for the desktop app, the web host and
 * the command line. They throw the API's typed errors.
 */
export function createNodeServices(options: NodeServicesOptions): NodeServices {
  const store = new SettingsStore(options.paths.settingsFile, defaultServiceSettings(), options.log);
  const registry = new ModelRegistry(path.join(options.resourcesDir, 'models'), options.paths.modelsDir, options.log);
  const installer = new ModelInstaller(registry, options.resourcesDir, async () => {
    const { hubUrl, unverifiedDownloadHubs } = await store.get();
    return { url: hubUrl, allowUnverified: unverifiedDownloadHubs.includes(hubUrl) };
  });
  const uploads = new ModelUploads(options.paths.modelsDir, async () => (await store.get()).importSizeLimitMb * 1024 ** 2);
  const precision = new PrecisionChecks(path.join(options.paths.dataDir, 'model-precision.json'), options.log);
  const queue = new TranslationService({
    registry,
    precision,
    threads: async () => options.threads ?? (await store.get()).threads,
    preferredModelIds: (from, to) => installer.preferredIds(from, to),
  });

  const settings: SettingsService = {
    get: () => store.get(),
    update: (changes) => store.update(changes),
  };
  const files: FilesService = {
    appInfo: async () => ({
      name: options.app.name,
      version: options.app.version,
      host: options.host,
      platform: process.platform,
      dataDir: options.paths.dataDir,
      modelsDir: options.paths.modelsDir,
      runtime: options.runtime,
    }),
    sampleArticles: () => readSampleArticles(options.resourcesDir),
  };
  const models: ModelsService = {
    list: async () => precision.annotate(await registry.list()),
    catalog: () => installer.catalog(),
    install: ({ catalogId }, call) => installer.install(catalogId, { signal: call.signal, onProgress: (progress) => call.progress(progress) }),
    import: async ({ path: folder, uploadId, id, direction, ifExists }, call) => {
      const source = uploadId === undefined ? folder! : uploads.completeFolder(uploadId);
      const model = await registry.importFolder(source, id, { signal: call.signal, onProgress: (progress) => call.progress(progress), direction, ifExists }).catch((error: unknown) => {
        // An uploaded folder is spoken of by its name, not by where the services keep it.
        if (uploadId !== undefined && error instanceof Error) error.message = error.message.replaceAll(path.dirname(source) + path.sep, '');
        throw error;
      });
      if (uploadId !== undefined) await uploads.discard(uploadId);
      if (ifExists === 'replace') await precision.forget(model);
      // The first use of a folder with both precisions checks its q8 files: done now, while the user waits for the import anyway.
      await queue.checkPrecision(model);
      return (await precision.annotate([model]))[0]!;
    },
    uploadBegin: (upload) => uploads.begin(upload),
    uploadChunk: ({ uploadId, path: filePath, offset, data }) => uploads.chunk(uploadId, filePath, offset, Buffer.from(data, 'base64')),
    uploadDiscard: async ({ uploadId }) => {
      await uploads.discard(uploadId);
      return { discarded: true };
    },
    suggestDirection: async ({ path: folder, uploadId }) => (await directionFromVocabulary(uploadId === undefined ? folder! : uploads.completeFolder(uploadId))) ?? null,
    setPrecision: async ({ id, dtype }) => {
      const model = await registry.get(id);
      if (!model.dtypes.includes(dtype)) throw new ApiCallError('invalid-input', `${id} has no ${dtype} files (it has ${model.dtypes.join(', ')})`);
      await precision.choose(model, dtype);
      return (await precision.annotate([model]))[0]!;
    },
    remove: async ({ id }) => {
      await registry.remove(id);
      return { removed: true };
    },
  };
  const translation: TranslationApiService = {
    translate: async ({ model, ...params }, call) => {
      const job = queue.translate(
        {
          ...params,
          modelId: model && 'id' in model ? model.id : undefined,
          // A folder used in place that does not name its languages translates the direction asked for.
          model: model && 'folder' in model ? await inspectModelFolder(model.folder, 'imported', params.from && { from: [params.from], to: [params.to] }) : undefined,
        },
        { signal: call.signal, onProgress: (progress) => call.progress(progress) },
      );
      call.onControl(({ prioritize }) => job.prioritize(prioritize));
      return job.result;
    },
  };
  const importService: ImportService = {
    fetchArticle: async ({ url }, call) => {
      const { importSizeLimitMb, allowLocalNetworkImport } = await store.get();
      const fetched = await fetchArticle(url, { sizeLimitMb: importSizeLimitMb, allowLocalNetwork: allowLocalNetworkImport, signal: abortSignalOf(call.signal) });
      return { ...fetched, bytes: Buffer.from(fetched.bytes).toString('base64') };
    },
  };
  return {
    settings: withTypedErrors(settings),
    files: withTypedErrors(files),
    models: withTypedErrors(models),
    translation: withTypedErrors(translation),
    import: withTypedErrors(importService),
    team: withTypedErrors(options.host === 'desktop' ? teamInDesktopMain : createTeamService(privateTeamStore(options.paths.dataDir, options.log))),
    dispose: () => queue.dispose(),
  };
}
