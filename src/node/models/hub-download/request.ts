/** A file of the repository, by its path inside it (`onnx/encoder_model_quantized.onnx`). */
export interface HubFile {
  path: string;
  /** Pinned size in bytes (from the catalog): the hub must announce the same, and no more is ever written. */
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
  /** The catalog's size of the whole model (approximate, from the hub's listing): no download writes far past it. */
  totalBytes?: number;
  /** Install files over 10 MB that neither the catalog nor the hub gives a SHA-256 for (a mirror that sends no hashes). */
  allowUnverified?: boolean;
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

/** A request with its defaults filled in, as the steps of a download read it. */
export interface DownloadJob {
  request: DownloadRequest;
  fetch: typeof fetch;
  /** Without a trailing slash. */
  hubUrl: string;
  retries: number;
  retryDelayMs: number;
  idleTimeoutMs: number;
  progressIntervalMs: number;
}

export function downloadJob(request: DownloadRequest): DownloadJob {
  return {
    request,
    fetch: request.fetch ?? globalThis.fetch,
    hubUrl: request.hubUrl.replace(/\/+$/, ''),
    retries: request.retries ?? 2,
    retryDelayMs: request.retryDelayMs ?? 1000,
    idleTimeoutMs: request.idleTimeoutMs ?? 60_000,
    progressIntervalMs: request.progressIntervalMs ?? 250,
  };
}

/** What the hub says of a file before it is fetched. */
export interface RemoteFile {
  path: string;
  url: string;
  size: number | undefined;
  sha256: string | undefined;
  /** Bytes never to be written past: the file's size when known, else what is left of the model's budget. */
  limit: number;
}

/** Over this, a file must have a SHA-256 to be checked against (or the hub be allowed to send unverified files). */
export const unverifiedLimitBytes = 10 * 1024 * 1024;
/** The catalog's sizes come from a listing and are approximate: this much room over them is allowed. */
export const catalogSizeMargin = 1.1;

/** Model weights, which onnxruntime's native parser loads: never taken without a known size. */
export function isWeightsFile(file: string): boolean {
  return /\.(onnx|onnx_data|ort|bin|safetensors|pt|pth|h5|msgpack)$/i.test(file);
}

export const sha256Pattern = /^[0-9a-f]{64}$/;
