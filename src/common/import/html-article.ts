import { Readability } from '@mozilla/readability';
import createDOMPurify from 'dompurify';
import { ArticleImportError } from './article-import';

/*
 * Shared code is typed without the DOM library: these are the few DOM features the extraction uses.
 * The browser's window and jsdom's window (src/node/import/html-window.ts) both have them.
 */
interface PageElement {
  readonly textContent: string | null;
  readonly parentElement: PageElement | null;
  closest(selectors: string): PageElement | null;
  getAttribute(name: string): string | null;
  remove(): void;
}
interface PageBody {
  readonly innerHTML: string;
  readonly textContent: string | null;
  querySelectorAll(selectors: string): Iterable<PageElement>;
}
interface PageDocument {
  readonly body: PageBody | null;
  readonly title: string;
  querySelector(selectors: string): PageElement | null;
}

/** A window whose DOMParser builds inert documents (no script runs, nothing loads): the browser's, or jsdom's in Node. */
export interface HtmlWindow {
  readonly DOMParser: new () => { parseFromString(html: string, type: 'text/html'): PageDocument };
}

export interface HtmlArticle {
  text: string;
  /** The page's own title (Readability's pick from <title>, og:title and the headline). */
  title?: string;
  outlet?: string;
  /** ISO date (yyyy-mm-dd), when the page states one. */
  date?: string;
}

const blocks = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption, td';
const forbiddenTags = ['img', 'video', 'audio', 'iframe', 'picture', 'source', 'style'];

/** One sanitiser per window (creating one sets up a document of its own). */
const sanitisers = new WeakMap<HtmlWindow, ReturnType<typeof createDOMPurify>>();

function sanitiserFor(window: HtmlWindow): ReturnType<typeof createDOMPurify> {
  let sanitiser = sanitisers.get(window);
  if (sanitiser === undefined) {
    sanitiser = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    // DOMPurify returns its input unchanged on a DOM it cannot work with; never let that pass silently.
    if (!sanitiser.isSupported) throw new Error('DOMPurify cannot sanitise with this DOM implementation.');
    sanitisers.set(window, sanitiser);
  }
  return sanitiser;
}

/** The deepest tag nesting read: real pages stay under a hundred or so; Readability's time grows steeply past a few hundred. */
export const maxHtmlNesting = 512;

/** Elements that never hold others, and raw-text elements whose content is not markup. */
const voidElements = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'bgsound', 'isindex']);
/** Elements the HTML parser closes when a sibling of the same kind opens, so that a run of them is no nesting. */
const selfClosingRuns = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'rb', 'rt', 'rp', 'rtc']);
const rawText = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/** What a scan of a page's tags tells before it is parsed. */
export interface HtmlShape {
  /** How deep its elements nest (stopping the scan once past `stopAtDepth`). */
  depth: number;
  /** How many elements it opens. */
  elements: number;
}

/**
 * How deep a page's tags nest and how many it opens, from a scan of its tags alone (no parse; comments and raw
 * text skipped). It can only overcount the parser's tree (misnested closing tags), never under-count opening ones.
 */
export function htmlShape(html: string, stopAtDepth = Infinity): HtmlShape {
  // No part of the pattern can run past the next '<', so the scan stays linear on any input.
  const tag = /<!--[\s\S]*?(?:-->|$)|<(\/?)([a-zA-Z][^\s/<>]*)([^<>]*)>/g;
  let depth = 0;
  let deepest = 0;
  let elements = 0;
  for (let match = tag.exec(html); match !== null; match = tag.exec(html)) {
    const name = match[2]?.toLowerCase();
    if (name === undefined) continue; // a comment
    if (match[1]) {
      depth = Math.max(0, depth - 1);
      continue;
    }
    elements++;
    if (voidElements.has(name) || selfClosingRuns.has(name) || match[3]!.trimEnd().endsWith('/')) continue;
    if (rawText.has(name)) {
      const close = new RegExp(`</${name}`, 'gi');
      close.lastIndex = tag.lastIndex;
      tag.lastIndex = close.exec(html)?.index ?? html.length;
      continue;
    }
    depth++;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAtDepth) break;
  }
  return { depth: deepest, elements };
}

/**
 * Past this many elements Readability's time and memory grow steeply (30,000 take 13 s and 900 MB; 90,000,
 * 27 s and 2 GB): such a page is read without it, its navigation, headers, footers and asides dropped.
 */
export const readabilityElementLimit = 15_000;
/** Past this many, even parsing the page takes more than a few seconds and half a gigabyte: it is refused. */
export const maxHtmlElements = 60_000;

