import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAppScheme, serveRendererFile, serveRendererOverAppScheme } from '../../../src/main/app-protocol';
import { contentSecurityPolicy } from '../../../src/common/security/headers';

let base: string;
let rendererDir: string;
/** Every file: URL the handler asked to read. */
const asked: string[] = [];

/** Reads a file: URL from disk, as Electron's net.fetch does. */
async function readFile(fileUrl: string): Promise<Response> {
  asked.push(fileUrl);
  return new Response(readFileSync(fileURLToPath(fileUrl)));
}

const get = (url: string, method = 'GET') => serveRendererFile(new Request(url, { method }), rendererDir, readFile);

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'targum-app-protocol-'));
  rendererDir = path.join(base, 'renderer');
  mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Targum</title>');
  writeFileSync(path.join(rendererDir, 'assets', 'index-3f2a.js'), 'console.log(1);');
  writeFileSync(path.join(base, 'secret.txt'), 'outside the renderer');
  mkdirSync(path.join(base, 'renderer-secret'));
  writeFileSync(path.join(base, 'renderer-secret', 'key.txt'), 'a sibling folder whose name starts like the renderer');
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the app:// protocol handler', () => {
  it('serves the renderer build with the security headers', async () => {
    const page = await get('app://targum/');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Targum</title>');
    expect(page.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('Content-Security-Policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('Cross-Origin-Opener-Policy')).toBe('same-origin');

    const script = await get('app://targum/assets/index-3f2a.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(await script.text()).toBe('console.log(1);');
  });

  it.each([
    'app://targum/../secret.txt',
    'app://targum/%2e%2e/secret.txt',
    'app://targum/..%2Fsecret.txt',
    'app://targum/assets/..%2F..%2Fsecret.txt',
    'app://targum/%2E%2E%2F%2E%2E%2Fsecret.txt',
    'app://targum/..%2Frenderer-secret%2Fkey.txt',
    'app://targum/..%5Csecret.txt',
    'app://targum/%2Fetc%2Fpasswd',
  ])('never reads outside the renderer build: %s', async (url) => {
    asked.length = 0;
    const response = await get(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
    for (const fileUrl of asked) expect(fileURLToPath(fileUrl).startsWith(rendererDir + path.sep), fileUrl).toBe(true);
  });

  it.each(['app://targum/%', 'app://targum/%E0%A4%A', 'app://targum/assets/%zz.js', 'app://targum/%C0%AF'])(
    'answers a malformed percent-escape with 400, not an exception: %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/not valid percent-encoding/);
    },
  );

  it('answers 404 for a missing file, a NUL in the path, another host or another method', async () => {
    expect((await get('app://targum/assets/missing.js')).status).toBe(404);
    expect((await get('app://targum/index.html%00.js')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
    expect((await get('app://targum/index.html', 'POST')).status).toBe(404);
  });

  it('is what Electron gets for the app scheme, reading files through net.fetch and passing team sync requests to the relay', async () => {
    const handlers = new Map<string, (request: Request) => Promise<Response>>();
    const fetched: string[] = [];
    const relayed: string[] = [];
    serveRendererOverAppScheme(
      {
        protocol: { handle: (scheme, handler) => handlers.set(scheme, handler) },
        net: { fetch: async (url) => (fetched.push(url), readFile(url)) },
      },
      rendererDir,
      async (request) => (relayed.push(request.url), Response.json({ db_name: 'newsdesk' })),
    );
    const response = await handlers.get('app')?.(new Request('app://targum/index.html'));
    expect(response?.status).toBe(200);
    expect(fetched).toEqual([`file://${path.join(rendererDir, 'index.html')}`]);
    expect((await handlers.get('app')?.(new Request('app://targum/team-sync/_changes?since=0')))?.status).toBe(200);
    expect((await handlers.get('app')?.(new Request('app://elsewhere/team-sync/')))?.status).toBe(404);
    expect((await handlers.get('app')?.(new Request('app://targum/team-syncing/')))?.status).toBe(404);
    expect(relayed).toEqual(['app://targum/team-sync/_changes?since=0']);
  });

  it('registers app:// as a standard, secure scheme with fetch', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
  });
});
