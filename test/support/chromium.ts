/** Debian's Chromium, never a downloaded browser (scripts/ensure-chromium.mjs installs it), making no request of its own. */
export const chromiumLaunchOptions = {
  executablePath: process.env.TARGUM_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export const viewport = { width: 1280, height: 800 };
