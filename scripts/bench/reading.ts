/**
 * npm run bench:reading — the reading view on a 2,000-paragraph article in Debian's Chromium, against the
 * renderer build served by the web host. Prints figures; asserts nothing. Ends with one `summary:` line.
 *
 * - first content: from asking for the article (a hash change, as a click on it does) to its first row on screen;
 * - scroll frames: the list is scrolled by script one step per animation frame, down and back up, and the
 *   time between frames is recorded (headless Chromium paints at 60 Hz when a frame is ready in time);
 * - the same scroll again with 10,000 glosses in the library (the article's own words among them, so nearly
 *   every word is marked), and the time to find every gloss in one paragraph with the index built once.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { buildGlossIndex, findGlossMatches } from '../../src/common/glossary/gloss-index';
import { glossKey } from '../../src/common/glossary/gloss-key';
import { floresPath } from '../../test/support/reference-texts';
import { startTestWebHost } from '../../test/support/web-host';

const paragraphs = 2000;
const glossCount = 10_000;
const hebrew = readFileSync(floresPath('he'), 'utf8').trim().split('\n');
const english = readFileSync(floresPath('en'), 'utf8').trim().split('\n');

/** Paragraphs of three consecutive FLORES sentences, wrapping round the corpus. */
const article = Array.from({ length: paragraphs }, (_, p) => [0, 1, 2].map((s) => (p * 3 + s) % hebrew.length));

/** 10,000 distinct Hebrew glosses: every word of the corpus first, then numbered phrases that never match. */
function glosses(): Array<{ id: number; key: string; surface: string; language: 'he'; meaning: string; createdAt: number }> {
  const words = [...new Set(hebrew.join(' ').split(/[\s,.:;"'()?!]+/).filter((word) => word.length > 2))];
  return Array.from({ length: glossCount }, (_, index) => {
    const surface = words[index] ?? `מונח ${index}`;
    return { id: index + 1, key: glossKey(surface, 'he'), surface, language: 'he' as const, meaning: `meaning ${index}`, createdAt: 0 };
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** Scrolls the reading list one step per animation frame, down and back up; the times between frames. */
async function scrollFrames(page: Page): Promise<number[]> {
  const frames = await page.evaluate(
      () =>
        new Promise<{ intervals: number[]; scrolled: number }>((resolve) => {
          const scroller = document.querySelector<HTMLElement>('.reading-scroller')!;
          const intervals: number[] = [];
          const step = 120;
          let direction = 1;
          let last = 0;
          let count = 0;
          const frame = (time: number) => {
            if (last) intervals.push(time - last);
            last = time;
            scroller.scrollTop += step * direction;
            if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 || count === 400) direction = -1;
            if ((direction === -1 && scroller.scrollTop === 0) || count++ > 800) resolve({ intervals, scrolled: count });
            else requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        }),
    );
  return frames.intervals;
}

async function main(): Promise<void> {
  const host = await startTestWebHost({ withTinyModel: false });
  const browser = await chromium.launch({ executablePath: process.env.TARGUM_CHROMIUM ?? '/usr/bin/chromium', args: ['--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    // tsx names the functions it compiles with a helper the page does not have; the page gets a no-op one.
    await page.addInitScript({ content: 'globalThis.__name = (target) => target;' });
    await page.goto(host.url);
    await page.getByRole('navigation', { name: 'Targum' }).waitFor();

    const glossRecords = glosses();
    const articleId = await page.evaluate(
      async ({ article, hebrew, english }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const request = indexedDB.open('targum');
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        const done = (transaction: IDBTransaction) => new Promise((resolve, reject) => ((transaction.oncomplete = resolve), (transaction.onerror = () => reject(transaction.error))));
        const transaction = db.transaction(['articles', 'segments', 'translations'], 'readwrite');
        const originalText = article.map((sentences) => sentences.map((index) => hebrew[index]).join(' ')).join('\n\n');
        const now = Date.now();
        const add = transaction.objectStore('articles').add({ title: 'מאמר ארוך: 2,000 פסקאות', language: 'he', origin: 'paste', originalText, tags: [], createdAt: now, updatedAt: now });
        add.onsuccess = () => {
          const id = add.result as number;
          article.forEach((sentences, paragraphIndex) =>
            sentences.forEach((index, sentenceIndex) => {
              transaction.objectStore('segments').add({ articleId: id, paragraphIndex, sentenceIndex, text: hebrew[index], segmenterVersion: 1 });
              transaction.objectStore('translations').add({ articleId: id, source: hebrew[index], text: english[index], modelId: 'bench', precision: 'q8', createdAt: now });
            }),
          );
        };
        await done(transaction);
        db.close();
        return add.result as number;
      },
      { article, hebrew, english },
    );

    // Open it once so that fonts and code are warm, as for a reader who has used the app.
    await page.evaluate((id) => (location.hash = `#/article/${id}`), articleId);
    await page.locator('.reading-rows .reading-row').first().waitFor();
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { name: 'Library' }).waitFor();

    const firstContentMs = await page.evaluate(
      (id) =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          location.hash = `#/article/${id}`;
          const check = () => (document.querySelector('.reading-rows .reading-row .sentence') ? resolve(performance.now() - start) : requestAnimationFrame(check));
          requestAnimationFrame(check);
        }),
      articleId,
    );
    await page.locator('.reading-rows .reading-row').nth(2).waitFor();

    const plain = await scrollFrames(page);

    // The same article with 10,000 glosses in the library, the article's own words among them (nearly every word is marked).
    await page.evaluate(async (glossRecords) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('targum');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const transaction = db.transaction('glosses', 'readwrite');
      for (const gloss of glossRecords) transaction.objectStore('glosses').put(gloss);
      await new Promise((resolve, reject) => ((transaction.oncomplete = resolve), (transaction.onerror = () => reject(transaction.error))));
      db.close();
    }, glossRecords);
    await page.reload();
    await page.locator('.gloss-mark').first().waitFor();
    const glossed = await scrollFrames(page);

    const index = buildGlossIndex(glossRecords);
    const sample = article.map((sentences) => sentences.map((i) => hebrew[i]).join(' '));
    const started = performance.now();
    let matches = 0;
    for (const paragraph of sample) matches += findGlossMatches(paragraph, 'he', index).length;
    const glossMs = (performance.now() - started) / sample.length;

    const [p95, glossedP95] = [percentile(plain, 95), percentile(glossed, 95)];
    console.log(`article: ${paragraphs} paragraphs, ${paragraphs * 3} sentences`);
    console.log(`first content after opening: ${firstContentMs.toFixed(1)} ms (target ≤ 300)`);
    console.log(`scroll: ${plain.length} frames, median ${percentile(plain, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (target ≤ 16.7), max ${Math.max(...plain).toFixed(1)} ms`);
    console.log(
      `scroll with ${glossCount} glosses in the library: median ${percentile(glossed, 50).toFixed(1)} ms, p95 ${glossedP95.toFixed(1)} ms, max ${Math.max(...glossed).toFixed(1)} ms`,
    );
    console.log(`gloss highlighting: ${glossMs.toFixed(3)} ms per paragraph (${matches} matches in ${sample.length} paragraphs; target ≤ 16)`);
    console.log(
      `summary: first_content_ms=${firstContentMs.toFixed(1)} scroll_frame_p95_ms=${p95.toFixed(1)} scroll_frame_p95_glossed_ms=${glossedP95.toFixed(1)} gloss_highlight_ms_per_paragraph=${glossMs.toFixed(3)}`,
    );
  } finally {
    await browser.close();
    await host.close();
  }
}

await main();
