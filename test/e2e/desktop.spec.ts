import { _electron as electron, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary } from '../../scripts/electron-runtime.mjs';

const runtime = findElectronBinary();

test('the desktop app opens on the library, sandboxed, with only the narrow bridge', async () => {
  if (!runtime.ok) console.log(`skipped: no Electron runtime on this machine (${runtime.reason}); users get it from npm install`);
  test.skip(!runtime.ok, `desktop launch test skipped: no Electron runtime on this machine (${runtime.ok ? '' : runtime.reason})`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-desktop-'));
  const app = await electron.launch({
    executablePath: runtime.ok ? runtime.binary : undefined,
    args: ['.', '--no-sandbox'],
    env: { ...process.env, TARGUM_DATA_DIR: dataDir },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
    expect(window.url()).toMatch(/^app:\/\/targum\//);
    const exposed = await window.evaluate(() => ({
      bridge: Object.keys((window as unknown as { targum: object }).targum).sort(),
      hasRequire: typeof (window as unknown as { require?: unknown }).require,
      hasProcess: typeof (window as unknown as { process?: unknown }).process,
    }));
    expect(exposed).toEqual({ bridge: ['chooseFolder', 'onMessage', 'send'], hasRequire: 'undefined', hasProcess: 'undefined' });
    // A model folder comes through the system's folder dialog (answered here in the main process, as a user would).
    const folder = path.resolve('test/fixtures/models/targum-tiny-nllb');
    await app.evaluate(({ dialog }, chosen) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
    }, folder);
    await window.getByRole('link', { name: 'Models' }).click();
    await expect(window.getByLabel('Model folder', { exact: true })).toHaveCount(0);
    await window.getByRole('button', { name: 'Choose a model folder…' }).click();
    await expect(window.getByRole('status').filter({ hasText: 'Imported targum-tiny-nllb.' })).toBeVisible({ timeout: 30_000 });
    await window.getByRole('link', { name: 'Library' }).click();
    // A reload opens a new API channel for the page (the old one's calls end): the library comes back.
    await window.reload();
    await expect(window.getByRole('list', { name: 'Articles' }).getByRole('listitem')).toHaveCount(5);
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
