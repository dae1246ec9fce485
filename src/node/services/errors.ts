import { ApiCallError } from '../../common/api/reply';
import type { ApiErrorCode } from '../../common/api/contract';
import { CopyCancelled } from '../fs/copy-folder';
import { FetchArticleError } from '../import/fetch-article';
import { ModelDownloadError, type ModelDownloadErrorCode } from '../models/hub-download/errors';
import { ModelExists } from '../models/model-registry';
import { ModelDirectionUnknown, ModelFolderError } from '../translation/model-folder';

const downloadCodes: Partial<Record<ModelDownloadErrorCode, ApiErrorCode>> = {
  network: 'offline',
  offline: 'offline',
  'not-found': 'not-found',
  'disk-space': 'disk-full',
  cancelled: 'cancelled',
  invalid: 'invalid-input',
  exists: 'invalid-input',
};

function codeOf(error: unknown): ApiErrorCode | undefined {
  if (error instanceof ModelDownloadError) return downloadCodes[error.code] ?? 'failed';
  if (error instanceof ModelDirectionUnknown) return 'unknown-direction';
  if (error instanceof ModelExists) return 'exists';
  if (error instanceof ModelFolderError) return 'invalid-input';
  if (error instanceof CopyCancelled) return 'cancelled';
  if (error instanceof FetchArticleError) return error.offline ? 'offline' : 'failed';
  return undefined;
}

/** The services' own errors as the API's typed errors, with their messages unchanged; others pass as they are. */
export function typedError(error: unknown): unknown {
  if (error instanceof ApiCallError) return error;
  const code = codeOf(error);
  return code === undefined ? error : new ApiCallError(code, (error as Error).message);
}

/** A service whose methods throw typed errors. */
export function withTypedErrors<Service extends Record<string, (...args: never[]) => Promise<unknown>>>(service: Service): Service {
  return Object.fromEntries(
    Object.entries(service).map(([name, method]) => [
      name,
      async (...args: never[]) => {
        try {
          return await method(...args);
        } catch (error) {
          throw typedError(error);
        }
      },
    ]),
  ) as Service;
}
