import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveDataPaths } from '../../../src/node/paths';

describe('resolveDataPaths', () => {
  it('uses the per-user application folder Electron uses for the app on each platform', () => {
    expect(resolveDataPaths({}, 'linux', '/home/dana').dataDir).toBe('/home/dana/.config/Targum');
    expect(resolveDataPaths({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/dana').dataDir).toBe('/xdg/Targum');
    expect(resolveDataPaths({ XDG_CONFIG_HOME: 'relative' }, 'linux', '/home/dana').dataDir).toBe('/home/dana/.config/Targum');
    expect(resolveDataPaths({}, 'darwin', '/Users/dana').dataDir).toBe('/Users/dana/Library/Application Support/Targum');
    expect(resolveDataPaths({ APPDATA: 'C:\\Users\\dana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\dana').dataDir).toBe(
      path.join('C:\\Users\\dana\\AppData\\Roaming', 'Targum'),
    );
  });

  it('keeps models, backups, logs and settings inside the data folder', () => {
    const paths = resolveDataPaths({}, 'linux', '/home/dana');
    expect(paths.modelsDir).toBe('/home/dana/.config/Targum/models');
    expect(paths.backupsDir).toBe('/home/dana/.config/Targum/backups');
    expect(paths.logsDir).toBe('/home/dana/.config/Targum/logs');
    expect(paths.settingsFile).toBe('/home/dana/.config/Targum/settings.json');
  });

  it('lets TARGUM_DATA_DIR and TARGUM_MODELS_DIR override the folders', () => {
    const paths = resolveDataPaths({ TARGUM_DATA_DIR: '/srv/targum', TARGUM_MODELS_DIR: '/mnt/models' }, 'linux', '/home/dana');
    expect(paths.dataDir).toBe('/srv/targum');
    expect(paths.modelsDir).toBe('/mnt/models');
    expect(paths.backupsDir).toBe('/srv/targum/backups');
  });
});
