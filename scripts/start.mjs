// npm start: build (the desktop app and the web host), then launch the desktop app; where the Electron
// runtime is missing, say so in one line and start the web host, which serves the same workbench in a browser.
import { spawn, spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-runtime.mjs';

const run = (command, args) => spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });

const build = run('npm', ['run', 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = findElectronBinary();
const child = electron.ok
  ? spawn(electron.binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
  : (console.log(`Electron runtime not available (${electron.reason}): starting the web host instead.`),
    spawn(process.execPath, ['out/server/main.js', ...process.argv.slice(2)], { stdio: 'inherit' }));
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
