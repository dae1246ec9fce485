/**
 * What the hub answers about a file: its URL, and a HEAD without following redirects. The hub answers
 * 200 for small files (Content-Length, a git SHA-1 ETag) and 302 to its CDN for large (LFS) files, with
 * X-Linked-Size and X-Linked-Etag (the SHA-256 of the content) on that first answer.
 */
import { formatBytes } from '../../../common/format-bytes';
import { cancelledError, ModelDownloadError, offlineError, short } from './errors';
import { isWeightsFile, sha256Pattern, unverifiedLimitBytes, type DownloadJob, type HubFile, type RemoteFile } from './request';

/** The URL of a file: `${hubUrl}/${repo}/resolve/${revision}/${path}`. */
export function hubFileUrl(hubUrl: string, repo: string, revision: string, file: string): string {
  const base = hubUrl.replace(/\/+$/, '');
  return `${base}/${repo}/resolve/${encodeURIComponent(revision)}/${file.split('/').map(encodeURIComponent).join('/')}`;
}

export function requestHeaders(): Record<string, string> {
  // Identity, so that Content-Length and the bytes on disk are the file's own.
  return { 'Accept-Encoding': 'identity', 'User-Agent': 'Targum' };
}

/** HEAD without following the CDN redirect: the X-Linked-* headers are on the hub's own answer. */
export async function describeFile(job: DownloadJob, file: HubFile): Promise<Omit<RemoteFile, 'limit'>> {
  const { request, hubUrl } = job;
  const url = hubFileUrl(hubUrl, request.repo, request.revision, file.path);
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    let response: Response;
    try {
      response = await job.fetch(current, { method: 'HEAD', redirect: 'manual', headers: requestHeaders(), signal: request.signal });
    } catch (error) {
      if (request.signal?.aborted) throw cancelledError(job);
      throw offlineError(job, error);
    }
    const headers = response.headers;
    const linkedSize = parseSize(headers.get('x-linked-size'));
    const linkedEtag = parseEtag(headers.get('x-linked-etag'));
    const etag = parseEtag(headers.get('etag'));
    const redirected = response.status >= 300 && response.status < 400;
    if (redirected && linkedSize === undefined && linkedEtag === undefined) {
      // A redirect of the hub's own (a renamed repository): follow it, still without reaching the CDN.
      const location = headers.get('location');
      if (!location) throw new ModelDownloadError('http', `${hubUrl} answered HTTP ${response.status} without a Location for ${file.path}`, file.path);
      current = new URL(location, current).href;
      continue;
    }
    if (!redirected && !response.ok) throw hubHttpError(job, response, file.path);
    // For LFS files the ETag of the redirect is the content's SHA-256 too; a small file's is a git SHA-1.
    const hubSha = linkedEtag && sha256Pattern.test(linkedEtag) ? linkedEtag : redirected && etag && sha256Pattern.test(etag) ? etag : undefined;
    const announced = linkedSize ?? (redirected ? undefined : parseSize(headers.get('content-length')));
    if (file.size !== undefined && announced !== undefined && announced !== file.size) {
      throw new ModelDownloadError(
        'integrity',
        `${file.path} of ${request.repo} at ${request.revision} is not the file Targum expects (${hubUrl} announces ${formatBytes(announced)}, the catalog ${formatBytes(file.size)})`,
        file.path,
      );
    }
    const size = file.size ?? announced;
    if (size === undefined && isWeightsFile(file.path)) {
      throw new ModelDownloadError('integrity', `${hubUrl} does not say how large ${file.path} of ${request.repo} is, and Targum does not download model weights of unknown size`, file.path);
    }
    const sha256 = file.sha256 ?? hubSha;
    if (sha256 === undefined && size !== undefined && size > unverifiedLimitBytes && !request.allowUnverified) {
      throw unverifiedError(job, file.path, size);
    }
    if (file.sha256 && hubSha && file.sha256 !== hubSha) {
      throw new ModelDownloadError(
        'integrity',
        `${file.path} of ${request.repo} at ${request.revision} is not the file Targum expects (SHA-256 ${short(hubSha)} instead of ${short(file.sha256)})`,
        file.path,
      );
    }
    return { path: file.path, url, size, sha256 };
  }
  throw new ModelDownloadError('http', `${hubUrl} redirected too many times for ${file.path} of ${request.repo}`, file.path);
}

/** A large file that nothing can check: refused unless the user allowed unverified downloads from this hub. */
export function unverifiedError(job: DownloadJob, file: string, size: number | undefined): ModelDownloadError {
  return new ModelDownloadError(
    'integrity',
    `${file} of ${job.request.repo} (${size === undefined ? 'over 10 MB' : formatBytes(size)}) comes from ${job.hubUrl} with no SHA-256 to check it against, so it was not installed; if you trust this hub, allow unverified downloads from it in Settings`,
    file,
  );
}

/** The user's words for a refusal of the hub, from its status and its X-Error-Code. */
export function hubHttpError(job: DownloadJob, response: Response, file: string): ModelDownloadError {
  const { hubUrl } = job;
  const { repo, revision } = job.request;
  const errorCode = response.headers.get('x-error-code');
  const status = response.status;
  if (errorCode === 'GatedRepo') {
    return new ModelDownloadError('unauthorized', `${repo} is a gated model on ${hubUrl} (HTTP ${status}): it needs a signed-in account, which Targum does not use`, file);
  }
  if (errorCode === 'RepoNotFound') {
    return new ModelDownloadError('not-found', `The repository ${repo} was not found on ${hubUrl}, or it is private (HTTP ${status})`, file);
  }
  if (errorCode === 'RevisionNotFound') {
    return new ModelDownloadError('not-found', `Revision ${revision} of ${repo} was not found on ${hubUrl} (HTTP ${status})`, file);
  }
  if (status === 401 || status === 403) {
    return new ModelDownloadError(
      'unauthorized',
      `${hubUrl} refused access to ${repo} (HTTP ${status}): the model is gated or private, or the repository does not exist`,
      file,
    );
  }
  if (status === 404 || errorCode === 'EntryNotFound') {
    return new ModelDownloadError('not-found', `${file} was not found in ${repo} at revision ${revision} on ${hubUrl} (HTTP ${status})`, file);
  }
  if (status === 429) return new ModelDownloadError('http', `${hubUrl} is limiting downloads (HTTP 429): try again later`, file);
  return new ModelDownloadError('http', `${hubUrl} answered HTTP ${status}${response.statusText ? ` ${response.statusText}` : ''} for ${file} of ${repo}`, file);
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
