import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCall } from '../../../src/common/api/call';
import { createApiDispatcher } from '../../../src/common/api/dispatcher';
import { readAppMetadata } from '../../../src/node/app-metadata';
import { fetchArticle, FetchArticleError } from '../../../src/node/import/fetch-article';
import { resolveDataPaths } from '../../../src/node/paths';
import { createNodeServices } from '../../../src/node/services';

const page = '<!doctype html><html lang="he"><head><meta charset="utf-8"><title>כותרת</title></head><body><p>שלום עולם.</p></body></html>';
const pending = new Set<ServerResponse>();

/** A local web server with one route per case (there is no internet here, and tests must not need it). */
const server: Server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status: number, headers: Record<string, string>, body: string | Buffer = '') => {
    response.writeHead(status, headers);
    response.end(body);
  };
  switch (url.pathname) {
    case '/news/article.html':
      return send(200, { 'content-type': 'text/html; charset=utf-8' }, page);
    case '/moved':
      return send(301, { location: '/news/article.html' });
    case '/loop':
      return send(302, { location: `/loop?n=${Number(url.searchParams.get('n') ?? 0) + 1}` });
    case '/to-loopback':
      return send(302, { location: `http://127.0.0.1:${(server.address() as AddressInfo).port}/news/article.html` });
    case '/to-localhost':
      return send(307, { location: `http://localhost:${(server.address() as AddressInfo).port}/news/article.html` });
    case '/gzipped':
      return send(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }, gzipSync(page));
    case '/to-ftp':
      return send(302, { location: 'ftp://files.example/article.txt' });
    case '/missing':
      return send(404, { 'content-type': 'text/html' }, 'not here');
    case '/photo':
      return send(200, { 'content-type': 'image/png' }, Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    case '/download/report.docx':
      return send(200, { 'content-type': 'application/octet-stream' }, Buffer.from('PK'));
    case '/big-declared':
      return send(200, { 'content-type': 'text/plain', 'content-length': String(3 * 1024 * 1024) }, 'x');
    case '/big-streamed': {
      response.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(256 * 1024, 0x61);
      let sent = 0;
      const more = (): void => {
        while (sent < 12 && response.write(chunk)) sent++;
        if (sent < 12) response.once('drain', more);
        else response.end();
      };
      return more();
    }
    case '/silent':
      pending.add(response); // never answers
      return;
    default:
      return send(500, {});
  }
});
let origin = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const response of pending) response.destroy();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(run: Promise<unknown>): Promise<string> {
  const error = await run.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(FetchArticleError);
  return (error as Error).message;
}

