/**
 * npm run bench:storage — storing and showing the English of a 2,000-sentence article as the engine
 * streams it, in Debian's Chromium against the real web host with the tiny test model. Prints figures;
 * asserts nothing. Ends with one `summary:` line.
 *
 * The article is phrasebook sentences (which the tiny model translates) repeated to 2,000, imported by
 * pasting it in the Import panel; Translate is pressed in the reader. Measured in the page:
 * - first batch to last drawn: from the first message carrying a translated sentence arriving on the
 *   page's WebSocket to the frame in which the reader's header first counts every sentence translated;
 * - the main thread's long tasks (PerformanceObserver 'longtask') from the press to that frame.
 * It drives the app only through its interface and the DOM, so it runs unchanged on older builds.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { startTestWebHost } from '../../test/support/web-host';

const sentenceCount = 2000;
const sentencesPerParagraph = 5;

/** Hebrew phrasebook sentences (those ending a sentence, so each stays one) repeated to 2,000, beginning with one no sample article contains (the title must be its own). */
function articleText(): string {
  const samples = readdirSync(path.resolve('resources/samples')).map((name) => readFileSync(path.resolve('resources/samples', name), 'utf8'));
  const hebrew = readFileSync(path.resolve('test/fixtures/phrasebook/phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => line.split('\t'))
    .filter(([language, source]) => language === 'he' && /[.!?]$/.test(source!))
    .map(([, source]) => source!);
  const first = hebrew.findIndex((sentence) => !samples.some((sample) => sample.includes(sentence)));
  const sentences = Array.from({ length: sentenceCount }, (_, index) => hebrew[(first + index) % hebrew.length]!);
  const paragraphs: string[] = [];
  for (let start = 0; start < sentences.length; start += sentencesPerParagraph) paragraphs.push(sentences.slice(start, start + sentencesPerParagraph).join(' '));
  return paragraphs.join('\n\n');
}

/** Notes, in the page, when the first WebSocket message carrying a translated sentence arrives (old and new protocols both name `segmentId`). */
const watchTranslations = `(() => {
  const Original = WebSocket;
  window.__firstTranslation = undefined;
  window.WebSocket = class extends Original {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (event) => {
        if (window.__firstTranslation === undefined && typeof event.data === 'string' && event.data.includes('"segmentId"')) window.__firstTranslation = performance.now();
      });
    }
  };
})();`;

async function main(): Promise<void> {
  const host = await startTestWebHost({ withTinyModel: true });
  const browser = await chromium.launch({ executablePath: process.env.TARGUM_CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx names the functions it compiles with a helper the page does not have; the page gets a no-op one.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.addInitScript({ content: watchTranslations });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Targum' }).waitFor({ timeout: 30_000 });

    // The sample library first (an empty library shows the import panel open).
    await page.getByRole('list', { name: 'Articles' }).getByRole('listitem').nth(4).waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Import articles' });
    await panel.getByLabel('Article text').fill(articleText());
    await panel.getByRole('button', { name: 'Add pasted text' }).click();
    const added = await panel.getByRole('list', { name: 'Import results' }).getByText(/added as/).textContent({ timeout: 60_000 });
    const title = /added as (.*) \(Hebrew/.exec(added ?? '')?.[1];
    if (!title) throw new Error(`the import did not say what it added: ${added}`);
    await page.getByRole('list', { name: 'Articles' }).getByRole('link', { name: title }).first().click();
    const translate = page.getByRole('button', { name: 'Translate', exact: true });
    await translate.waitFor({ timeout: 30_000 });
    const header = page.locator('.english-label');
    await header.getByText('not translated yet').waitFor();

    // Long tasks from here on; the end is the first frame whose header counts every sentence translated.
    const finished = page.evaluate(
      () =>
        new Promise<{ sentences: number; firstBatch: number; lastDrawn: number; pressed: number; longTasks: number[] }>((resolve) => {
          const longTasks: number[] = [];
          new PerformanceObserver((list) => list.getEntries().forEach((entry) => longTasks.push(entry.duration))).observe({ type: 'longtask' });
          const pressed = performance.now();
          const check = () => {
            const text = document.querySelector('.english-label')?.textContent ?? '';
            const counted = /(\d+) of (\d+) sentences translated/.exec(text);
            const firstBatch = (window as unknown as { __firstTranslation?: number }).__firstTranslation;
            if (counted && counted[1] === counted[2] && firstBatch !== undefined) {
              resolve({ sentences: Number(counted[2]), firstBatch, lastDrawn: performance.now(), pressed, longTasks });
            } else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        }),
    );
    await translate.click();
    const result = await finished;

    const seconds = (result.lastDrawn - result.firstBatch) / 1000;
    const longTaskMs = result.longTasks.reduce((sum, duration) => sum + duration, 0);
    console.log(`article: ${result.sentences} sentences in ${Math.ceil(result.sentences / sentencesPerParagraph)} paragraphs, tiny test model`);
    console.log(`press to first batch: ${((result.firstBatch - result.pressed) / 1000).toFixed(2)} s`);
    console.log(`first batch to last English drawn: ${seconds.toFixed(2)} s`);
    console.log(`main-thread long tasks: ${result.longTasks.length}, ${longTaskMs.toFixed(0)} ms in all, longest ${Math.max(0, ...result.longTasks).toFixed(0)} ms`);
    console.log(
      `summary: first_to_last_drawn_s=${seconds.toFixed(2)} long_tasks=${result.longTasks.length} long_task_ms=${longTaskMs.toFixed(0)} sentences=${result.sentences}`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
}

await main();
