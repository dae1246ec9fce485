import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, viewport } from './test/support/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions,
    viewport,
    trace: 'off',
    screenshot: 'only-on-failure',
  },
});
