import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { createForwardingDispatcher } from '../common/api/dispatcher';
import { serveApiOverPort } from '../common/rpc/channel';
import { ServicesConnection, type ServicesChild } from '../common/rpc/services-connection';
import { textPortOverWebSocket } from '../common/rpc/text-ports';
import { rendererSecurityHeaders } from '../common/security/headers';
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
 * Serves the renderer build and the API over a WebSocket, on 127.0.0.1 only. Every WebSocket connection
 * must carry the run's token and come from the host's own origin. The services run in a worker thread.
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

function checkUpgrade(req: IncomingMessage, token: string, port: number): Refusal | undefined {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  if (url.pathname !== apiPath) return { status: 404, reason: 'Not Found' };
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  // A page on another site, or a DNS-rebound name, must not reach the API even if it guessed the port.
  if (!allowedHosts.includes(req.headers.host ?? '')) return { status: 403, reason: 'Forbidden (host)' };
  const origin = req.headers.origin;
  if (origin !== undefined && !allowedHosts.some((host) => origin === `http://${host}`)) {
    return { status: 403, reason: 'Forbidden (origin)' };
  }
  const offered = Buffer.from(url.searchParams.get('token') ?? '');
  const expected = Buffer.from(token);
  if (offered.length !== expected.length || !timingSafeEqual(offered, expected)) return { status: 401, reason: 'Unauthorized (token)' };
  return undefined;
}