describe('fetchArticle', () => {
  it('fetches a page with its content type, final address and a file name, following redirects', async () => {
    const fetched = await fetchArticle(`${origin}/moved`, { sizeLimitMb: 20, allowLocalNetwork: true });
    expect(new TextDecoder().decode(fetched.bytes)).toBe(page);
    expect(fetched).toMatchObject({ contentType: 'text/html; charset=utf-8', finalUrl: `${origin}/news/article.html`, fileName: 'article.html' });
  });

  it('takes a generic binary type when the address names a file type it imports', async () => {
    expect((await fetchArticle(`${origin}/download/report.docx`, { sizeLimitMb: 20, allowLocalNetwork: true })).fileName).toBe('report.docx');
  });

  it('refuses other schemes, endless redirects, errors and content that is not an article, in one sentence each', async () => {
    expect(await failure(fetchArticle('file:///etc/passwd', { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe('Only http and https addresses can be imported, not file.');
    expect(await failure(fetchArticle('not an address', { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe('"not an address" is not a web address; give one that starts with https:// or http://.');
    expect(await failure(fetchArticle(`${origin}/loop`, { sizeLimitMb: 20, maxRedirects: 3, allowLocalNetwork: true }))).toMatch(/^127\.0\.0\.1:\d+ redirected more than 3 times;/);
    expect(await failure(fetchArticle(`${origin}/to-ftp`, { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe('Only http and https addresses can be imported, not ftp.');
    expect(await failure(fetchArticle(`${origin}/missing`, { sizeLimitMb: 20, allowLocalNetwork: true }))).toMatch(/^127\.0\.0\.1:\d+ answered 404 Not Found: the page could not be fetched\.$/);
    expect(await failure(fetchArticle(`${origin}/photo`, { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe('The address gives image/png content, not an article: Targum imports web pages, text and Word documents.');
  });

  it('refuses a page over the size limit, whether its length is declared or it only streams on', async () => {
    expect(await failure(fetchArticle(`${origin}/big-declared`, { sizeLimitMb: 2, allowLocalNetwork: true }))).toMatch(/is over the 2 MB import limit \(Settings → Largest file to import\)\.$/);
    expect(await failure(fetchArticle(`${origin}/big-streamed`, { sizeLimitMb: 2, allowLocalNetwork: true }))).toMatch(/is over the 2 MB import limit/);
  });

  it('says when a host does not answer in time, refuses the connection or cannot be found', async () => {
    expect(await failure(fetchArticle(`${origin}/silent`, { sizeLimitMb: 20, timeoutMs: 300, allowLocalNetwork: true }))).toMatch(/^127\.0\.0\.1:\d+ did not send the page within 0\.3 seconds; try again later\.$/);
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await failure(fetchArticle(`http://127.0.0.1:${port}/`, { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe(`127.0.0.1:${port} refused the connection: the site may be down; try again later.`);
    expect(await failure(fetchArticle('http://no-such-host.invalid/article', { sizeLimitMb: 20, allowLocalNetwork: true }))).toBe('no-such-host.invalid could not be found: you may be offline, or the address may be mistyped.');
  });
});

describe('fetchArticle refuses addresses on this machine and its local network', () => {
  const refusal = /^.+ is on this machine or its local network, so it was not fetched; to import such pages, turn on Settings → Allow local network addresses\.$/;
  const port = () => (server.address() as AddressInfo).port;

  it.each([
    ['127.0.0.1', '127.0.0.1'],
    ['127.1', '127.0.0.1'],
    ['2130706433', '127.0.0.1'],
    ['0x7f.1', '127.0.0.1'],
    ['0177.0.0.1', '127.0.0.1'],
    ['[::1]', '[::1]'],
    ['[::ffff:127.0.0.1]', '[::ffff:7f00:1]'],
    ['[0:0:0:0:0:ffff:7f00:1]', '[::ffff:7f00:1]'],
    ['localhost', 'localhost ([::1])|localhost (127.0.0.1)'],
    ['10.1.2.3', '10.1.2.3'],
    ['172.20.0.1', '172.20.0.1'],
    ['192.168.1.1', '192.168.1.1'],
    ['169.254.169.254', '169.254.169.254'],
    ['0.0.0.0', '0.0.0.0'],
    ['[fd00::1]', '[fd00::1]'],
    ['[fe80::1]', '[fe80::1]'],
    ['[::ffff:a9fe:a9fe]', '[::ffff:a9fe:a9fe]'],
    ['[64:ff9b::7f00:1]', '[64:ff9b::7f00:1]'],
  ])('refuses %s in one line', async (host, shown) => {
    const message = await failure(fetchArticle(`http://${host}:${port()}/news/article.html`, { sizeLimitMb: 20 }));
    expect(message).toMatch(refusal);
    expect(message).toMatch(new RegExp(`^(${shown.replace(/[[\]().]/g, (c) => `\\${c}`)}) is`));
  });

  it('checks again on every redirect hop, so a page cannot send the fetch to 127.0.0.1 or localhost', async () => {
    // A second server on 127.0.0.2 stands for a public site: the test counts only 127.0.0.1 and ::1 as local.
    const publicSite = createServer((request, response) => {
      const to = request.url === '/to-name' ? `http://localhost:${port()}/news/article.html` : `http://127.0.0.1:${port()}/news/article.html`;
      response.writeHead(302, { location: to });
      response.end();
    });
    await new Promise<void>((resolve) => publicSite.listen(0, '127.0.0.2', resolve));
    const publicOrigin = `http://127.0.0.2:${(publicSite.address() as AddressInfo).port}`;
    const isRefusedAddress = (address: string) => address === '127.0.0.1' || address === '::1';
    try {
      expect(await failure(fetchArticle(`${publicOrigin}/to-address`, { sizeLimitMb: 20, isRefusedAddress }))).toBe(
        '127.0.0.1 is on this machine or its local network, so it was not fetched; to import such pages, turn on Settings → Allow local network addresses.',
      );
      expect(await failure(fetchArticle(`${publicOrigin}/to-name`, { sizeLimitMb: 20, isRefusedAddress }))).toMatch(/^localhost \((127\.0\.0\.1|\[::1\])\) is on this machine/);
      // Allowed, the same redirect ends at the page.
      expect((await fetchArticle(`${publicOrigin}/to-address`, { sizeLimitMb: 20, allowLocalNetwork: true })).finalUrl).toBe(`${origin}/news/article.html`);
    } finally {
      await new Promise((resolve) => publicSite.close(resolve));
    }
  });

  it('decodes a gzip body and fetches from local addresses when allowed', async () => {
    const fetched = await fetchArticle(`${origin}/gzipped`, { sizeLimitMb: 20, allowLocalNetwork: true });
    expect(new TextDecoder().decode(fetched.bytes)).toBe(page);
  });
});

describe('the fetchArticle service', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-fetch-'));
  const services = createNodeServices({
    host: 'web',
    app: readAppMetadata(),
    paths: resolveDataPaths({ TARGUM_DATA_DIR: dataDir }),
    resourcesDir: path.resolve('resources'),
    runtime: { node: process.versions.node },
    log: () => undefined,
  });
  const dispatch = createApiDispatcher(services);
  afterAll(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a local address until the setting allows local network addresses', async () => {
    expect(await dispatch('import.fetchArticle', { url: `${origin}/moved` }, localCall())).toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringMatching(/^127\.0\.0\.1 is on this machine or its local network/) } });
    await services.settings.update({ allowLocalNetworkImport: true }, localCall());
  });

  it('answers through the contract with the body in base64, under the size limit from the settings', async () => {
    const reply = await dispatch('import.fetchArticle', { url: `${origin}/moved` }, localCall());
    expect(reply).toMatchObject({ ok: true, value: { finalUrl: `${origin}/news/article.html`, fileName: 'article.html' } });
    const value = (reply as { value: { bytes: string } }).value;
    expect(Buffer.from(value.bytes, 'base64').toString('utf8')).toBe(page);

    await services.settings.update({ importSizeLimitMb: 1 }, localCall());
    expect(await dispatch('import.fetchArticle', { url: `${origin}/big-streamed` }, localCall())).toMatchObject({ ok: false, error: { message: expect.stringMatching(/over the 1 MB import limit/) } });
    expect(await dispatch('import.fetchArticle', { url: 'ftp://files.example/a.txt' }, localCall())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('import.fetchArticle', { url: 'http://no-such-host.invalid/article' }, localCall())).toMatchObject({ ok: false, error: { code: 'offline' } });
  });
});
