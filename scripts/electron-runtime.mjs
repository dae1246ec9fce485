// Where the Electron runtime is, if it was installed: the electron package names its binary in path.txt.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return { ok: false, reason: 'the electron package is not installed (run npm install)' };
  }
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, reason: 'the Electron runtime was not downloaded when npm install ran' };
  const binary = path.join(override ?? path.join(packageDir, 'dist'), readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? { ok: true, binary } : { ok: false, reason: `the Electron runtime is missing (${binary})` };
}
