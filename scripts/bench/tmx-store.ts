/**
 * A TMX imported through the import panel of the built renderer (web host, Debian's Chromium), as a reader drops
 * one: the main thread's long tasks while the panel says the file is being stored (its pairs written to the
 * translation memory and its aligned pair of articles, built in a worker, written with them), and how long storing took.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestWebHost } from '../../test/support/web-host';
import { launchBenchBrowser } from './browser';

export interface TmxStoreFigures {
  /** The longest long task while the panel said "storing". */
  longestBlockMs: number;
  /**
   * The longest while rows were written in batches (the panel's "storing … N%" under 100 %): the memory's entries,
   * then the articles' sentences. The alignment record, one row, is written after them, at 100 %.
   */
  longestMemoryBlockMs: number;
  storeSeconds: number;
  /** The panel's line for the file once it was stored. */
  result: string;
}

export async function measureTmxStore(tmx: string, fileName: string): Promise<TmxStoreFigures> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-bench-tmx-store-'));
  const file = path.join(folder, fileName);
  writeFileSync(file, tmx);
  const host = await startTestWebHost();
  const browser = await launchBenchBrowser();
  try {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.addInitScript(() => {
      // Each long task with what the import panel said when it began: its line before and its latest, followed as
      // the page changes it.
      const tasks: Array<{ start: number; duration: number; said: string }> = [];
      const stored: { from?: number; until?: number } = {};
      const said = ['', ''];
      (window as unknown as { bench: object }).bench = { tasks, stored };
      new MutationObserver(() => {
        const line = document.querySelector('.import-panel [role=status]')?.textContent ?? '';
        if (line === said[1]) return;
        said.shift();
        said.push(line);
        if (line.includes(': storing ')) stored.from ??= performance.now();
        else if (stored.from !== undefined) stored.until ??= performance.now();
      }).observe(document, { subtree: true, childList: true, characterData: true });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration, said: said.join(' | ') });
      }).observe({ type: 'longtask' });
    });
    await page.goto(host.url);
    // The file is larger than the default import limit (20 MB).
    await page.getByRole('link', { name: 'Settings' }).click();
    await page.getByLabel('Largest file to import (MB)').fill(String(Math.ceil(Buffer.byteLength(tmx) / 1024 / 1024) + 1));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.getByRole('link', { name: 'Library' }).click();
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.locator('.import-panel input[type=file][multiple]').setInputFiles(file);
    const result = page.getByRole('list', { name: 'Import results' }).getByRole('listitem').first();
    await result.waitFor({ timeout: 600_000 });
    const { tasks, stored } = await page.evaluate(() => (window as unknown as { bench: { tasks: Array<{ start: number; duration: number; said: string }>; stored: { from?: number; until?: number } } }).bench);
    if (process.env.BENCH_VERBOSE) for (const task of tasks.filter((task) => task.duration > 100)) console.log(`${Math.round(task.start)} ms: ${Math.round(task.duration)} ms under «${task.said}»`);
    const longest = (filter: (said: string) => boolean) => tasks.filter((task) => filter(task.said)).reduce((most, task) => Math.max(most, task.duration), 0);
    return {
      longestBlockMs: longest((said) => said.includes(': storing ')),
      // Rows being written in batches (the panel's latest line: under 100 %); at 100 %, the alignment record.
      longestMemoryBlockMs: longest((said) => /: storing [^|]*, \d\d?%[^|]*$/.test(said)),
      storeSeconds: stored.from !== undefined && stored.until !== undefined ? (stored.until - stored.from) / 1000 : 0,
      result: (await result.textContent()) ?? '',
    };
  } finally {
    await browser.close();
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  }
}
