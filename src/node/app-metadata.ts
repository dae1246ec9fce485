import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root: two levels above this module, in src/node or bundled into out/cli or out/server (scripts/build-node.mjs). */
export const sourceRootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppMetadata {
  name: string;
  version: string;
}

export function readAppMetadata(rootDir: string = sourceRootDir): AppMetadata {
  const manifest = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { productName?: string; version?: string };
  return { name: manifest.productName ?? 'Targum', version: manifest.version ?? '0.0.0' };
}
