/**
 * Fetches an article the reader gave the address of. Only the Node side does this (the renderer never makes
 * a request of its own): http and https only, redirects followed by hand so each hop is checked, a time
 * limit for the whole fetch, the import size limit enforced while the body arrives, and a content type that
 * is a web page, text or a Word document. Failures say in one sentence what happened.
 *
 * Addresses on the machine itself or its local network are refused (unless the reader allows them): the
 * check runs on the address the name resolves to, inside the connection's own lookup, so the address that
 * was checked is the one connected to (a name that resolves to a public address once and to 127.0.0.1 the
 * next time gains nothing), and again on every redirect hop.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { importKindOf, importKindOfType } from '../../common/import/file-kinds';
import { isLocalNetworkAddress } from '../net/address-policy';

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
  /** Fetch from loopback, link-local and private addresses too (Settings → Allow local network addresses). */
  allowLocalNetwork?: boolean;
  /** Which resolved addresses are refused when local ones are not allowed; the address policy unless a test narrows it. */
  isRefusedAddress?: (address: string) => boolean;
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

/** The address a name resolved to (or was written as) is on this machine or its local network. */
class LocalAddressRefused extends Error {
  constructor(readonly address: string) {
    super(`local address ${address}`);
  }
}

function localAddressMessage(url: URL, address: string): string {
  const shown = address.includes(':') ? `[${address}]` : address;
  const named = url.hostname.replace(/^\[|\]$/g, '') === address ? shown : `${url.hostname} (${shown})`;
  return `${named} is on this machine or its local network, so it was not fetched; to import such pages, turn on Settings → Allow local network addresses.`;
}

const offlineCodes = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A failure below HTTP as the reader is told it, and whether it says the machine is offline. */
function networkError(error: unknown, url: URL, timeoutMs: number): FetchArticleError {
  const refused = error instanceof LocalAddressRefused ? error : (error as { cause?: unknown })?.cause;
  if (refused instanceof LocalAddressRefused) return new FetchArticleError(localAddressMessage(url, refused.address));
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

interface PageResponse {
  status: number;
  statusText: string;
  header(name: string): string | undefined;
  /** The body, decoded from gzip, deflate or brotli when the server sent it so. */
  body: Readable;
  discard(): void;
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/** A lookup that resolves every address of a name and refuses the name when any of them is refused. */
function checkedLookup(isRefused: (address: string) => boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find((entry) => isRefused(entry.address));
      if (refused) return callback(new LocalAddressRefused(refused.address), '');
      if (options.all) return callback(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

function decoded(response: IncomingMessage): Readable {
  const encoding = response.headers['content-encoding']?.trim().toLowerCase();
  const decoder = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (!decoder) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** One GET, no redirect followed; a refused address (of an IP literal, or that a name resolves to) fails it. */
function requestPage(url: URL, signal: AbortSignal, isRefused: ((address: string) => boolean) | undefined): Promise<PageResponse> {
  const literal = url.hostname.replace(/^\[|\]$/g, '');
  if (isRefused && isIP(literal) && isRefused(literal)) return Promise.reject(new LocalAddressRefused(literal));
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.get(
      url,
      {
        signal,
        // A connection of its own each time: a pooled one would skip the address check of its lookup.
        agent: false,
        headers: { accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5', 'accept-encoding': 'gzip, deflate, br' },
        ...(isRefused ? { lookup: checkedLookup(isRefused) } : {}),
      },
      (response) =>
        resolve({
          status: response.statusCode ?? 0,
          statusText: response.statusMessage ?? '',
          header: (name) => {
            const value = response.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          },
          body: decoded(response),
          discard: () => response.destroy(),
        }),
    );
    request.on('error', (error) => reject(error instanceof LocalAddressRefused || (error as Error).name === 'AbortError' ? error : Object.assign(new Error(error.message), { cause: error })));
  });
}

async function readBody(response: PageResponse, limitBytes: number, url: URL, limitMb: number): Promise<Uint8Array> {
  const tooLarge = (): FetchArticleError => new FetchArticleError(`The page at ${url.host} is over the ${limitMb} MB import limit (Settings → Largest file to import).`);
  const declared = Number(response.header('content-length'));
  if (Number.isFinite(declared) && declared > limitBytes) {
    response.discard();
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > limitBytes) {
      response.discard();
      throw tooLarge();
    }
    chunks.push(chunk);
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
    let response: PageResponse;
    try {
      response = await requestPage(url, signal, options.allowLocalNetwork ? undefined : (options.isRefusedAddress ?? isLocalNetworkAddress));
    } catch (error) {
      throw networkError(error, url, timeoutMs);
    }
    if (redirectStatuses.has(response.status)) {
      response.discard();
      const location = response.header('location');
      if (!location) throw new FetchArticleError(`${url.host} answered with a redirect to nowhere.`);
      if (redirects >= maxRedirects) throw new FetchArticleError(`${url.host} redirected more than ${maxRedirects} times; open the page in a browser and import the address it ends at.`);
      url = httpUrl(location, url);
      continue;
    }
    if (response.status < 200 || response.status > 299) {
      response.discard();
      throw new FetchArticleError(`${url.host} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}: the page could not be fetched.`);
    }
    const contentType = response.header('content-type')?.trim() || 'application/octet-stream';
    const fileName = fileNameOf(url);
    // The type the server states; for a generic binary type, the one the address names.
    const stated = contentType.split(';')[0]!.trim().toLowerCase();
    if ((stated === 'application/octet-stream' ? importKindOf(fileName) : importKindOfType(stated)) === undefined) {
      response.discard();
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
