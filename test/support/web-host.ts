import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readAppMetadata, sourceRootDir } from '../../src/node/app-metadata';
import { resolveDataPaths } from '../../src/node/paths';
import { createNodeServices } from '../../src/node/services';
import { startWebHost, type WebHost } from '../../src/server/web-host';

export interface TestWebHost extends WebHost {
  dataDir: string;
  logs: string[];
}

/** A web host on a free port with its own empty data folder, serving the renderer build in out/renderer. */
export async function startTestWebHost(options: { rendererDir?: string } = {}): Promise<TestWebHost> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-test-'));
  const logs: string[] = [];
  const log = (message: string) => logs.push(message);
  const host = await startWebHost({
    port: 0,
    rendererDir: options.rendererDir ?? path.join(sourceRootDir, 'out', 'renderer'),
    log,
    createServices: (emit) =>
      createNodeServices({
        host: 'web',
        app: readAppMetadata(),
        paths: resolveDataPaths({ TARGUM_DATA_DIR: dataDir }),
        resourcesDir: path.join(sourceRootDir, 'resources'),
        runtime: { node: process.versions.node },
        emit,
        log,
      }),
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
