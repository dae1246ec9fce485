import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project root when running from source (web host, CLI, tests): two levels above this file. */
export const sourceRootDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface AppMetadata {
  name: string;
  version: string;
}

export function readAppMetadata(rootDir: string = sourceRootDir): AppMetadata {
  const manifest = JSON.parse(readFileSync(path.join(rootDir, 'package.json'), 'utf8')) as { productName?: string; version?: string };
  return { name: manifest.productName ?? 'Targum', version: manifest.version ?? '0.0.0' };
}
