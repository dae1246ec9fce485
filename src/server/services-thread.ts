import { Worker } from 'node:worker_threads';
import type { ServicesChild } from '../common/rpc/services-connection';
import { textPortOverEmitter } from '../common/rpc/text-ports';
import path from 'node:path';
import { readAppMetadata, sourceRootDir } from '../node/app-metadata';
import type { DataPaths } from '../node/paths';
import type { ServicesStart } from '../node/services/start';

const workerEntry = new URL('./services-worker.ts', import.meta.url).href;
const tsxLoader = import.meta.resolve('tsx/esm/api');

/**
 * Starts the Node services in a worker thread. The web host runs from its TypeScript source, so the
 * worker first registers tsx's loader in its own thread, then loads the entry.
 */
export function spawnServicesThread(start: ServicesStart): ServicesChild {
  const bootstrap = `import(${JSON.stringify(tsxLoader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(workerEntry)}); });`;
  const worker = new Worker(bootstrap, { eval: true, workerData: start });
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

/** The web host's services, run from the source tree, over the given data folder. */
export function spawnWebServices(paths: DataPaths): ServicesChild {
  return spawnServicesThread({
    host: 'web',
    app: readAppMetadata(),
    paths,
    resourcesDir: path.join(sourceRootDir, 'resources'),
    runtime: { node: process.versions.node },
  });
}
