// postinstall: fetch the Electron runtime as the electron package would, but never fail the install when it
// cannot be downloaded (no network, a closed mirror): the web host and the command line work without it.
// package.json's allowScripts keeps npm from running the electron package's own install step, which fails hard.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { findElectronBinary } from './electron-runtime.mjs';

if (process.env.TARGUM_SKIP_ELECTRON_DOWNLOAD || findElectronBinary().ok) process.exit(0);
let installer;
try {
  installer = createRequire(import.meta.url).resolve('electron/install.js');
} catch {
  process.exit(0);
}
const result = spawnSync(process.execPath, [installer], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
if (result.status === 0 && findElectronBinary().ok) {
  console.log('targum: Electron runtime installed.');
} else {
  const reason = (result.stderr ?? '').split('\n').find((line) => line.trim()) ?? 'unknown error';
  console.log(`targum: the Electron runtime could not be downloaded (${reason.trim()}); npm start will open the web host instead.`);
}
