/**
 * The renderer build served as static files, only from inside its folder: the folder is listed once at start,
 * each file by its real path, and a symbolic link that leads out of the folder, or nowhere, is left out (and
 * logged) rather than followed or allowed to stop the host from starting. Requests are looked up in that list
 * by their decoded path; nothing else on disk can be named.
 */
import { createReadStream, lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';

interface StaticFile {
  absolute: string;
  size: number;
  etag: string;
  type: string;
}

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

/** Every servable file under `root`, by URL path ('/assets/index.js'); dot files and what leads outside are left out. */
export function listStaticFiles(root: string, log: (message: string) => void): Map<string, StaticFile> {
  const realRoot = realpathSync(root);
  const files = new Map<string, StaticFile>();
  const visit = (folder: string, urlPath: string): void => {
    for (const name of readdirSync(folder)) {
      if (name.startsWith('.')) continue;
      const entry = path.join(folder, name);
      let real: string;
      try {
        real = lstatSync(entry).isSymbolicLink() ? realpathSync(entry) : entry;
      } catch {
        log(`static files: ${path.relative(root, entry)} is a link to nothing; not served`);
        continue;
      }
      if (!isInside(realRoot, real)) {
        log(`static files: ${path.relative(root, entry)} leads outside the build folder; not served`);
        continue;
      }
      const info = statSync(real);
      if (info.isDirectory()) {
        if (real === entry) visit(entry, `${urlPath}${name}/`);
        continue;
      }
      if (!info.isFile()) continue;
      files.set(`${urlPath}${name}`, {
        absolute: real,
        size: info.size,
        etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
        type: contentTypes[path.extname(name).toLowerCase()] ?? 'application/octet-stream',
      });
    }
  };
  visit(realRoot, '/');
  return files;
}

/** Serves a request from the listed files; answers false when the path is not one of them. */
export function serveStaticFile(files: ReadonlyMap<string, StaticFile>, request: IncomingMessage, response: ServerResponse, headers: Readonly<Record<string, string>>): boolean {
  let pathname = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
  try {
    pathname = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  const file = files.get(pathname.endsWith('/') ? `${pathname}index.html` : pathname);
  if (file === undefined) return false;
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.setHeader('ETag', file.etag);
  response.setHeader('Cache-Control', file.type.startsWith('text/html') ? 'no-store' : 'no-cache');
  if (request.headers['if-none-match'] === file.etag) {
    response.writeHead(304).end();
    return true;
  }
  response.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.size });
  if (request.method === 'HEAD') response.end();
  else createReadStream(file.absolute).on('error', () => response.destroy()).pipe(response);
  return true;
}
