import type { ApiEvent, ApiServices, HostKind } from '../../common/api/contract';
import type { AppMetadata } from '../app-metadata';
import type { DataPaths } from '../paths';
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
}

/** The services behind the API, the same for the desktop app, the web host and the command line. */
export function createNodeServices(options: NodeServicesOptions): ApiServices {
  const settings = new SettingsStore(options.paths.settingsFile, defaultServiceSettings(), options.log);
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
  };
}
