import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { readPhrasebook } from '../../support/tiny-model';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

let host: TestWebHost;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'targum-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Targum</title>');
  mkdirSync(path.join(rendererDir, 'assets'));
  writeFileSync(path.join(rendererDir, 'assets', 'app.js'), 'export {};');
  const outside = mkdtempSync(path.join(os.tmpdir(), 'targum-outside-'));
  writeFileSync(path.join(outside, 'secret.txt'), 'not for the page');
  symlinkSync(path.join(outside, 'secret.txt'), path.join(rendererDir, 'assets', 'secret.txt'));
  symlinkSync(outside, path.join(rendererDir, 'elsewhere'));
  symlinkSync(path.join(rendererDir, 'missing.js'), path.join(rendererDir, 'assets', 'dangling.js'));
  symlinkSync('app.js', path.join(rendererDir, 'assets', 'alias.js'));
  host = await startTestWebHost({ rendererDir });
});
afterAll(() => host.close());

function openSocket(url: string, origin?: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, origin ? { origin } : {});
    socket.on('open', () => resolve(socket));
    socket.on('unexpected-response', (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    socket.on('error', reject);
  });
}

const openApi = (target: TestWebHost) => openSocket(`${target.origin.replace('http:', 'ws:')}/api?token=${target.token}`, target.origin);

function request(socket: WebSocket, message: string): Promise<unknown> {
  return new Promise((resolve) => {
    socket.once('message', (data: Buffer) => resolve(JSON.parse(data.toString('utf8'))));
    socket.send(message);
  });
}

describe('the web host', () => {
  it('listens on 127.0.0.1 and prints an address carrying the token', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.url).toBe(`${host.origin}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves the renderer with a strict CSP and cross-origin isolation', async () => {
    const response = await fetch(`${host.origin}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
  });

  it('serves nothing outside the renderer folder and accepts no writes', async () => {
    expect((await fetch(`${host.origin}/../package.json`)).status).toBe(404);
    expect((await fetch(`${host.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
    expect((await fetch(`${host.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('follows no symbolic link out of the build folder, and starts despite a dangling one', async () => {
    expect((await fetch(`${host.origin}/assets/secret.txt`)).status).toBe(404);
    expect((await fetch(`${host.origin}/elsewhere/secret.txt`)).status).toBe(404);
    expect((await fetch(`${host.origin}/assets/dangling.js`)).status).toBe(404);
    const alias = await fetch(`${host.origin}/assets/alias.js`);
    expect(alias.status).toBe(200);
    expect(alias.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await alias.text()).toBe('export {};');
    expect(host.logs).toEqual(expect.arrayContaining([expect.stringMatching(/dangling\.js is a link to nothing/), expect.stringMatching(/secret\.txt leads outside the build folder/)]));
  });

  it('refuses API connections without the token, with a wrong one, or from another origin', async () => {
    const base = host.origin.replace('http:', 'ws:');
    await expect(openSocket(`${base}/api`)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`${base}/api?token=${'x'.repeat(host.token.length)}`)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`${base}/api?token=${host.token}`, 'http://attacker.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(`${base}/elsewhere?token=${host.token}`)).rejects.toThrow('HTTP 404');
  });

  it('answers calls over the socket and names what is wrong with a malformed one, without crashing', async () => {
    const socket = await openSocket(`${host.origin.replace('http:', 'ws:')}/api?token=${host.token}`, host.origin);
    const info = await request(socket, JSON.stringify({ t: 'call', id: '1', method: 'files.appInfo', params: {} }));
    expect(info).toMatchObject({ t: 'reply', id: '1', reply: { ok: true, value: { host: 'web', dataDir: host.dataDir } } });
    const bad = await request(socket, JSON.stringify({ t: 'call', id: '2', method: 'settings.update', params: { threads: 'all' } }));
    expect(bad).toMatchObject({ id: '2', reply: { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('params.threads') } } });
    const malformed = await request(socket, JSON.stringify({ t: 'call', id: '3', method: 42 }));
    expect(malformed).toMatchObject({ id: '3', reply: { ok: false, error: { code: 'invalid-input' } } });
    socket.send('garbage');
    const after = await request(socket, JSON.stringify({ t: 'call', id: '4', method: 'settings.get', params: {} }));
    expect(after).toMatchObject({ id: '4', reply: { ok: true } });
    socket.close();
  });
});

describe('the web host with a model', () => {
  let withModel: TestWebHost;
  beforeAll(async () => {
    const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'targum-renderer-'));
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Targum</title>');
    withModel = await startTestWebHost({ rendererDir, withTinyModel: true });
  });
  afterAll(() => withModel.close());

  /** The messages of one call on a socket: its progress, then its reply. */
  function translate(socket: WebSocket, id: string, sentences: string[]) {
    const progress: Array<{ done: number; total: number; results: unknown[] }> = [];
    const reply = new Promise<{ ok: boolean; value?: { translated: number; cancelled: boolean } }>((resolve) =>
      socket.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString('utf8')) as { t: string; id: string; value?: never; reply?: never };
        if (message.id !== id) return;
        if (message.t === 'progress') progress.push(message.value!);
        else resolve(message.reply!);
      }),
    );
    const segments = sentences.map((text, index) => ({ id: `s${index}`, text }));
    socket.send(JSON.stringify({ t: 'call', id, method: 'translation.translate', params: { segments, to: 'en' } }));
    return { progress, reply };
  }

  it("sends a translation's results per batch to the socket that asked, and cancels its work when that socket closes", async () => {
    const hebrew = readPhrasebook().filter((entry) => entry.language === 'he').map((entry) => entry.source);
    // Long enough to keep the queue busy for minutes if it ran on.
    const long = Array.from({ length: 20_000 }, (_, index) => hebrew[index % hebrew.length]!);
    const leaving = await openApi(withModel);
    const watching = await openApi(withModel);
    const watched: unknown[] = [];
    watching.on('message', (data: Buffer) => watched.push(JSON.parse(data.toString('utf8'))));
    const first = translate(leaving, 'a', long);
    await expect.poll(() => first.progress.filter((message) => message.results.length > 0).length, { timeout: 30_000 }).toBeGreaterThan(1);
    expect(first.progress[0]).toEqual({ done: 0, total: 20_000, results: [] });
    expect(first.progress[1]!.results).toHaveLength(4);
    expect(first.progress[2]!.results).toHaveLength(16);
    expect(watched).toEqual([]);

    // The tab reloads: its socket closes. The queue is free again at once, so a short request is answered.
    leaving.close();
    const second = translate(watching, 'b', hebrew.slice(0, 3));
    expect(await second.reply).toMatchObject({ ok: true, value: { translated: 3, cancelled: false } });
    watching.close();
  }, 60_000);
});
