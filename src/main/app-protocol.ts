import { net, protocol } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { desktopHost, desktopScheme } from '../common/api/desktop-bridge';
import { rendererSecurityHeaders } from '../common/security/headers';

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

/** Must run before the app is ready: app:// is a standard, secure scheme with fetch support. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: desktopScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the renderer build from app://targum/, with the same security headers as the web host. */
export function serveRendererOverAppScheme(rendererDir: string): void {
  protocol.handle(desktopScheme, async (request) => {
    const url = new URL(request.url);
    if (url.host !== desktopHost || request.method !== 'GET') return new Response('Not found', { status: 404 });
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = path.join(rendererDir, path.normalize(relative));
    if (!file.startsWith(rendererDir + path.sep)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString()).catch(() => undefined);
    if (!response?.ok) return new Response('Not found', { status: 404 });
    const headers = new Headers(rendererSecurityHeaders);
    headers.set('Content-Type', contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream');
    return new Response(response.body, { status: 200, headers });
  });
}
