/**
 * npm run bench:search — library search at 10,000 articles, in Debian's Chromium against the built renderer
 * served by the web host. Prints figures; asserts nothing. Ends with one `summary:` line.
 *
 * 1. A bench page served beside the app (same origin, so the same IndexedDB) writes 10,000 articles of about
 *    800 words (Hebrew and Arabic in turn, FLORES sentences) through the app's import path, each sentence
 *    with its FLORES English as machine translation, and waits until the search entries are built (fill).
 * 2. The app opens on the library (open: until the list shows every article; search ready: until the first
 *    query is answered, the words being read after the list).
 * 3. Queries are typed into the library's search field; each is timed from the keystroke until the screen
 *    shows that query's results and the next frame is drawn. 10 warm-up queries, then 50 timed ones, each
 *    0.3 s after the last (the rows' passages are read after the list is drawn).
 *
 * Options: --articles N (10000), --words N (800), --queries N (50).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { build } from 'vite';
import type { TextLanguage } from '../../src/common/text/language';
import { floresPath } from '../../test/support/reference-texts';
import { startTestWebHost } from '../../test/support/web-host';
import { launchBenchBrowser } from './browser';
import type { Corpus } from './search-fill';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const articleCount = option('articles', 10_000);
const wordsPerArticle = option('words', 800);
const timedQueries = option('queries', 50);
const warmUpQueries = 10;
const rendererDir = path.resolve('out/renderer');

const seconds = (ms: number) => (ms / 1000).toFixed(1);
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function ensureRendererBuild(): void {
  if (existsSync(path.join(rendererDir, 'index.html'))) {
    console.log(`Renderer build: ${rendererDir} (built ${statSync(path.join(rendererDir, 'index.html')).mtime.toISOString()}; run npm run build after changes)`);
    return;
  }
  console.log('No renderer build: running npm run build…');
  if (spawnSync('npm', ['run', 'build'], { stdio: 'inherit' }).status !== 0) {
    console.error('bench: the build failed');
    process.exit(1);
  }
}

/** The app's renderer and the bench page in one folder, so that both have the same origin. */
async function servedFolder(): Promise<string> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-bench-search-'));
  // Copied under the build lock that other builds of this tree take, so that no build rewrites it halfway.
  const copy = spawnSync('flock', ['/tmp/targum-build.lock', 'cp', '-R', `${rendererDir}/.`, folder], { stdio: 'inherit' });
  if (copy.error) cpSync(rendererDir, folder, { recursive: true });
  else if (copy.status !== 0) throw new Error(`could not copy ${rendererDir}`);
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir: folder,
      emptyOutDir: false,
      minify: true,
      lib: { entry: path.resolve('scripts/bench/search-fill.ts'), formats: ['es'], fileName: () => 'bench-fill.js' },
    },
  });
  writeFileSync(path.join(folder, 'bench-fill.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="./bench-fill.js"></script>\n');
  return folder;
}

function readCorpus(): Corpus {
  const lines = (language: TextLanguage) => readFileSync(floresPath(language), 'utf8').trim().split('\n');
  return { he: lines('he'), ar: lines('ar'), en: lines('en') };
}

/**
 * Queries as a reader would type them, from the corpus: whole words and parts of words in Hebrew, Arabic
 * (with and without diacritics and hamza) and English, two-word queries, and a few that match nothing.
 */
