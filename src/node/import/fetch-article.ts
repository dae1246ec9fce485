/**
 * Fetches an article the reader gave the address of. Only the Node side does this (the renderer never makes
 * a request of its own): http and https only, redirects followed by hand so each hop is checked, a time
 * limit for the whole fetch, the import size limit enforced while the body arrives, and a content type that
 * is a web page, text or a Word document. Failures say in one sentence what happened.
 */
import { importKindOf, importKindOfType } from '../../common/import/file-kinds';

export interface FetchedArticle {
  bytes: Uint8Array;
  contentType: string;
  finalUrl: string;
  fileName: string;
}

export interface FetchArticleOptions {
  sizeLimitMb: number;
  /** Stops the fetch (its caller cancelled). */
  signal?: AbortSignal;
  timeoutMs?: number;
  maxRedirects?: number;
}

export class FetchArticleError extends Error {
  override name = 'FetchArticleError';

  constructor(
    message: string,
    /** The machine seems to be offline (the name did not resolve, the network is unreachable). */
    readonly offline = false,
  ) {
    super(message);
  }
}

const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A failure below HTTP as the reader is told it, and whether it says the machine is offline. */
function networkError(error: unknown, url: URL, timeoutMs: number): FetchArticleError {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return new FetchArticleError(networkMessage(error, url, timeoutMs), code !== undefined && offlineCodes.has(code));
}

const defaultTimeoutMs = 30_000;
const defaultMaxRedirects = 5;
const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function httpUrl(address: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(address, base);
  } catch {
    throw new FetchArticleError(`"${address}" is not a web address; give one that starts with https:// or http://.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new FetchArticleError(`Only http and https addresses can be imported, not ${url.protocol.slice(0, -1)}.`);
  return url;
}

/** What went wrong below HTTP, in the reader's terms. */
function networkMessage(error: unknown, url: URL, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `${url.host} did not send the page within ${timeoutMs / 1000} seconds; try again later.`;
  }
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${url.hostname} could not be found: you may be offline, or the address may be mistyped.`;
  if (code === 'ECONNREFUSED') return `${url.host} refused the connection: the site may be down; try again later.`;
  if (code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return `${url.host} cannot be reached: you seem to be offline.`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return `${url.host} closed the connection before sending the page; try again later.`;
  if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return `${url.host} did not present a valid secure (https) certificate, so the page was not fetched.`;
  return `${url.host} could not be reached (${code ?? (error instanceof Error ? error.message : String(error))}).`;
}

/** A file name for the fetched article: the last part of its path, or the host. */
function fileNameOf(url: URL): string {
  let last = url.pathname.split('/').filter(Boolean).at(-1) ?? '';
  try {
    last = decodeURIComponent(last);
  } catch {
    // A malformed escape: keep the name as written.
  }
  last = Array.from(last, (character) => (character < ' ' || '\\/:*?"<>|'.includes(character) ? '_' : character)).join('');
  return (last || url.hostname).slice(0, 200);
}

async function readBody(response: Response, limitBytes: number, url: URL, limitMb: number): Promise<Uint8Array> {
  const tooLarge = (): FetchArticleError => new FetchArticleError(`The page at ${url.host} is over the ${limitMb} MB import limit (Settings → Largest file to import).`);
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) throw tooLarge();
  const chunks: Uint8Array[] = [];
  let total = 0;
  if (response.body) {
    const reader = response.body.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) {
      total += next.value.length;
      if (total > limitBytes) {
        await reader.cancel();
        throw tooLarge();
      }
      chunks.push(next.value);
    }
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

export async function fetchArticle(address: string, options: FetchArticleOptions): Promise<FetchedArticle> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const maxRedirects = options.maxRedirects ?? defaultMaxRedirects;
  const signal = options.signal ? AbortSignal.any([AbortSignal.timeout(timeoutMs), options.signal]) : AbortSignal.timeout(timeoutMs);
  let url = httpUrl(address);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetch(url, { redirect: 'manual', signal, headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' } });
    } catch (error) {
      throw networkError(error, url, timeoutMs);
    }
    if (redirectStatuses.has(response.status)) {
      await response.body?.cancel();
      const location = response.headers.get('location');
      if (!location) throw new FetchArticleError(`${url.host} answered with a redirect to nowhere.`);
      if (redirects >= maxRedirects) throw new FetchArticleError(`${url.host} redirected more than ${maxRedirects} times; open the page in a browser and import the address it ends at.`);
      url = httpUrl(location, url);
      continue;
    }
    if (!response.ok) {
      await response.body?.cancel();
      throw new FetchArticleError(`${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: the page could not be fetched.`);
    }
    const contentType = response.headers.get('content-type')?.trim() || 'application/octet-stream';
    const fileName = fileNameOf(url);
    // The type the server states; for a generic binary type, the one the address names.
    const stated = contentType.split(';')[0]!.trim().toLowerCase();
    if ((stated === 'application/octet-stream' ? importKindOf(fileName) : importKindOfType(stated)) === undefined) {
      await response.body?.cancel();
      throw new FetchArticleError(`The address gives ${stated} content, not an article: Targum imports web pages, text and Word documents.`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBody(response, options.sizeLimitMb * 1024 * 1024, url, options.sizeLimitMb);
    } catch (error) {
      if (error instanceof FetchArticleError) throw error;
      throw networkError(error, url, timeoutMs);
    }
    return { bytes, contentType, finalUrl: url.href, fileName };
  }
}
