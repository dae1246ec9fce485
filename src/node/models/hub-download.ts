/**
 * Downloads one model from a Hugging Face hub, or a mirror of it (the base URL is a setting, like
 * HF_ENDPOINT), into a model folder, atomically:
 *
 * 1. HEAD every file without following redirects: the hub answers 200 for small files (Content-Length,
 *    a git SHA-1 ETag) and 302 to its CDN for large (LFS) files, with X-Linked-Size and X-Linked-Etag
 *    (the SHA-256 of the content) on that first answer.
 * 2. Refuse when the file system holding the destination lacks the space.
 * 3. GET each file into `stagingDir` as `<path>.partial`, resuming with `Range: bytes=N-` what an
 *    earlier attempt left (appending on 206, starting over on 200), and resuming a connection cut
 *    mid-file a few times by itself.
 * 4. Verify each file (SHA-256 when the hub gives one, otherwise its size); a damaged file is deleted
 *    and the download fails naming it.
 * 5. Write the manifest, then rename the staging folder to `destination` (same file system), so a
 *    half-downloaded model never appears there.
 *
 * Cancelling (the AbortSignal) keeps the partial files, so the next attempt resumes them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat, statfs } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { writeFileAtomic } from '../fs/atomic-write';
import { manifestFileName } from '../translation/model-folder';
import { formatBytes } from '../../common/format-bytes';

/** A file of the repository, by its path inside it (`onnx/encoder_model_quantized.onnx`). */
export interface HubFile {
  path: string;
  /** Expected size in bytes, used only when the hub does not say (its X-Linked-Size or Content-Length wins). */
  size?: number;
  /** Expected SHA-256 (hex): pins the content; the download fails if the hub serves anything else. */
  sha256?: string;
}

export interface DownloadProgress {
  /** The file being fetched (its path in the repository). */
  file: string;
  fileDone: number;
  fileTotal: number;
  /** Bytes of all files, done and in total (files of unknown size count what has arrived). */
  done: number;
  total: number;
}

/** What statfs tells that matters here: blocks available to the user, and their size. */
export interface DiskSpace {
  bavail: number | bigint;
  bsize: number | bigint;
}

export interface DownloadRequest {
  /** The hub or its mirror: https://huggingface.co, https://hf-mirror.com. */
  hubUrl: string;
  /** `owner/name`, e.g. `Xenova/opus-mt-ar-en`. */
  repo: string;
  /** A branch (`main`), tag or commit SHA. */
  revision: string;
  files: HubFile[];
  /** The final folder; it must not exist yet. */
  destination: string;
  /** Where files arrive, kept between attempts for resuming; renamed to `destination` at the end, so on the same file system. */
  stagingDir: string;
  /** Written as targum-model.json into the folder before it is moved into place. */
  manifest?: object;
  signal?: AbortSignal;
  /** Called at the start and end of every file, and at most every `progressIntervalMs` in between. */
  onProgress?: (progress: DownloadProgress) => void;
  /** Injectable for tests. */
  fetch?: typeof fetch;
  /** Injectable for tests: free space of the folder that will hold `destination`. */
  statfs?: (folder: string) => Promise<DiskSpace>;
  /** How many times a connection cut mid-file is resumed by itself (default 2). */
  retries?: number;
  /** Pause before such a resume, times the attempt number (default 1000 ms). */
  retryDelayMs?: number;
  /** A download that receives nothing for this long counts as cut (default 60 s). */
  idleTimeoutMs?: number;
  /** Default 250 ms. */
  progressIntervalMs?: number;
}

export type ModelDownloadErrorCode =
  | 'invalid'
  | 'exists'
  | 'offline'
  | 'unauthorized'
  | 'not-found'
  | 'http'
  | 'network'
  | 'integrity'
  | 'disk-space'
  | 'cancelled'
  | 'install';

/** A download that failed, with a message meant for the user. `file` names the file concerned, if one is. */
export class ModelDownloadError extends Error {
  constructor(
    readonly code: ModelDownloadErrorCode,
    message: string,
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ModelDownloadError';
  }
}