function queries(corpus: Corpus, count: number): string[] {
  let state = 7;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const word = (lines: string[]) => {
    for (;;) {
      const words = lines[Math.floor(next() * lines.length)]!.split(/[\s,.;:!?()"«»]+/).filter((candidate) => candidate.length >= 4);
      if (words.length > 0) return words[Math.floor(next() * words.length)]!;
    }
  };
  const kinds = [
    () => word(corpus.he),
    () => word(corpus.ar),
    () => word(corpus.en).toLowerCase(),
    () => word(corpus.he).slice(0, 3),
    () => word(corpus.ar).slice(1, 4),
    () => word(corpus.en).slice(0, 4),
    () => `${word(corpus.he)} ${word(corpus.he)}`,
    () => `${word(corpus.ar)} ${word(corpus.en)}`,
    () => word(corpus.ar).replace(/ا/g, 'أ').replace(/ي/g, 'يّ'),
    () => `zq${Math.floor(next() * 1000)}x`,
  ];
  return Array.from({ length: count }, (_, index) => kinds[index % kinds.length]!());
}

/**
 * Types the query into the search field; milliseconds until its results are on screen and drawn, and the
 * count shown. (No named functions inside: the page gets this function's source as it is.)
 */
async function timeQuery(page: Page, query: string): Promise<{ ms: number; shown: string }> {
  return page.evaluate(async (typed) => {
    const field = document.querySelector<HTMLInputElement>('input[type=search]')!;
    const screen = document.querySelector<HTMLElement>('section.library')!;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    const start = performance.now();
    setValue.call(field, typed);
    field.dispatchEvent(new Event('input', { bubbles: true }));
    await new Promise<void>((resolve) => {
      if (screen.dataset.resultsFor === typed.trim()) return resolve();
      new MutationObserver((_, observer) => {
        if (screen.dataset.resultsFor !== typed.trim()) return;
        observer.disconnect();
        resolve();
      }).observe(screen, { attributes: true, attributeFilter: ['data-results-for'] });
    });
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    return { ms: performance.now() - start, shown: document.querySelector('.library-count')?.textContent ?? '' };
  }, query);
}

async function main(): Promise<void> {
  ensureRendererBuild();
  const folder = await servedFolder();
  const host = await startTestWebHost({ rendererDir: folder });
  const browser = await launchBenchBrowser();
  const { context } = browser;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const corpus = readCorpus();

    await page.goto(`${host.origin}/bench-fill.html`);
    await page.waitForFunction(() => 'benchFill' in window);
    await page.evaluate((loaded) => window.benchFill.load(loaded), corpus);
    console.log(`Filling the library: ${articleCount} articles of ~${wordsPerArticle} words, every sentence machine-translated…`);
    const fillStart = performance.now();
    const totals = { words: 0, sentences: 0, translated: 0 };
    const step = 500;
    for (let from = 0; from < articleCount; from += step) {
      const added = await page.evaluate(([first, count, words]) => window.benchFill.add(first!, count!, words!), [from, Math.min(step, articleCount - from), wordsPerArticle]);
      totals.words += added.words;
      totals.sentences += added.sentences;
      totals.translated += added.translated;
      if ((from + step) % 2000 === 0) console.log(`  ${from + step} articles written (${seconds(performance.now() - fillStart)} s)`);
    }
    const writtenMs = performance.now() - fillStart;
    const entries = await page.evaluate(() => window.benchFill.settle());
    const fillMs = performance.now() - fillStart;
    console.log(
      `Filled: ${articleCount} articles, ${totals.words} words, ${totals.sentences} sentences (${totals.translated} translated); ` +
        `written in ${seconds(writtenMs)} s, search entries ready after ${seconds(fillMs)} s (${entries} entries)`,
    );

    const openStart = performance.now();
    await page.goto(host.url);
    // The app writes its five sample articles on first start.
    const everyArticle = `${articleCount + 5} articles`;
    await page.waitForFunction((expected) => document.querySelector('.library-count')?.textContent === expected, everyArticle, { timeout: 600_000, polling: 50 });
    const openMs = performance.now() - openStart;
    const heapMb = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1024 / 1024);
    console.log(`Library open with the whole list in ${Math.round(openMs)} ms (the app's first start: it also writes its samples); JS heap ${heapMb.toFixed(0)} MB`);

    const all = queries(corpus, warmUpQueries + timedQueries);
    // The first query waits until the words are read as well.
    const searchReadyMs = openMs + (await timeQuery(page, all[0]!)).ms;
    console.log(`Search ready (the first query answered) ${Math.round(searchReadyMs)} ms after opening`);
    for (const query of all.slice(1, warmUpQueries)) await timeQuery(page, query);
    const times: number[] = [];
    for (const query of all.slice(warmUpQueries)) {
      // Each query on its own, as a reader searches: the passages of the last one's rows are read meanwhile.
      await page.waitForTimeout(300);
      const { ms, shown } = await timeQuery(page, query);
      times.push(ms);
      console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${shown.padEnd(24)} ${query}`);
    }
    const sorted = times.toSorted((a, b) => a - b);
    const p50 = percentile(sorted, 50);
    const p95 = percentile(sorted, 95);
    console.log(`Search, ${times.length} warm queries: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`);
    console.log(
      `summary: search_p95_ms=${p95.toFixed(1)} search_p50_ms=${p50.toFixed(1)} search_max_ms=${sorted.at(-1)!.toFixed(1)} fill_s=${seconds(fillMs)} open_ms=${Math.round(openMs)} search_ready_ms=${Math.round(searchReadyMs)} articles=${articleCount}`,
    );
  } finally {
    await browser.close();
    await host.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