/** The text of a page too large for Readability: the blocks outside site furniture, the title and site name. */
function plainArticle(page: PageDocument): PageReading {
  for (const element of [...(page.body?.querySelectorAll('script, style, noscript, template, nav, header, footer, aside, form, iframe, svg') ?? [])]) element.remove();
  const elements = [...(page.body?.querySelectorAll(blocks) ?? [])].filter((element) => !element.parentElement?.closest(blocks));
  const paragraphs = elements.length > 0 ? elements.map((element) => element.textContent ?? '') : (page.body?.textContent ?? '').split(/\n+/);
  const siteName = page.querySelector('meta[property="og:site_name"]')?.getAttribute('content') ?? undefined;
  return { paragraphs, ...(page.title.trim() ? { title: page.title } : {}), ...(siteName ? { siteName } : {}) };
}

/**
 * What was read of a page before its article is sanitised: Readability's pick (its HTML, to be sanitised before
 * anything reads it), or, for a page too large for Readability, the text of its blocks.
 */
export type PageReading = { title?: string; siteName?: string; publishedTime?: string } & ({ articleHtml: string } | { paragraphs: string[] });

/**
 * A web page parsed into an inert document and read: Mozilla Readability keeps the article, its title, site name
 * and date, and drops navigation, ads and related-links blocks. Pages nested too deep or with too many elements
 * are refused before they are parsed. `window` only parses: it need not be one DOMPurify can sanitise with (the
 * interface reads pages in a worker, on a DOM of its own).
 */
export function readPage(html: string, window: HtmlWindow): PageReading {
  const shape = htmlShape(html, maxHtmlNesting);
  if (shape.depth > maxHtmlNesting) {
    throw new ArticleImportError(`This web page nests its elements more than ${maxHtmlNesting} levels deep, far more than any article page, so Targum does not read it.`);
  }
  if (shape.elements > maxHtmlElements) {
    throw new ArticleImportError(`This web page has over ${maxHtmlElements.toLocaleString('en')} elements, far more than an article page; copy the article's text into a text file and import that.`);
  }
  const page = new window.DOMParser().parseFromString(html, 'text/html');
  if (shape.elements > readabilityElementLimit) return plainArticle(page);
  const fallback = page.body?.innerHTML ?? '';
  let parsed: ReturnType<Readability['parse']>;
  try {
    parsed = new Readability(page as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  } catch {
    throw new ArticleImportError('This web page could not be read as an article; save it from a browser as a web page or as text and import that.');
  }
  return {
    articleHtml: parsed?.content ?? fallback,
    ...(parsed?.title ? { title: parsed.title } : {}),
    ...(parsed?.siteName ? { siteName: parsed.siteName } : {}),
    ...(parsed?.publishedTime ? { publishedTime: parsed.publishedTime } : {}),
  };
}

/** The article of a page read by readPage: Readability's HTML sanitised by DOMPurify on `window`, then its blocks' text. */
export function articleFromReading(reading: PageReading, window: HtmlWindow): HtmlArticle {
  if ('paragraphs' in reading) return articleFromParagraphs(reading.paragraphs, reading);
  const clean = sanitiserFor(window).sanitize(reading.articleHtml, { FORBID_TAGS: forbiddenTags });
  const body = new window.DOMParser().parseFromString(clean, 'text/html').body;
  const elements = [...(body?.querySelectorAll(blocks) ?? [])].filter((element) => !element.parentElement?.closest(blocks));
  return articleFromParagraphs(elements.length > 0 ? elements.map((element) => element.textContent ?? '') : (body?.textContent ?? '').split(/\n+/), reading);
}

/**
 * The article body of a web page as text, one paragraph per line: readPage, then articleFromReading, on one
 * window that both parses and sanitises (the browser's, or jsdom's in Node).
 */
export function articleFromHtml(html: string, window: HtmlWindow): HtmlArticle {
  return articleFromReading(readPage(html, window), window);
}

function articleFromParagraphs(content: readonly string[], found: { title?: string; siteName?: string; publishedTime?: string }): HtmlArticle {
  const paragraphs = content.map((paragraph) => paragraph.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const title = found.title?.replace(/\s+/g, ' ').trim();
  if (title && paragraphs[0] !== title) paragraphs.unshift(title);
  const date = found.publishedTime ? publicationDay(found.publishedTime) : undefined;
  return {
    text: paragraphs.join('\n'),
    ...(title ? { title } : {}),
    ...(found.siteName?.trim() ? { outlet: found.siteName.trim() } : {}),
    ...(date ? { date } : {}),
  };
}

/** The day a page says it was published, as written (2017-08-28T01:30:00+03:00 is the 28th, not the UTC 27th). */
function publicationDay(time: string): string | undefined {
  const written = /^\s*(\d{4}-\d{2}-\d{2})/.exec(time)?.[1];
  if (written !== undefined) return written;
  const date = new Date(time);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