/** Remembers, between attempts, which remote content the partial files belong to. */
const stateFileName = '.targum-download.json';
const partialSuffix = '.partial';

/** The URL of a file: `${hubUrl}/${repo}/resolve/${revision}/${path}`. */
export function hubFileUrl(hubUrl: string, repo: string, revision: string, file: string): string {
  const base = hubUrl.replace(/\/+$/, '');
  return `${base}/${repo}/resolve/${encodeURIComponent(revision)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

/** What the hub says of a file before it is fetched. */
interface RemoteFile {
  path: string;
  url: string;
  size: number | undefined;
  sha256: string | undefined;
}

interface DownloadState {
  repo: string;
  revision: string;
  files: Record<string, { size?: number; sha256?: string }>;
}

const sha256Pattern = /^[0-9a-f]{64}$/;
const repoPattern = /^[A-Za-z0-9][\w.-]*(\/[A-Za-z0-9][\w.-]*)?$/;

export async function downloadModel(request: DownloadRequest): Promise<void> {
  const download = new Download(request);
  await download.run();
}

class Download {
  private readonly fetch: typeof fetch;
  private readonly hubUrl: string;
  private readonly retries: number;
  private readonly retryDelayMs: number;
  private readonly idleTimeoutMs: number;
  private readonly progressIntervalMs: number;
  /** Bytes counted per file for the progress total: the known size, or what has arrived. */
  private readonly totals = new Map<string, number>();
  private readonly dones = new Map<string, number>();
  private lastProgressAt = 0;

  constructor(private readonly request: DownloadRequest) {
    this.fetch = request.fetch ?? globalThis.fetch;
    this.hubUrl = request.hubUrl.replace(/\/+$/, '');
    this.retries = request.retries ?? 2;
    this.retryDelayMs = request.retryDelayMs ?? 1000;
    this.idleTimeoutMs = request.idleTimeoutMs ?? 60_000;
    this.progressIntervalMs = request.progressIntervalMs ?? 250;
  }

  async run(): Promise<void> {
    const { request } = this;
    this.validate();
    this.checkCancelled();
    if (await exists(request.destination)) {
      throw new ModelDownloadError('exists', `${request.destination} already exists: remove it before downloading ${request.repo} again`);
    }

    const remote: RemoteFile[] = [];
    for (const file of request.files) remote.push(await this.describe(file));

    await mkdir(request.stagingDir, { recursive: true });
    await this.reconcileStaging(remote);
    await this.checkDiskSpace(remote);

    for (const file of remote) {
      this.totals.set(file.path, file.size ?? 0);
      this.dones.set(file.path, 0);
    }
    for (const file of remote) await this.downloadFile(file);

    this.checkCancelled();
    if (request.manifest !== undefined) {
      await writeFileAtomic(path.join(request.stagingDir, manifestFileName), `${JSON.stringify(request.manifest, null, 2)}\n`);
    }
    await this.pruneStaging(remote);
    await this.install();
  }

  private validate(): void {
    const { request } = this;
    if (!/^https?:\/\/[^/]/.test(this.hubUrl)) throw new ModelDownloadError('invalid', `"${request.hubUrl}" is not a hub address (http:// or https://)`);
    if (!repoPattern.test(request.repo)) throw new ModelDownloadError('invalid', `"${request.repo}" is not a repository name (owner/name)`);
    if (!request.revision || /\s/.test(request.revision)) throw new ModelDownloadError('invalid', `"${request.revision}" is not a revision`);
    if (request.files.length === 0) throw new ModelDownloadError('invalid', `no files to download from ${request.repo}`);
    const seen = new Set<string>();
    for (const file of request.files) {
      const parts = file.path.split('/');
      const usable =
        file.path.length > 0 &&
        !file.path.includes('\\') &&
        parts.every((part) => part !== '' && part !== '.' && part !== '..') &&
        !file.path.endsWith(partialSuffix) &&
        file.path !== manifestFileName &&
        file.path !== stateFileName;
      if (!usable) throw new ModelDownloadError('invalid', `"${file.path}" is not a usable file path inside ${request.repo}`, file.path);
      if (seen.has(file.path)) throw new ModelDownloadError('invalid', `${file.path} is listed twice`, file.path);
      if (file.sha256 !== undefined && !sha256Pattern.test(file.sha256)) throw new ModelDownloadError('invalid', `the SHA-256 given for ${file.path} is not 64 hex digits`, file.path);
      seen.add(file.path);
    }
    if (path.resolve(request.stagingDir) === path.resolve(request.destination)) {
      throw new ModelDownloadError('invalid', 'the staging folder and the destination must differ');
    }
  }

  private checkCancelled(): void {
    if (this.request.signal?.aborted) throw this.cancelled();
  }

  private cancelled(): ModelDownloadError {
    return new ModelDownloadError(
      'cancelled',
      `Download of ${this.request.repo} cancelled; what has arrived is kept, and downloading it again resumes from there`,
    );
  }

  private offline(error: unknown): ModelDownloadError {
    const detail = errorDetail(error);
    return new ModelDownloadError('offline', `Cannot reach ${this.hubUrl}: check the connection or the hub address in Settings${detail ? ` (${detail})` : ''}`, undefined, {
      cause: error,
    });
  }

  /** HEAD without following the CDN redirect: the X-Linked-* headers are on the hub's own answer. */
  private async describe(file: HubFile): Promise<RemoteFile> {
    const url = hubFileUrl(this.hubUrl, this.request.repo, this.request.revision, file.path);
    let current = url;
    for (let hop = 0; hop < 5; hop++) {
      let response: Response;
      try {
        response = await this.fetch(current, { method: 'HEAD', redirect: 'manual', headers: requestHeaders(), signal: this.request.signal });
      } catch (error) {
        if (this.request.signal?.aborted) throw this.cancelled();
        throw this.offline(error);
      }
      const headers = response.headers;
      const linkedSize = parseSize(headers.get('x-linked-size'));
      const linkedEtag = parseEtag(headers.get('x-linked-etag'));
      const etag = parseEtag(headers.get('etag'));
      const redirected = response.status >= 300 && response.status < 400;
      if (redirected && linkedSize === undefined && linkedEtag === undefined) {
        // A redirect of the hub's own (a renamed repository): follow it, still without reaching the CDN.
        const location = headers.get('location');
        if (!location) throw new ModelDownloadError('http', `${this.hubUrl} answered HTTP ${response.status} without a Location for ${file.path}`, file.path);
        current = new URL(location, current).href;
        continue;
      }
      if (!redirected && !response.ok) throw this.httpError(response, file.path);
      // For LFS files the ETag of the redirect is the content's SHA-256 too; a small file's is a git SHA-1.
      const hubSha = linkedEtag && sha256Pattern.test(linkedEtag) ? linkedEtag : redirected && etag && sha256Pattern.test(etag) ? etag : undefined;
      const size = linkedSize ?? (redirected ? undefined : parseSize(headers.get('content-length'))) ?? file.size;
      if (file.sha256 && hubSha && file.sha256 !== hubSha) {
        throw new ModelDownloadError(
          'integrity',
          `${file.path} of ${this.request.repo} at ${this.request.revision} is not the file Targum expects (SHA-256 ${short(hubSha)} instead of ${short(file.sha256)})`,
          file.path,
        );
      }
      return { path: file.path, url, size, sha256: file.sha256 ?? hubSha };
    }
    throw new ModelDownloadError('http', `${this.hubUrl} redirected too many times for ${file.path} of ${this.request.repo}`, file.path);
  }

  private httpError(response: Response, file: string): ModelDownloadError {
    const { repo, revision } = this.request;
    const errorCode = response.headers.get('x-error-code');
    const status = response.status;
    if (errorCode === 'GatedRepo') {
      return new ModelDownloadError('unauthorized', `${repo} is a gated model on ${this.hubUrl} (HTTP ${status}): it needs a signed-in account, which Targum does not use`, file);
    }
    if (errorCode === 'RepoNotFound') {
      return new ModelDownloadError('not-found', `The repository ${repo} was not found on ${this.hubUrl}, or it is private (HTTP ${status})`, file);
    }
    if (errorCode === 'RevisionNotFound') {
      return new ModelDownloadError('not-found', `Revision ${revision} of ${repo} was not found on ${this.hubUrl} (HTTP ${status})`, file);
    }
    if (status === 401 || status === 403) {
      return new ModelDownloadError(
        'unauthorized',
        `${this.hubUrl} refused access to ${repo} (HTTP ${status}): the model is gated or private, or the repository does not exist`,
        file,
      );
    }
    if (status === 404 || errorCode === 'EntryNotFound') {
      return new ModelDownloadError('not-found', `${file} was not found in ${repo} at revision ${revision} on ${this.hubUrl} (HTTP ${status})`, file);
    }
    if (status === 429) return new ModelDownloadError('http', `${this.hubUrl} is limiting downloads (HTTP 429): try again later`, file);
    return new ModelDownloadError('http', `${this.hubUrl} answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} for ${file} of ${repo}`, file);
  }

  /**
   * Drops what an earlier attempt left that belongs to other content: everything when the repository or
   * revision changed, a file whose hub SHA-256 or size changed since.
   */
  private async reconcileStaging(remote: RemoteFile[]): Promise<void> {
    const { request } = this;
    const stateFile = path.join(request.stagingDir, stateFileName);
    const previous = await readFile(stateFile, 'utf8').then(
      (text) => JSON.parse(text) as DownloadState,
      () => undefined,
    );
    const sameSource = previous?.repo === request.repo && previous.revision === request.revision;
    for (const file of remote) {
      const before = sameSource ? previous.files?.[file.path] : undefined;
      const unchanged = before !== undefined && before.sha256 === file.sha256 && before.size === file.size;
      if (!unchanged) await this.discard(file.path, true);
    }
    const state: DownloadState = {
      repo: request.repo,
      revision: request.revision,
      files: Object.fromEntries(remote.map((file) => [file.path, { size: file.size, sha256: file.sha256 }])),
    };
    await writeFileAtomic(stateFile, `${JSON.stringify(state)}\n`);
  }

  private async discard(file: string, finished: boolean): Promise<void> {
    const target = path.join(this.request.stagingDir, file);
    await rm(`${target}${partialSuffix}`, { force: true });
    if (finished) await rm(target, { force: true });
  }

  private async checkDiskSpace(remote: RemoteFile[]): Promise<void> {
    let needed = 0;
    for (const file of remote) {
      if (file.size === undefined) continue;
      const target = path.join(this.request.stagingDir, file.path);
      const have = (await fileSize(target)) ?? (await fileSize(`${target}${partialSuffix}`)) ?? 0;
      needed += Math.max(0, file.size - have);
    }
    if (needed === 0) return;
    const folder = await existingAncestor(path.dirname(path.resolve(this.request.destination)));
    // A file system that cannot tell its free space is not a reason to refuse.
    const info = await (this.request.statfs ?? statfs)(folder).catch(() => undefined);
    if (!info) return;
    const free = Number(info.bavail) * Number(info.bsize);
    if (needed > free) {
      throw new ModelDownloadError(
        'disk-space',
        `Not enough disk space for ${this.request.repo}: it needs ${formatBytes(needed)} more in ${folder}, and ${formatBytes(free)} is free`,
      );
    }
  }

  private async downloadFile(file: RemoteFile): Promise<void> {
    const target = path.join(this.request.stagingDir, file.path);
    const partial = `${target}${partialSuffix}`;
    await mkdir(path.dirname(target), { recursive: true });

    // Finished by an earlier attempt: keep it if it still checks out.
    const finishedSize = await fileSize(target);
    if (finishedSize !== undefined) {
      if (await this.matches(target, finishedSize, file)) {
        this.setDone(file, finishedSize);
        this.report(file, true);
        return;
      }
      await rm(target, { force: true });
    }

    // Without a hash a resumed file could not be checked whole, so only hashed files resume.
    if (!file.sha256) await rm(partial, { force: true });
    let attempt = 0;
    for (;;) {
      this.checkCancelled();
      let offset = (await fileSize(partial)) ?? 0;
      if (file.size !== undefined && offset > file.size) {
        await rm(partial, { force: true });
        offset = 0;
      }
      this.setDone(file, offset);
      this.report(file, true);
      if (file.size !== undefined && offset === file.size && offset > 0) break;
      try {
        await this.fetchInto(file, partial, offset);
        const size = (await fileSize(partial)) ?? 0;
        if (file.size === undefined || size >= file.size) break;
        throw new ModelDownloadError('network', `the connection closed after ${formatBytes(size)} of ${formatBytes(file.size)}`, file.path);
      } catch (error) {
        if (!(error instanceof ModelDownloadError) || error.code !== 'network') throw error;
        if (!file.sha256) await rm(partial, { force: true });
        if (attempt >= this.retries) {
          const have = (await fileSize(partial)) ?? 0;
          const next = have > 0 ? `download again to resume from ${formatBytes(have)}` : 'download again to retry';
          throw new ModelDownloadError('network', `Downloading ${file.path} from ${this.hubUrl} was interrupted (${error.message}); ${next}`, file.path, {
            cause: error,
          });
        }
        attempt += 1;
        await delay(this.retryDelayMs * attempt, this.request.signal).catch(() => {
          throw this.cancelled();
        });
      }
    }

    const size = (await fileSize(partial)) ?? 0;
    if (!(await this.matches(partial, size, file))) {
      await rm(partial, { force: true });
      const what =
        file.size !== undefined && size !== file.size
          ? `${formatBytes(size)} instead of ${formatBytes(file.size)}`
          : `its SHA-256 is not ${short(file.sha256 ?? '')}`;
      throw new ModelDownloadError(
        'integrity',
        `${file.path} from ${this.request.repo} arrived damaged (${what}); it was deleted, download again to fetch it anew`,
        file.path,
      );
    }
    await rename(partial, target);
    this.setDone(file, size);
    this.report(file, true);
  }

  private async matches(file: string, size: number, remote: RemoteFile): Promise<boolean> {
    if (remote.size !== undefined && size !== remote.size) return false;
    if (remote.sha256 && (await sha256File(file)) !== remote.sha256) return false;
    return true;
  }

  /** One GET of the rest of a file, appended to its partial file. Throws 'network' for a cut connection. */
  private async fetchInto(file: RemoteFile, partial: string, offset: number): Promise<void> {
    const idle = new AbortController();
    const signal = this.request.signal ? AbortSignal.any([this.request.signal, idle.signal]) : idle.signal;
    let idled = false;
    let timer: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        idled = true;
        idle.abort();
      }, this.idleTimeoutMs);
    };
    const failure = (error: unknown, connecting: boolean): ModelDownloadError => {
      if (error instanceof ModelDownloadError) return error;
      if (this.request.signal?.aborted) return this.cancelled();
      if (idled) return new ModelDownloadError('network', `nothing arrived for ${Math.round(this.idleTimeoutMs / 1000)} s`, file.path);
      if (connecting) return this.offline(error);
      return new ModelDownloadError('network', errorDetail(error) || 'connection lost', file.path, { cause: error });
    };

    arm();
    try {
      let response: Response;
      try {
        const headers = requestHeaders();
        if (offset > 0) headers.Range = `bytes=${offset}-`;
        response = await this.fetch(file.url, { headers, redirect: 'follow', signal });
      } catch (error) {
        throw failure(error, true);
      }

      let append = false;
      if (response.status === 206) {
        const start = /^bytes (\d+)-/.exec(response.headers.get('content-range') ?? '')?.[1];
        if (start !== undefined && Number(start) === offset) append = true;
        else {
          await response.body?.cancel().catch(() => undefined);
          await rm(partial, { force: true });
          throw new ModelDownloadError('network', 'the server resumed at the wrong place', file.path);
        }
      } else if (response.status === 416 && offset > 0) {
        await response.body?.cancel().catch(() => undefined);
        if (file.size !== undefined && offset === file.size) return;
        await rm(partial, { force: true });
        throw new ModelDownloadError('network', 'the server could not resume the file', file.path);
      } else if (response.status >= 500) {
        // A passing fault of the hub or its CDN: worth resuming like a cut connection.
        await response.body?.cancel().catch(() => undefined);
        throw new ModelDownloadError('network', `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`, file.path);
      } else if (!response.ok) {
        await response.body?.cancel().catch(() => undefined);
        throw this.httpError(response, file.path);
      }

      let done = append ? offset : 0;
      this.setDone(file, done);
      const handle = await open(partial, append ? 'a' : 'w');
      try {
        if (response.body) {
          const body = Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>);
          try {
            for await (const chunk of body as AsyncIterable<Uint8Array>) {
              arm();
              await handle.write(chunk);
              done += chunk.byteLength;
              this.setDone(file, done);
              this.report(file, false);
            }
          } catch (error) {
            throw failure(error, false);
          }
        }
      } finally {
        await handle.close();
      }
    } finally {
      clearTimeout(timer);
    }
  }

  private setDone(file: RemoteFile, done: number): void {
    this.dones.set(file.path, done);
    if (file.size === undefined) this.totals.set(file.path, done);
  }

  private report(file: RemoteFile, force: boolean): void {
    const { onProgress } = this.request;
    if (!onProgress) return;
    const now = Date.now();
    if (!force && now - this.lastProgressAt < this.progressIntervalMs) return;
    this.lastProgressAt = now;
    let done = 0;
    let total = 0;
    for (const value of this.dones.values()) done += value;
    for (const value of this.totals.values()) total += value;
    const fileDone = this.dones.get(file.path) ?? 0;
    onProgress({ file: file.path, fileDone, fileTotal: file.size ?? fileDone, done, total });
  }

  /** Removes from the staging folder whatever is not part of the model: the state file, stray partial files. */
  private async pruneStaging(remote: RemoteFile[]): Promise<void> {
    const keep = new Set([...remote.map((file) => path.join(this.request.stagingDir, file.path)), path.join(this.request.stagingDir, manifestFileName)]);
    for (const entry of await readdir(this.request.stagingDir, { withFileTypes: true, recursive: true })) {
      if (entry.isDirectory()) continue;
      const file = path.join(entry.parentPath, entry.name);
      if (!keep.has(file)) await rm(file, { force: true });
    }
  }

  private async install(): Promise<void> {
    const { stagingDir, destination, repo } = this.request;
    if (await exists(destination)) throw new ModelDownloadError('exists', `${destination} appeared during the download of ${repo}; the download is kept in ${stagingDir}`);
    await mkdir(path.dirname(destination), { recursive: true });
    try {
      await rename(stagingDir, destination);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EXDEV' ? 'they are on different file systems' : errorDetail(error);
      throw new ModelDownloadError('install', `Cannot move ${stagingDir} to ${destination}: ${why}`, undefined, { cause: error });
    }
  }
}

