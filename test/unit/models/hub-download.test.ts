/**
 * The downloader against a local imitation of a Hugging Face hub (test/support/fake-hub.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadModel } from '../../../src/node/models/hub-download/download-model';
import { ModelDownloadError } from '../../../src/node/models/hub-download/errors';
import { hubFileUrl } from '../../../src/node/models/hub-download/hub-files';
import { FakeHub } from '../../support/fake-hub';
import type { DownloadProgress, DownloadRequest } from '../../../src/node/models/hub-download/request';

const fixtureModel = path.resolve(import.meta.dirname, '../../fixtures/models/targum-tiny-mul-en');


/**
 * The files to serve: the tiny test model when it is there (its ONNX files as LFS files), otherwise
 * random bytes in the same layout.
 */
async function modelFiles(): Promise<{ files: Map<string, Buffer>; large: Set<string>; source: string }> {
  const files = new Map<string, Buffer>();
  if (existsSync(path.join(fixtureModel, 'config.json')) && existsSync(path.join(fixtureModel, 'onnx'))) {
    for (const entry of await readdir(fixtureModel, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile() || entry.name === 'targum-model.json') continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(fixtureModel, full).split(path.sep).join('/'), await readFile(full));
    }
  }
  if (![...files.keys()].some((file) => file.endsWith('.onnx'))) {
    files.clear();
    files.set('config.json', Buffer.from(JSON.stringify({ model_type: 'marian', is_encoder_decoder: true })));
    files.set('tokenizer.json', randomBytes(40_000));
    files.set('tokenizer_config.json', Buffer.from('{"tokenizer_class":"MarianTokenizer"}'));
    files.set('onnx/encoder_model_quantized.onnx', randomBytes(300_000));
    files.set('onnx/decoder_model_merged_quantized.onnx', randomBytes(500_000));
    return { files, large: new Set([...files.keys()].filter((file) => file.endsWith('.onnx'))), source: 'random bytes' };
  }
  return { files, large: new Set([...files.keys()].filter((file) => file.endsWith('.onnx'))), source: fixtureModel };
}

async function temporaryFolder(): Promise<{ folder: string; remove: () => Promise<void> }> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'targum-hub-'));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

const repo = 'Xenova/opus-mt-tiny-en';
const revision = 'main';
const manifest = { id: 'tiny', from: ['he', 'ar'], to: ['en'], family: 'marian', source: 'installed', hubId: repo, revision };

let hub: FakeHub;
let served: Awaited<ReturnType<typeof modelFiles>>;
let temporary: Awaited<ReturnType<typeof temporaryFolder>>;
/** The ONNX files, smallest first: the last one is the file the faults hit. */
let onnx: string[];
let target: string;

beforeEach(async () => {
  served = await modelFiles();
  hub = new FakeHub({ repo, revision, files: served.files, large: served.large });
  await hub.start();
  temporary = await temporaryFolder();
  onnx = [...served.large].sort((a, b) => served.files.get(a)!.length - served.files.get(b)!.length);
  target = onnx.at(-1)!;
});

afterEach(async () => {
  await hub.stop();
  await temporary.remove();
});

function request(overrides: Partial<DownloadRequest> = {}): DownloadRequest {
  const small = [...served.files.keys()].filter((file) => !served.large.has(file)).sort();
  return {
    hubUrl: hub.url,
    repo,
    revision,
    files: [...small, ...onnx].map((file) => ({ path: file })),
    destination: path.join(temporary.folder, 'models', 'tiny'),
    stagingDir: path.join(temporary.folder, 'models', '.partial', 'tiny'),
    manifest,
    retryDelayMs: 0,
    ...overrides,
  };
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

async function failure(promise: Promise<unknown>): Promise<ModelDownloadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelDownloadError);
    return error as ModelDownloadError;
  }
  throw new Error('the download succeeded');
}

