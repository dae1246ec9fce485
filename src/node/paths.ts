import os from 'node:os';
import path from 'node:path';

/** The product name, as Electron uses it for the app's per-user folder. */
export const productName = 'Targum';

export interface DataPaths {
  /** Targum's per-user folder: models, backups, logs and the services' settings. */
  dataDir: string;
  modelsDir: string;
  backupsDir: string;
  logsDir: string;
  settingsFile: string;
}

/**
 * Where Targum keeps its files: the platform's usual per-user application folder, the same one Electron
 * gives the app as `userData`, so the desktop app, the web host and the command line share models and
 * settings. TARGUM_DATA_DIR overrides the folder, TARGUM_MODELS_DIR the models folder alone.
 */
export function resolveDataPaths(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): DataPaths {
  const dataDir = env.TARGUM_DATA_DIR ? path.resolve(env.TARGUM_DATA_DIR) : path.join(appDataDir(env, platform, home), productName);
  return {
    dataDir,
    modelsDir: env.TARGUM_MODELS_DIR ? path.resolve(env.TARGUM_MODELS_DIR) : path.join(dataDir, 'models'),
    backupsDir: path.join(dataDir, 'backups'),
    logsDir: path.join(dataDir, 'logs'),
    settingsFile: path.join(dataDir, 'settings.json'),
  };
}

/** Electron's `appData`: %APPDATA% on Windows, ~/Library/Application Support on macOS, XDG config elsewhere. */
function appDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') return env.APPDATA ?? path.join(home, 'AppData', 'Roaming');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support');
  return env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(home, '.config');
}