function requestHeaders(): Record<string, string> {
  // Identity, so that Content-Length and the bytes on disk are the file's own.
  return { 'Accept-Encoding': 'identity', 'User-Agent': 'Targum' };
}

/** `W/"abc"` or `"abc"` → `abc`. */
function parseEtag(value: string | null): string | undefined {
  if (!value) return undefined;
  const tag = value
    .trim()
    .replace(/^W\//i, '')
    .replace(/^"(.*)"$/, '$1')
    .toLowerCase();
  return tag || undefined;
}

function parseSize(value: string | null): number | undefined {
  if (value === null || !/^\d+$/.test(value.trim())) return undefined;
  return Number(value.trim());
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}

/** The most useful words of a fetch failure: undici puts the system error (ECONNREFUSED …) in `cause`. */
function errorDetail(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as NodeJS.ErrnoException).code;
    const text = code && !current.message.includes(code) ? `${code}: ${current.message}` : current.message;
    if (text && !parts.includes(text) && text !== 'fetch failed') parts.push(text);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join('; ');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function fileSize(file: string): Promise<number | undefined> {
  return stat(file).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
}

async function existingAncestor(folder: string): Promise<string> {
  let current = folder;
  while (!(await exists(current))) {
    const parent = path.dirname(current);
    if (parent === current) break;
    current = parent;
  }
  return current;
}

export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function delay(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
