import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

let host: TestWebHost;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'targum-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Targum</title>');
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

  it('refuses API connections without the token, with a wrong one, or from another origin', async () => {
    const base = host.origin.replace('http:', 'ws:');
    await expect(openSocket(`${base}/api`)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`${base}/api?token=${'x'.repeat(host.token.length)}`)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`${base}/api?token=${host.token}`, 'http://attacker.example')).rejects.toThrow('HTTP 403');
    await expect(openSocket(`${base}/elsewhere?token=${host.token}`)).rejects.toThrow('HTTP 404');
  });

  it('answers calls over the socket and names what is wrong with a malformed one, without crashing', async () => {
    const socket = await openSocket(`${host.origin.replace('http:', 'ws:')}/api?token=${host.token}`, host.origin);
    const info = await request(socket, JSON.stringify({ t: 'q', m: 'call', a: ['getAppInfo', {}], i: '1' }));
    expect(info).toMatchObject({ t: 's', i: '1', r: { ok: true, value: { host: 'web', dataDir: host.dataDir } } });
    const bad = await request(socket, JSON.stringify({ t: 'q', m: 'call', a: ['updateSettings', { threads: 'all' }], i: '2' }));
    expect(bad).toMatchObject({ i: '2', r: { ok: false, error: { code: 'invalid-request', message: expect.stringContaining('params.threads') } } });
    const malformed = await request(socket, JSON.stringify({ t: 'q', m: 42, i: '3' }));
    expect(malformed).toMatchObject({ i: '3', r: { ok: false, error: { code: 'invalid-request' } } });
    socket.send('garbage');
    const after = await request(socket, JSON.stringify({ t: 'q', m: 'call', a: ['getSettings', {}], i: '4' }));
    expect(after).toMatchObject({ i: '4', r: { ok: true } });
    socket.close();
  });
});
