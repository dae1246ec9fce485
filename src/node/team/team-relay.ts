/**
 * The team relay: a fetch-style handler (Request in, Response out) that both hosts put on their own origin
 * under `teamRelayPath`, so the page replicates with the team's CouchDB database without ever holding its
 * credentials. It forwards only the replication protocol's requests for the one configured database
 * (relay-allow-list.ts), adds the Authorization header itself, drops the caller's cookies and credentials,
 * limits the body, streams the answer (the changes feed is long-polled), and answers 502/504 with a JSON
 * error when the server is down or slow, which PouchDB retries. Who may call it, each host checks first.
 */
import { relayDecision } from './relay-allow-list';
import { teamAuthorization, teamDatabaseUrl } from './team-check';
import type { TeamConnection } from './team-store';

export type TeamRelay = (request: Request) => Promise<Response>;

export interface TeamRelayOptions {
  /** The team as configured now (read for each request, so a new password applies at once). */
  team: () => Promise<TeamConnection | undefined>;
  fetch?: typeof fetch;
  /** Largest request body forwarded (a `_bulk_docs` batch of shared articles). */
  maxBodyBytes?: number;
  /** How long the server may take to start answering. */
  responseTimeoutMs?: number;
  /** How long an answer may stay silent (the changes feed sends a heartbeat every 10 s). */
  idleTimeoutMs?: number;
}

export const relayLimits = { maxBodyBytes: 64 * 1024 ** 2, responseTimeoutMs: 60_000, idleTimeoutMs: 60_000 };

/** Request headers passed on; everything else (cookies, authorization, origin, the host's token) stays here. */
const forwardedRequestHeaders = ['accept', 'content-type'];
/** Response headers passed back; never set-cookie, nor www-authenticate (it would make the browser ask for a login). */
const returnedResponseHeaders = ['content-type', 'etag', 'cache-control'];

export function relayError(status: number, error: string, reason: string): Response {
  return Response.json({ error, reason }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** Statuses whose Response may carry no body. */
const nullBodyStatuses = new Set([101, 204, 205, 304]);

class BodyTooLarge extends Error {}

/** The request's body, refused past `limit` bytes without reading the rest. */
async function readBody(request: Request, limit: number): Promise<Buffer<ArrayBuffer> | undefined> {
  if (!request.body) return undefined;
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The answer's body, passed on as it arrives; ended with an error (and the request aborted) when it stays silent for `idleMs`. */
function streamWithIdleTimeout(body: ReadableStream<Uint8Array>, idleMs: number, abort: () => void): ReadableStream<Uint8Array> {
  let timer: NodeJS.Timeout | undefined;
  let output!: TransformStreamDefaultController<Uint8Array>;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      output.error(new Error(`the team server sent nothing for ${idleMs / 1000} s`));
      abort();
    }, idleMs).unref();
  };
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      start: (controller) => {
        output = controller;
        arm();
      },
      transform: (chunk, controller) => {
        arm();
        controller.enqueue(chunk);
      },
      flush: () => clearTimeout(timer),
    }),
  );
}

export function createTeamRelay(options: TeamRelayOptions): TeamRelay {
  const limits = { ...relayLimits, ...options };
  const upstreamFetch = options.fetch ?? fetch;
  return async (request) => {
    // The URL parser has already resolved dot segments (%2e%2e included); %2f and the like stay encoded.
    const url = new URL(request.url);
    const decision = relayDecision(request.method, url.pathname, url.search);
    if (!decision.forward) return relayError(decision.status, decision.status === 404 ? 'not_found' : 'forbidden', `Targum relays only the team database’s replication requests: ${decision.reason}.`);
    const team = await options.team();
    if (!team) return relayError(503, 'not_configured', 'No team is configured.');

    let body: Buffer<ArrayBuffer> | undefined;
    try {
      body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await readBody(request, limits.maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLarge) return relayError(413, 'too_large', `A sync request may carry at most ${limits.maxBodyBytes / 1024 ** 2} MB.`);
      throw error;
    }
    const headers = new Headers();
    for (const name of forwardedRequestHeaders) {
      const value = request.headers.get(name);
      if (value !== null) headers.set(name, value);
    }
    const authorization = teamAuthorization(team);
    if (authorization) headers.set('authorization', authorization);

    const controller = new AbortController();
    const onCallerGone = () => controller.abort();
    request.signal.addEventListener('abort', onCallerGone, { once: true });
    const responseTimer = setTimeout(() => controller.abort(new DOMException('the team server did not answer in time', 'TimeoutError')), limits.responseTimeoutMs);
    let upstream: Response;
    try {
      upstream = await upstreamFetch(`${teamDatabaseUrl(team.config)}/${decision.path}`, {
        method: request.method,
        headers,
        body,
        redirect: 'manual',
        signal: controller.signal,
      });
    } catch (error) {
      request.signal.removeEventListener('abort', onCallerGone);
      if (controller.signal.reason instanceof DOMException && controller.signal.reason.name === 'TimeoutError') {
        return relayError(504, 'gateway_timeout', 'The team server did not answer in time.');
      }
      return relayError(502, 'bad_gateway', `The team server cannot be reached${error instanceof Error && error.message ? ` (${error.message})` : ''}.`);
    } finally {
      clearTimeout(responseTimer);
    }

    const returned = new Headers({ 'Cache-Control': 'no-store' });
    for (const name of returnedResponseHeaders) {
      const value = upstream.headers.get(name);
      if (value !== null) returned.set(name, value);
    }
    // A redirect would lead the page elsewhere; the server's address should be the one it answers on.
    if (upstream.status >= 300 && upstream.status < 400) {
      await upstream.body?.cancel();
      return relayError(502, 'bad_gateway', `The team server answered with a redirect (${upstream.status}); check its address in Settings → Team.`);
    }
    if (request.method === 'HEAD' || nullBodyStatuses.has(upstream.status) || !upstream.body) {
      await upstream.body?.cancel();
      return new Response(null, { status: upstream.status, statusText: upstream.statusText, headers: returned });
    }
    return new Response(streamWithIdleTimeout(upstream.body, limits.idleTimeoutMs, () => controller.abort()), { status: upstream.status, statusText: upstream.statusText, headers: returned });
  };
}

