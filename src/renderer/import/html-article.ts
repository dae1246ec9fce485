import { articleFromHtml as extract, type HtmlArticle } from '../../common/import/html-article';

/** A web page's article, read with the browser's own inert DOMParser. */
export function articleFromHtml(html: string): HtmlArticle {
  return extract(html, window);
}
