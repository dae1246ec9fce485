import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from '@playwright/test';
import { chromiumLaunchOptions, viewport } from '../../test/support/chromium';

/** Chromium with a fresh profile of its own, as a new reader's browser; close() removes the profile too. */
export async function launchBenchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'targum-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...chromiumLaunchOptions, viewport });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
