/**
 * A local imitation of a Hugging Face hub, on 127.0.0.1 only, for the downloader's tests:
 * `/<repo>/resolve/<rev>/<path>` answers 302 to a CDN-like path with X-Linked-Etag / X-Linked-Size for
 * large (LFS) files, and 200 with the bytes for small ones; the CDN path serves bytes with Range support.
 * Faults (a cut connection, damaged bytes, slow delivery, error statuses) are switched on per test.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  range: string | undefined;
}

export interface FakeHubOptions {
  repo: string;
  revision: string;
  files: Map<string, Buffer>;
  /** Paths served as LFS files (302 to the CDN). */
  large: Set<string>;
}

export class FakeHub {
  readonly seen: SeenRequest[] = [];
  /** CDN faults: `cutAfter` closes the connection after that many bytes (once); `corrupt` serves other bytes of the
   * same length; `slowChunk` trickles the bytes; `ignoreRange` answers 200 with the whole file; `failOnce` answers that status once. */
  readonly faults = new Map<string, { cutAfter?: number; corrupt?: boolean; slowChunk?: number; ignoreRange?: boolean; failOnce?: number; extraBytes?: number }>();
  /** A hub that tells less: no hashes (a mirror), or no sizes, for its LFS files. */
  readonly withholds = { hashes: false, sizes: false };
  /** Extra headers on the hub's own answer for a path (e.g. X-Error-Code), and a status to answer instead. */
  readonly statusFor = new Map<string, { status: number; headers?: Record<string, string> }>();
  private server: http.Server | undefined;
  url = '';

  constructor(readonly options: FakeHubOptions) {}

  async start(): Promise<void> {
    this.server = http.createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  sha256(file: string): string {
    return createHash('sha256').update(this.options.files.get(file)!).digest('hex');
  }

  /** GET requests that reached the CDN for a file. */
  gets(file: string): SeenRequest[] {
    return this.seen.filter((request) => request.method === 'GET' && decodeURIComponent(request.url) === `/cdn/${file}`);
  }

  private handle(request: http.IncomingMessage, response: http.ServerResponse): void {
    const url = request.url ?? '/';
    this.seen.push({ method: request.method ?? 'GET', url, range: request.headers.range });
    const prefix = `/${this.options.repo}/resolve/${encodeURIComponent(this.options.revision)}/`;
    if (url.startsWith(prefix)) return this.hub(decodeURIComponent(url.slice(prefix.length)), request, response);
    if (url.startsWith('/cdn/')) return this.cdn(decodeURIComponent(url.slice('/cdn/'.length)), request, response);
    response.writeHead(404).end();
  }

  private hub(file: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    const forced = this.statusFor.get(file);
    if (forced) {
      response.writeHead(forced.status, forced.headers ?? {}).end();
      return;
    }
    const data = this.options.files.get(file);
    if (!data) {
      response.writeHead(404, { 'X-Error-Code': 'EntryNotFound' }).end();
      return;
    }
    if (this.options.large.has(file)) {
      const sha = this.sha256(file);
      response
        .writeHead(302, {
          Location: `${this.url}/cdn/${file.split('/').map(encodeURIComponent).join('/')}`,
          ...(this.withholds.hashes ? {} : { 'X-Linked-Etag': `"${sha}"`, ETag: `W/"${sha}"` }),
          ...(this.withholds.sizes ? {} : { 'X-Linked-Size': String(data.length) }),
          'Content-Length': '0',
        })
        .end();
      return;
    }
    // A small file: its ETag is the git blob SHA-1, not a content hash.
    const gitSha = createHash('sha1').update(`blob ${data.length}\0`).update(data).digest('hex');
    response.writeHead(200, { 'Content-Length': String(data.length), ETag: `"${gitSha}"`, 'Content-Type': 'application/octet-stream' });
    response.end(request.method === 'HEAD' ? undefined : data);
  }

  private cdn(file: string, request: http.IncomingMessage, response: http.ServerResponse): void {
    const original = this.options.files.get(file);
    if (!original) {
      response.writeHead(404).end();
      return;
    }
    const fault = this.faults.get(file) ?? {};
    if (fault.failOnce) {
      this.faults.set(file, { ...fault, failOnce: undefined });
      response.writeHead(fault.failOnce).end();
      return;
    }
    const data = fault.corrupt ? Buffer.from(original.map((byte) => byte ^ 0xff)) : original;
    let start = 0;
    const range = fault.ignoreRange ? null : /^bytes=(\d+)-$/.exec(request.headers.range ?? '');
    if (range) start = Number(range[1]);
    if (start > data.length) {
      response.writeHead(416, { 'Content-Range': `bytes */${data.length}` }).end();
      return;
    }
    if (fault.extraBytes) {
      // A hub that sends more than it announced, without a length, as long as the client takes it.
      response.writeHead(200, { 'Content-Type': 'application/octet-stream' });
      response.write(data);
      response.end(Buffer.alloc(fault.extraBytes, 0x41));
      return;
    }
    const body = data.subarray(start);
    const headers: Record<string, string> = { 'Content-Length': String(body.length), 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (range) headers['Content-Range'] = `bytes ${start}-${data.length - 1}/${data.length}`;
    response.writeHead(range ? 206 : 200, headers);
    if (request.method === 'HEAD') {
      response.end();
      return;
    }
    if (fault.cutAfter !== undefined) {
      const cut = fault.cutAfter;
      this.faults.set(file, { ...fault, cutAfter: undefined });
      // Give the client time to take the bytes in, then cut the connection (no proper end of the body).
      response.write(body.subarray(0, cut), () => setTimeout(() => response.socket?.destroy(), 50));
      return;
    }
    if (fault.slowChunk) {
      const size = fault.slowChunk;
      let offset = 0;
      const timer = setInterval(() => {
        if (response.destroyed || offset >= body.length) {
          clearInterval(timer);
          if (!response.destroyed) response.end();
          return;
        }
        response.write(body.subarray(offset, offset + size));
        offset += size;
      }, 10);
      response.on('close', () => clearInterval(timer));
      return;
    }
    response.end(body);
  }
}
