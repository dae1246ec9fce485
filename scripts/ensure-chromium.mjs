// The end-to-end tests drive Debian's Chromium, never a downloaded browser. Install it when missing.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.TARGUM_CHROMIUM ?? '/usr/bin/chromium';

if (!existsSync(chromiumPath)) {
  if (process.getuid?.() !== 0) {
    console.error(`targum: Chromium is missing at ${chromiumPath}; install the Debian package "chromium" (sudo apt-get install chromium).`);
    process.exit(1);
  }
  console.log('Installing Debian chromium for the end-to-end tests…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (!install || install.status !== 0 || !existsSync(chromiumPath)) {
    console.error('targum: could not install chromium with apt-get.');
    process.exit(1);
  }
}
