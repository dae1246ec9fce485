import type { HtmlWindow } from '../../common/import/html-article';

let window: Promise<HtmlWindow> | undefined;

/**
 * A DOM for reading web pages in Node: jsdom, loaded on first use and created once. It runs no script and
 * loads no resource (its defaults), and parses HTML as browsers do. linkedom cannot serve here: DOMPurify needs
 * document.implementation.createHTMLDocument, NodeFilter and a working createNodeIterator, which it lacks, and
 * on such a DOM DOMPurify returns its input unsanitised.
 */
export function nodeHtmlWindow(): Promise<HtmlWindow> {
  window ??= import('jsdom').then(({ JSDOM }) => new JSDOM('<!doctype html><html><body></body></html>').window as unknown as HtmlWindow);
  return window;
}
