/**
 * The app:// origin: the renderer build served from app://targum/. Electron's `protocol` and `net` come in as
 * arguments, so the handler runs under test without Electron.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { desktopHost, desktopScheme } from '../common/api/desktop-bridge';
import { rendererSecurityHeaders } from '../common/security/headers';
import type { TeamRelay } from '../node/team/team-relay';
import { isTeamRelayRequest } from './team';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

export interface SchemeRegistry {
  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: { standard: boolean; secure: boolean; supportFetchAPI: boolean; codeCache: boolean } }[]): void;
}

export interface ProtocolModules {
  protocol: { handle(scheme: string, handler: (request: Request) => Promise<Response>): void };
  /** Reads a file: URL (Electron's `net.fetch`). */
  net: { fetch(url: string): Promise<Response> };
}

/** Must run before the app is ready: app:// is a standard, secure scheme with fetch support. */
export function registerAppScheme(protocol: SchemeRegistry): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: desktopScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

const notFound = () => new Response('Not found', { status: 404 });

/**
 * The answer to one app:// request: a file of `rendererDir` with the same security headers as the web host; 404 for
 * anything outside it or missing, 400 for a path that is not valid percent-encoding.
 */
export async function serveRendererFile(request: Request, rendererDir: string, readFile: (fileUrl: string) => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== desktopHost || request.method !== 'GET') return notFound();
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return new Response('Bad request: the path is not valid percent-encoding', { status: 400 });
  }
  const root = path.resolve(rendererDir);
  const file = path.join(root, path.normalize(relative));
  if (!file.startsWith(root + path.sep)) return notFound();
  const response = await readFile(pathToFileURL(file).toString()).catch(() => undefined);
  if (!response?.ok) return notFound();
  const headers = new Headers(rendererSecurityHeaders);
  headers.set('Content-Type', contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
  return new Response(response.body, { status: 200, headers });
}

/**
 * Serves the renderer build from app://targum/, and the team relay (already guarded: see team.ts) under
 * app://targum/team-sync/; call once the app is ready.
 */
export function serveRendererOverAppScheme({ protocol, net }: ProtocolModules, rendererDir: string, teamRelay: TeamRelay): void {
  protocol.handle(desktopScheme, (request) =>
    isTeamRelayRequest(new URL(request.url)) ? teamRelay(request) : serveRendererFile(request, rendererDir, (fileUrl) => net.fetch(fileUrl)),
  );
}
