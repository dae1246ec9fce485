import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startTestWebHost, type TestWebHost } from '../support/web-host';

export const screenshotDir = path.resolve('artifacts/screenshots');

type WorkerFixtures = { webHost: TestWebHost; withTinyModel: boolean; withDemoModel: boolean };
type TestFixtures = { foreignRequests: string[]; openWorkbench: (hash?: string) => Promise<Page> };

/**
 * Every test runs against a real web host and fails if the page asks for anything outside the host's own
 * origin: Targum makes no network request the user did not start.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  /** Whether the host's models folder has the tiny test model, imported as a user would. */
  withTinyModel: [true, { scope: 'worker', option: true }],
  /** Whether the app's resources hold the bundled demo model, as shipped. */
  withDemoModel: [true, { scope: 'worker', option: true }],
  webHost: [
    async ({ withTinyModel, withDemoModel }, use) => {
      const host = await startTestWebHost({ withTinyModel, withDemoModel });
      await use(host);
      await host.close();
    },
    { scope: 'worker' },
  ],
  foreignRequests: [
    async ({ context, page, webHost }, use) => {
      const foreign: string[] = [];
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (url.startsWith(`${webHost.origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
        foreign.push(url);
        return route.abort('blockedbyclient');
      });
      page.on('websocket', (socket) => {
        if (!socket.url().startsWith(webHost.origin.replace('http:', 'ws:'))) foreign.push(socket.url());
      });
      await use(foreign);
      expect(foreign, 'requests outside the app origin').toEqual([]);
    },
    { auto: true },
  ],
  openWorkbench: async ({ page, webHost }, use) => {
    await use(async (hash = '') => {
      await page.goto(`${webHost.url}${hash}`);
      await expect(page.getByRole('navigation', { name: 'Targum' })).toBeVisible({ timeout: 15_000 });
      // The token has left the address bar (and so the history); the tab keeps it for reloads.
      expect(new URL(page.url()).searchParams.has('token')).toBe(false);
      return page;
    });
  },
});

export { expect };

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: false });
}

/** How many records each of the given stores of the library's IndexedDB database holds. */
export function storedCounts<Store extends string>(page: Page, stores: readonly Store[]): Promise<Record<Store, number>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const request = indexedDB.open('targum');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const transaction = db.transaction(names);
          const counts = names.map((name) => transaction.objectStore(name).count());
          transaction.oncomplete = () => {
            db.close();
            resolve(Object.fromEntries(names.map((name, index) => [name, counts[index]!.result])));
          };
        };
      }),
    [...stores],
  ) as Promise<Record<Store, number>>;
}