async function expectInstalled(destination: string): Promise<void> {
  for (const [file, data] of served.files) expect((await readFile(path.join(destination, file))).equals(data), file).toBe(true);
  expect(JSON.parse(await readFile(path.join(destination, 'targum-model.json'), 'utf8'))).toEqual(manifest);
  const names = (await readdir(destination, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  expect(names.filter((name) => name.endsWith('.partial') || name.startsWith('.targum'))).toEqual([]);
}

describe('downloadModel', () => {
  it(`downloads, verifies and installs every file with its manifest, reporting progress`, async () => {
    const events: DownloadProgress[] = [];
    const job = request({ onProgress: (progress) => events.push(progress) });
    await downloadModel(job);

    await expectInstalled(job.destination);
    expect(await exists(job.stagingDir)).toBe(false);
    // The LFS metadata comes from the hub's redirect: HEAD never reaches the CDN.
    expect(hub.seen.filter((seen) => seen.method === 'HEAD' && seen.url.startsWith('/cdn/'))).toEqual([]);
    expect(hub.seen.filter((seen) => seen.method === 'GET' && seen.url.startsWith('/cdn/')).length).toBe(onnx.length);

    const total = [...served.files.values()].reduce((sum, data) => sum + data.length, 0);
    expect(events.every((event) => event.total === total)).toBe(true);
    for (let index = 1; index < events.length; index++) expect(events[index]!.done).toBeGreaterThanOrEqual(events[index - 1]!.done);
    for (const [file, data] of served.files) {
      const own = events.filter((event) => event.file === file);
      expect(own[0]?.fileDone, file).toBe(0);
      expect(own.at(-1), file).toMatchObject({ fileDone: data.length, fileTotal: data.length });
    }
    expect(events.at(-1)).toMatchObject({ done: total, total });
  });

  it('resumes a file cut mid-way with a Range request on the next attempt', async () => {
    const size = served.files.get(target)!.length;
    const cut = Math.floor(size / 3);
    hub.faults.set(target, { cutAfter: cut });
    const job = request({ retries: 0 });

    const error = await failure(downloadModel(job));
    expect(error.code).toBe('network');
    expect(error.file).toBe(target);
    expect(error.message).toContain(target);
    expect(await exists(job.destination)).toBe(false);
    // What arrived before the cut stays as the partial file (all of it, unless the stream dropped a last chunk).
    const kept = (await stat(path.join(job.stagingDir, `${target}.partial`))).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThanOrEqual(cut);

    await downloadModel(job);
    const gets = hub.gets(target);
    expect(gets.map((seen) => seen.range)).toEqual([undefined, `bytes=${kept}-`]);
    await expectInstalled(job.destination);
  });

  it('resumes a cut connection by itself within one call', async () => {
    const cut = Math.floor(served.files.get(target)!.length / 2);
    hub.faults.set(target, { cutAfter: cut });
    const job = request();
    await downloadModel(job);
    const ranges = hub.gets(target).map((seen) => seen.range);
    expect(ranges).toHaveLength(2);
    expect(ranges[0]).toBeUndefined();
    const resumedAt = Number(/^bytes=(\d+)-$/.exec(ranges[1] ?? '')?.[1]);
    expect(resumedAt).toBeGreaterThan(0);
    expect(resumedAt).toBeLessThanOrEqual(cut);
    await expectInstalled(job.destination);
  });

  it('tries again after a passing server error', async () => {
    hub.faults.set(target, { failOnce: 503 });
    const job = request();
    await downloadModel(job);
    expect(hub.gets(target)).toHaveLength(2);
    await expectInstalled(job.destination);
  });

  it('starts the file over when the server answers a Range request with the whole file', async () => {
    hub.faults.set(target, { cutAfter: Math.min(1000, Math.floor(served.files.get(target)!.length / 2)) });
    const job = request({ retries: 0 });
    await failure(downloadModel(job));
    const kept = (await stat(path.join(job.stagingDir, `${target}.partial`))).size;
    expect(kept).toBeGreaterThan(0);
    hub.faults.set(target, { ignoreRange: true });
    await downloadModel(job);
    expect(hub.gets(target).at(-1)?.range).toBe(`bytes=${kept}-`);
    await expectInstalled(job.destination);
  });

  it('rejects a damaged file, naming it, deletes it and installs nothing; verified files are kept for the next attempt', async () => {
    hub.faults.set(target, { corrupt: true });
    const job = request();
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('integrity');
    expect(error.file).toBe(target);
    expect(error.message).toContain(target);
    expect(await exists(job.destination)).toBe(false);
    expect(await exists(path.join(job.stagingDir, `${target}.partial`))).toBe(false);
    expect(await exists(path.join(job.stagingDir, target))).toBe(false);

    hub.faults.delete(target);
    const before = hub.seen.length;
    await downloadModel(job);
    const fetched = hub.seen.slice(before).filter((seen) => seen.method === 'GET' && seen.url.startsWith('/cdn/'));
    expect(fetched.map((seen) => decodeURIComponent(seen.url))).toEqual([`/cdn/${target}`]);
    await expectInstalled(job.destination);
  });

  it('reports a missing file with the repository, the revision and the file', async () => {
    const job = request();
    job.files.push({ path: 'onnx/missing_model.onnx' });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('not-found');
    expect(error.message).toContain(repo);
    expect(error.message).toContain(revision);
    expect(error.message).toContain('onnx/missing_model.onnx');
    expect(await exists(job.destination)).toBe(false);
  });

  it('reports gated or private repositories', async () => {
    hub.statusFor.set('config.json', { status: 401 });
    const error = await failure(downloadModel(request()));
    expect(error.code).toBe('unauthorized');
    expect(error.message).toMatch(/gated or private/);
    expect(error.message).toContain(repo);

    hub.statusFor.set('config.json', { status: 401, headers: { 'X-Error-Code': 'RepoNotFound' } });
    const missing = await failure(downloadModel(request()));
    expect(missing.code).toBe('not-found');
    expect(missing.message).toContain(`The repository ${repo} was not found`);
  });

  it('says the hub cannot be reached when nothing listens there', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const hubUrl = `http://127.0.0.1:${port}`;

    const error = await failure(downloadModel(request({ hubUrl })));
    expect(error.code).toBe('offline');
    expect(error.message.startsWith(`Cannot reach ${hubUrl}: check the connection or the hub address in Settings`)).toBe(true);
  });

  it('cancels on the signal, keeping the partial file for the next attempt, which resumes it', async () => {
    hub.faults.set(target, { slowChunk: Math.max(64, Math.floor(served.files.get(target)!.length / 50)) });
    const controller = new AbortController();
    const job = request({
      signal: controller.signal,
      progressIntervalMs: 0,
      onProgress: (progress) => {
        if (progress.file === target && progress.fileDone > 0) controller.abort();
      },
    });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('cancelled');
    expect(await exists(job.destination)).toBe(false);
    const partial = path.join(job.stagingDir, `${target}.partial`);
    const kept = (await stat(partial)).size;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(served.files.get(target)!.length);

    hub.faults.delete(target);
    await downloadModel({ ...job, signal: undefined, onProgress: undefined });
    expect(hub.gets(target).at(-1)?.range).toBe(`bytes=${kept}-`);
    await expectInstalled(job.destination);
  });

  it('refuses to start without the disk space, saying how much is needed and how much is free', async () => {
    const job = request({ statfs: async () => ({ bavail: 1, bsize: 1000 }) });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('disk-space');
    expect(error.message).toMatch(/needs \d+(\.\d)? (kB|MB) more in .*, and 1\.0 kB is free/);
    expect(hub.seen.filter((seen) => seen.method === 'GET')).toEqual([]);
    expect(await exists(job.destination)).toBe(false);
  });

  it('refuses a destination that already exists', async () => {
    const job = request();
    await downloadModel(job);
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('exists');
  });

  it('refuses file paths that leave the model folder', async () => {
    const error = await failure(downloadModel(request({ files: [{ path: '../outside.json' }] })));
    expect(error.code).toBe('invalid');
  });
});

describe('downloadModel does not rest integrity on the hub alone', () => {
  const partials = async (job: DownloadRequest) =>
    (await readdir(job.stagingDir, { recursive: true }).catch(() => [] as string[])).filter((name) => String(name).endsWith('.partial'));

  it('checks a file against the SHA-256 the catalog pins, even when the hub gives none', async () => {
    const small = [...served.files.keys()].find((file) => !served.large.has(file))!;
    const job = request({ files: [{ path: small, sha256: createHash('sha256').update('something else').digest('hex') }] });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(new RegExp(`^${small.replace('.', '\\.')} from ${repo} arrived damaged \\(its SHA-256 is not [0-9a-f]{12}…\\)`));
    expect(await exists(job.destination)).toBe(false);
  });

  it('refuses a file whose announced size is not the one the catalog pins', async () => {
    const error = await failure(downloadModel(request({ files: [{ path: target, size: served.files.get(target)!.length + 1 }] })));
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(/is not the file Targum expects \(http:\/\/127\.0\.0\.1:\d+ announces .* the catalog .*\)$/);
  });

  it('refuses a file over 10 MB with no hash from the catalog or the hub, unless unverified downloads are allowed', async () => {
    const big = 'onnx/big_model.onnx';
    served.files.set(big, randomBytes(10 * 1024 * 1024 + 1));
    served.large.add(big);
    hub.withholds.hashes = true;
    const job = request({ files: [{ path: big }] });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(/^onnx\/big_model\.onnx of Xenova\/opus-mt-tiny-en \(10\.5 MB\) comes from http:\/\/127\.0\.0\.1:\d+ with no SHA-256 to check it against, so it was not installed; if you trust this hub, allow unverified downloads from it in Settings$/);
    expect(hub.gets(big)).toEqual([]);
    await downloadModel({ ...job, allowUnverified: true });
    expect((await readFile(path.join(job.destination, big))).equals(served.files.get(big)!)).toBe(true);
    // The model says so, for the Models screen.
    expect(JSON.parse(await readFile(path.join(job.destination, 'targum-model.json'), 'utf8'))).toEqual({ ...manifest, unverified: true });
  });

  it('refuses model weights of unknown size before fetching a byte', async () => {
    hub.withholds.sizes = true;
    const error = await failure(downloadModel(request({ files: [{ path: target }] })));
    expect(error.message).toMatch(/does not say how large onnx\/.*\.onnx of Xenova\/opus-mt-tiny-en is, and Targum does not download model weights of unknown size$/);
    expect(hub.gets(target)).toEqual([]);
  });

  it('stops at the first byte past the size and deletes the partial file', async () => {
    hub.faults.set(target, { extraBytes: 5 * 1024 * 1024 });
    const job = request({ files: [{ path: target }] });
    const error = await failure(downloadModel(job));
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(/ runs past .*, the size it should have; the download was stopped and the partial file deleted$/);
    expect(await partials(job)).toEqual([]);
    expect(await exists(job.destination)).toBe(false);
  });

  it("refuses a model whose files add up to far more than the catalog's size for it", async () => {
    const error = await failure(downloadModel(request({ totalBytes: 1000 })));
    expect(error.code).toBe('integrity');
    expect(error.message).toMatch(/far more than the 1\.0 kB Targum's catalog gives it; nothing was downloaded$/);
    expect(hub.seen.filter((seen) => seen.method === 'GET')).toEqual([]);
  });

  it("counts the catalog's size for the disk-space check when the hub gives none", async () => {
    hub.withholds.sizes = true;
    const small = [...served.files.keys()].filter((file) => !served.large.has(file));
    const error = await failure(downloadModel(request({ files: small.map((file) => ({ path: file })), totalBytes: 500 * 1024 * 1024, statfs: async () => ({ bavail: 100, bsize: 1024 * 1024 }) })));
    expect(error.code).toBe('disk-space');
    expect(error.message).toMatch(/needs 5\d\d(\.\d)? MB more in .*, and 10\d(\.\d)? MB is free/);
  });

  it('takes an https hub, or plain http only on this machine', async () => {
    const error = await failure(downloadModel(request({ hubUrl: 'http://mirror.example' })));
    expect(error.code).toBe('invalid');
    expect(error.message).toBe('The hub address http://mirror.example is not https: models are downloaded only over https (or from a mirror on this machine)');
    await downloadModel(request({ hubUrl: hub.url.replace('127.0.0.1', 'localhost') }));
  });
});

describe('hubFileUrl', () => {
  it('builds resolve URLs on the hub or a mirror', () => {
    expect(hubFileUrl('https://hf-mirror.com/', 'Xenova/opus-mt-ar-en', 'main', 'onnx/encoder_model_quantized.onnx')).toBe(
      'https://hf-mirror.com/Xenova/opus-mt-ar-en/resolve/main/onnx/encoder_model_quantized.onnx',
    );
    expect(hubFileUrl('https://huggingface.co', 'a/b', 'refs/pr/1', 'x y.json')).toBe('https://huggingface.co/a/b/resolve/refs%2Fpr%2F1/x%20y.json');
  });
});
