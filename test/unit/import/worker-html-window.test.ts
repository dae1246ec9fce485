import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/common/import/encoding';
import { articleFromHtml, articleFromReading, readPage } from '../../../src/common/import/html-article';
import { nodeHtmlWindow } from '../../../src/node/import/html-window';
import { workerHtmlWindow } from '../../../src/renderer/import/worker-html-window';

const hostile = path.resolve('test/fixtures/hostile');
const decoded = (name: string): string | undefined => {
  try {
    return decodeText(readFileSync(path.join(hostile, name))).text;
  } catch {
    return undefined; // refused before it is parsed (empty, binary)
  }
};
const pages = readdirSync(hostile).filter((name) => name.endsWith('.html') && decoded(name) !== undefined);

/** A page over Readability's element limit, read as plain blocks, with furniture and a template around them. */
const largePage = `<!doctype html><html><head><title>  A very\n long   page </title><meta property="og:site_name" content="The Site"></head><body>
  <header>Site header</header><nav><a href="/">Home</a></nav><template><p>never shown</p></template>
  <main>${Array.from({ length: 16_000 }, (_, index) => `<p>Paragraph <b>${index}</b> of the story.</p>`).join('')}</main><footer>Footer</footer></body></html>`;

describe('reading web pages in a worker (parse5 into linkedom), sanitised on the page', () => {
  it.each(pages)('%s reads as on one DOM that parses and sanitises', async (name) => {
    const window = await nodeHtmlWindow();
    const html = decoded(name)!;
    const onOneDom = (() => {
      try {
        return articleFromHtml(html, window);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    const inWorker = (() => {
      try {
        return articleFromReading(readPage(html, workerHtmlWindow), window);
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(inWorker).toEqual(onOneDom);
  });

  it('reads a page too large for Readability as its blocks, with the title as the standard gives it', async () => {
    const reading = readPage(largePage, workerHtmlWindow);
    expect(reading).toMatchObject({ title: 'A very long page', siteName: 'The Site' });
    const article = articleFromReading(reading, await nodeHtmlWindow());
    expect(article).toEqual(articleFromHtml(largePage, await nodeHtmlWindow()));
    expect(article.text.split('\n')).toHaveLength(16_001);
    expect(article.text).not.toMatch(/Site header|Home|never shown|Footer/);
  });
});
