import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAppMetadata, sourceRootDir } from '../../src/node/app-metadata';
import { ModelRegistry } from '../../src/node/models/model-registry';
import { resolveDataPaths } from '../../src/node/paths';
import { createTeamRelay, type TeamRelayOptions } from '../../src/node/team/team-relay';
import { privateTeamStore } from '../../src/node/team/team-store';
import { spawnServicesThread, spawnWebServices } from '../../src/server/services-thread';
import { startWebHost, type WebHost } from '../../src/server/web-host';
import { tinyModelFolder } from './tiny-model';

export interface TestWebHost extends WebHost {
  dataDir: string;
  logs: string[];
}

/**
 * The app's resources without the bundled demo model (samples and catalog as shipped), for what a user sees
 * when no model at all fits an article.
 */
function resourcesWithoutDemo(dataDir: string): string {
  const resources = path.join(dataDir, 'resources-without-demo');
  mkdirSync(path.join(resources, 'models'), { recursive: true });
  symlinkSync(path.join(sourceRootDir, 'resources', 'samples'), path.join(resources, 'samples'));
  copyFileSync(path.join(sourceRootDir, 'resources', 'models', 'catalog.json'), path.join(resources, 'models', 'catalog.json'));
  return resources;
}

/** A web host on a free port with its own empty data folder, serving the renderer build in out/renderer. */
export async function startTestWebHost(
  options: { rendererDir?: string; withTinyModel?: boolean; withDemoModel?: boolean; relayLimits?: Omit<TeamRelayOptions, 'team' | 'fetch'> } = {},
): Promise<TestWebHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-test-'));
  const logs: string[] = [];
  const paths = resolveDataPaths({ TARGUM_DATA_DIR: dataDir });
  if (options.withTinyModel) {
    // Imported the way a user imports a model folder.
    await new ModelRegistry(path.join(dataDir, 'no-bundled-models'), paths.modelsDir, () => undefined).importFolder(tinyModelFolder);
  }
  const team = privateTeamStore(dataDir, (message) => logs.push(message));
  const resourcesDir = options.withDemoModel === false ? resourcesWithoutDemo(dataDir) : undefined;
  const host = await startWebHost({
    port: 0,
    rendererDir: options.rendererDir ?? path.join(sourceRootDir, 'out', 'renderer'),
    log: (message) => logs.push(message),
    spawnServices: () =>
      resourcesDir
        ? spawnServicesThread({ host: 'web', app: readAppMetadata(), paths, resourcesDir, runtime: { node: process.versions.node } })
        : spawnWebServices(paths),
    teamRelay: createTeamRelay({ ...options.relayLimits, team: () => team.connection() }),
  });
  return {
    ...host,
    dataDir,
    logs,
    close: async () => {
      await host.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
