import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ServicesChild } from '../common/rpc/services-connection';
import { textPortOverEmitter } from '../common/rpc/text-ports';
import { readAppMetadata, sourceRootDir } from '../node/app-metadata';
import type { DataPaths } from '../node/paths';
import type { ServicesStart } from '../node/services/start';

/**
 * The worker's entry, built (scripts/build-node.mjs): the same file whether the host itself runs built
 * (out/server) or, in tests, from its source.
 */
const workerEntry = path.join(sourceRootDir, 'out', 'server', 'services-worker.js');

/** Starts the Node services in a worker thread. */
export function spawnServicesThread(start: ServicesStart): ServicesChild {
  if (!existsSync(workerEntry)) throw new Error(`no build of the services in ${path.dirname(workerEntry)}: run "npm run build:node" first`);
  const worker = new Worker(workerEntry, { workerData: start });
  return {
    port: textPortOverEmitter(worker),
    onExit: (listener) => {
      let reported = false;
      const report = (reason: string) => {
        if (!reported) listener(reason);
        reported = true;
      };
      worker.once('error', (error) => report(`the services thread failed: ${error.message}`));
      worker.once('exit', (code) => report(`the services thread exited with code ${code}`));
    },
    stop: () => void worker.terminate(),
  };
}

/** The web host's services over the given data folder. */
export function spawnWebServices(paths: DataPaths): ServicesChild {
  return spawnServicesThread({
    host: 'web',
    app: readAppMetadata(),
    paths,
    resourcesDir: path.join(sourceRootDir, 'resources'),
    runtime: { node: process.versions.node },
  });
}
