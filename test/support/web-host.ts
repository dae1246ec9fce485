import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sourceRootDir } from '../../src/node/app-metadata';
import { ModelRegistry } from '../../src/node/models/model-registry';
import { resolveDataPaths } from '../../src/node/paths';
import { spawnWebServices } from '../../src/server/services-thread';
import { startWebHost, type WebHost } from '../../src/server/web-host';
import { tinyModelFolder } from './tiny-model';

export interface TestWebHost extends WebHost {
  dataDir: string;
  logs: string[];
}

/** A web host on a free port with its own empty data folder, serving the renderer build in out/renderer. */
export async function startTestWebHost(options: { rendererDir?: string; withTinyModel?: boolean } = {}): Promise<TestWebHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-test-'));
  const logs: string[] = [];
  const paths = resolveDataPaths({ TARGUM_DATA_DIR: dataDir });
  if (options.withTinyModel) {
    // Imported the way a user imports a model folder.
    await new ModelRegistry(path.join(dataDir, 'no-bundled-models'), paths.modelsDir, () => undefined).importFolder(tinyModelFolder);
  }
  const host = await startWebHost({
    port: 0,
    rendererDir: options.rendererDir ?? path.join(sourceRootDir, 'out', 'renderer'),
    log: (message) => logs.push(message),
    spawnServices: () => spawnWebServices(paths),
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
