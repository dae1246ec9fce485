import path from 'node:path';
import { readAppMetadata, sourceRootDir } from '../node/app-metadata';
import { resolveDataPaths } from '../node/paths';
import { createNodeServices, type NodeServices } from '../node/services';
import type { CliIo } from './cli-io';

/** The Node services as the command line uses them: the same services, data folder and models as the hosts. */
export function cliServices(io: CliIo, threads?: number): NodeServices {
  return createNodeServices({
    host: 'cli',
    app: readAppMetadata(),
    paths: resolveDataPaths(io.env),
    resourcesDir: path.join(sourceRootDir, 'resources'),
    runtime: { node: process.versions.node },
    log: (message) => io.stderr(`${message}\n`),
    threads,
  });
}
