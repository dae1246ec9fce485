/**
 * npm run bench:store — storing and showing the English of a long article as the engine streams it, in
 * Debian's Chromium against the built renderer served by the web host with the tiny test model. Prints
 * figures; asserts nothing. Ends with one `summary:` line.
 *
 * An article of N sentences (Hebrew phrasebook sentences, each made distinct by its number) is pasted into
 * the library and opened in the reader; Translate is pressed. Measured in the page: the time from the first
 * English drawn to the last ("N of N sentences translated" in the English column's label), and the main
 * thread's long tasks (over 50 ms) in that time.
 *
 * Options: --sentences N (2000).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startTestWebHost } from '../../test/support/web-host';
import { launchBenchBrowser } from './browser';
import { readPhrasebook } from '../../test/support/tiny-model';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

const sentenceCount = option('sentences', 2000);
const rendererDir = path.resolve('out/renderer');
const title = 'מאמר ארוך למדידה';

/** The article's text: a title line, then paragraphs of five numbered phrasebook sentences. */
function articleText(): string {
  const hebrew = readPhrasebook().filter((entry) => entry.language === 'he');
  const sentences = Array.from({ length: sentenceCount - 1 }, (_, index) => {
    const source = hebrew[index % hebrew.length]!.source.replace(/[.!?]\s*$/, '');
    return `${source} ${index + 1}.`;
  });
  const paragraphs: string[] = [];
  for (let at = 0; at < sentences.length; at += 5) paragraphs.push(sentences.slice(at, at + 5).join(' '));
  return `${title}\n\n${paragraphs.join('\n\n')}`;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(rendererDir, 'index.html'))) {
    console.error('bench: no renderer build; run npm run build first');
    process.exit(1);
  }
  const host = await startTestWebHost({ withTinyModel: true });
  const browser = await launchBenchBrowser();
  const { context } = browser;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await page.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      (window as unknown as { benchLongTasks: typeof tasks }).benchLongTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByRole('textbox', { name: 'Article text' }).fill(articleText());
    await page.getByRole('button', { name: 'Add pasted text' }).click();
    await page.getByRole('link', { name: title }).first().click({ timeout: 120_000 });
    const label = page.locator('.english-label');
    await label.waitFor({ timeout: 120_000 });
    console.log(`Article of ${sentenceCount} sentences open in the reader; translating with the tiny model…`);

    // (No named functions inside: the page gets this function's source as it is.)
    const started = page.evaluate(
      () =>
        new Promise<{ first: number; last: number; total: number }>((resolve) => {
          let first = 0;
          const observer = new MutationObserver(() => {
            const match = /(\d+) of (\d+) sentences translated/.exec(document.querySelector('.english-label')?.textContent ?? '');
            if (match && first === 0) first = performance.now();
            if (!match || match[1] !== match[2]) return;
            observer.disconnect();
            requestAnimationFrame(() => resolve({ first, last: performance.now(), total: Number(match[2]) }));
          });
          observer.observe(document.querySelector('.reader')!, { subtree: true, childList: true, characterData: true });
        }),
    );
    await page.getByRole('button', { name: 'Translate' }).click();
    const { first, last, total } = await started;
    const tasks = await page.evaluate(([from, to]) => (window as unknown as { benchLongTasks: Array<{ start: number; duration: number }> }).benchLongTasks.filter((task) => task.start >= from! && task.start <= to!), [first, last]);
    const busy = tasks.reduce((sum, task) => sum + task.duration, 0);
    const longest = tasks.reduce((most, task) => Math.max(most, task.duration), 0);
    const streamS = (last - first) / 1000;
    console.log(`English of ${total} sentences drawn ${streamS.toFixed(1)} s after the first`);
    console.log(`Main thread meanwhile: ${tasks.length} long tasks, ${Math.round(busy)} ms in all, the longest ${Math.round(longest)} ms`);
    console.log(
      `summary: stream_s=${streamS.toFixed(1)} long_tasks=${tasks.length} long_task_ms=${Math.round(busy)} longest_task_ms=${Math.round(longest)} sentences=${total}`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
