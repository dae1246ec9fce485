import { Readability } from '@mozilla/readability';
import DOMPurify from 'dompurify';

export interface HtmlArticle {
  text: string;
  outlet?: string;
  /** ISO date (yyyy-mm-dd), when the page states one. */
  date?: string;
}

const blocks = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';

/**
 * The article body of a web page as text, one paragraph per line. The page is parsed into an inert document
 * (DOMParser runs no script and loads nothing); Mozilla Readability keeps the article, its title, site name
 * and date, and drops navigation, ads and related-links blocks; what it keeps is sanitised before use.
 */
export function articleFromHtml(html: string): HtmlArticle {
  const page = new DOMParser().parseFromString(html, 'text/html');
  const parsed = new Readability(page).parse();
  const clean = DOMPurify.sanitize(parsed?.content ?? page.body.innerHTML, { FORBID_TAGS: ['img', 'video', 'audio', 'iframe', 'picture', 'source', 'style'] });
  const body = new DOMParser().parseFromString(clean, 'text/html').body;
  const elements = [...body.querySelectorAll<HTMLElement>(blocks)].filter((element) => !element.parentElement?.closest(blocks));
  const paragraphs = (elements.length > 0 ? elements.map((element) => element.textContent ?? '') : (body.textContent ?? '').split(/\n+/))
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  const title = parsed?.title?.trim();
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  const date = parsed?.publishedTime ? new Date(parsed.publishedTime) : undefined;
  return {
    text: paragraphs.join('\n'),
    ...(parsed?.siteName ? { outlet: parsed.siteName.trim() } : {}),
    ...(date && !Number.isNaN(date.getTime()) ? { date: date.toISOString().slice(0, 10) } : {}),
  };
}
