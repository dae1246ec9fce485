import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createForwardingDispatcher } from '../common/api/dispatcher';
import { serveApiOverPort } from '../common/rpc/channel';
import { ServicesConnection, type ServicesChild } from '../common/rpc/services-connection';
import { textPortOverWebSocket } from '../common/rpc/text-ports';
import { rendererSecurityHeaders } from '../common/security/headers';
import { teamRelayPath, teamTokenHeader } from '../common/team/team-config';
import { relayError, type TeamRelay } from '../node/team/team-relay';
import { requestFromIncoming, sendResponse } from './fetch-adapter';
import { listStaticFiles, serveStaticFile } from './static-files';

/** The web host's fixed default port, so the origin (and the browser's IndexedDB under it) stays the same. */
export const defaultWebHostPort = 4391;
export const apiPath = '/api';

export interface WebHostOptions {
  /** 0 picks a free port (tests). */
  port: number;
  rendererDir: string;
  /** Starts the Node services (a worker thread); started again if it stops. */
  spawnServices: () => ServicesChild;
  log: (message: string) => void;
  /** Fixed token for tests; a random one otherwise. */
  token?: string;
  /** The team relay, served under `teamRelayPath` to the page that holds the token. */
  teamRelay: TeamRelay;
}

export interface WebHost {
  origin: string;
  /** The address to open: the origin with the run's token. */
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

/**
 * Serves the renderer build, the API over a WebSocket and the team relay, on 127.0.0.1 only. Every WebSocket
 * connection and every relayed request must carry the run's token and come from the host's own origin. The
 * services run in a worker thread.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  if (!existsSync(path.join(options.rendererDir, 'index.html'))) {
    throw new Error(`no renderer build in ${options.rendererDir}: run "npm run build" first`);
  }
  const token = options.token ?? randomBytes(24).toString('base64url');
  const services = new ServicesConnection(options.spawnServices, options.log);
  services.warmUp();
  const dispatch = createForwardingDispatcher((method, params, call) => services.call(method, params, call));

  const staticFiles = listStaticFiles(options.rendererDir, options.log);
  const server = createServer((req, res) => {
    if (isTeamRelayPath(req.url)) {
      void relayTeamSync(req, res);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (!serveStaticFile(staticFiles, req, res, rendererSecurityHeaders)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refusal = checkUpgrade(req, token, address().port);
    if (refusal) {
      socket.end(`HTTP/1.1 ${refusal.status} ${refusal.reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      options.log(`refused a connection: ${refusal.reason}`);
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => attach(ws));
  });

  /** A sync request of the page, passed to the team relay once it has shown the token and the right Host and Origin. */
  async function relayTeamSync(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = `http://127.0.0.1:${address().port}`;
    try {
      const refusal = checkRelayCaller(req, token, address().port);
      if (refusal) {
        options.log(`refused a team sync request: ${refusal.reason}`);
        await sendResponse(res, relayError(refusal.status, refusal.status === 401 ? 'unauthorized' : 'forbidden', refusal.reason));
        return;
      }
      await sendResponse(res, await options.teamRelay(requestFromIncoming(req, res, origin)));
    } catch (error) {
      options.log(`team relay failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) await sendResponse(res, relayError(500, 'relay_failed', 'The team relay failed; see the web host’s log.'));
      else res.destroy();
    }
  }

  /** One channel per connection; when the page goes (reloaded or closed), every call it started is cancelled. */
  function attach(ws: WebSocket): void {
    const channel = serveApiOverPort(textPortOverWebSocket(ws), dispatch, (problem) => options.log(`api: ${problem}`));
    ws.on('close', () => channel.close());
    ws.on('error', (error) => options.log(`websocket error: ${error.message}`));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  function address() {
    const bound = server.address();
    if (bound === null || typeof bound === 'string') throw new Error('web host is not listening');
    return bound;
  }
  const port = address().port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: `${origin}/?token=${token}`,
    token,
    port,
    close: async () => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      services.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Refusal = { status: number; reason: string };

function isTeamRelayPath(rawUrl: string | undefined): boolean {
  const pathname = new URL(rawUrl ?? '/', 'http://127.0.0.1').pathname;
  return pathname === teamRelayPath || pathname.startsWith(`${teamRelayPath}/`);
}

/** A page on another site, or a DNS-rebound name, must not reach the host even if it guessed the port. */
function hostOrOriginRefusal(req: IncomingMessage, port: number): Refusal | undefined {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!allowedHosts.includes(req.headers.host ?? '')) return { status: 403, reason: 'Forbidden (host)' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return { status: 403, reason: 'Forbidden (origin)' };
  }
  return undefined;
}

function tokenMatches(offered: string, token: string): boolean {
  const offeredBytes = Buffer.from(offered);
  const expected = Buffer.from(token);
  return offeredBytes.length === expected.length && timingSafeEqual(offeredBytes, expected);
}

function checkUpgrade(req: IncomingMessage, token: string, port: number): Refusal | undefined {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== apiPath) return { status: 404, reason: 'Not Found' };
  const refusal = hostOrOriginRefusal(req, port);
  if (refusal) return refusal;
  if (!tokenMatches(url.searchParams.get('token') ?? '', token)) return { status: 401, reason: 'Unauthorized (token)' };
  return undefined;
}

/**
 * The team relay's callers: the page that holds the run's token, which it sends in a header. A token in the
 * address would end up in logs and history, so one there is refused even when right. A browser sends
 * Sec-Fetch-Site with every request; anything but same-origin is another site's page.
 */
function checkRelayCaller(req: IncomingMessage, token: string, port: number): Refusal | undefined {
  const refusal = hostOrOriginRefusal(req, port);
  if (refusal) return refusal;
  const site = req.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') return { status: 403, reason: `Forbidden (a ${site} request)` };
  if (new URL(req.url ?? '/', 'http://127.0.0.1').searchParams.has('token')) {
    return { status: 400, reason: `The token belongs in the ${teamTokenHeader} header, never in the address` };
  }
  const offered = req.headers[teamTokenHeader];
  if (typeof offered !== 'string' || !tokenMatches(offered, token)) return { status: 401, reason: 'Unauthorized (token)' };
  return undefined;
}
