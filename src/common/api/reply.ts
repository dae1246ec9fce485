/** Every call is answered with a reply, never an exception across a process boundary. */
import { z } from 'zod';

export const apiErrorCodes = ['invalid-request', 'failed', 'unavailable'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

export const apiErrorSchema = z.object({ code: z.enum(apiErrorCodes), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;

export const apiReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: apiErrorSchema }),
]);
export type ApiFailure = { ok: false; error: ApiError };
export type ApiReply<T = unknown> = { ok: true; value: T } | ApiFailure;

export function okReply<T>(value: T): ApiReply<T> {
  return { ok: true, value };
}

export function errorReply(code: ApiErrorCode, message: string): ApiFailure {
  return { ok: false, error: { code, message } };
}

/** An error raised on the caller's side for a reply that failed; carries the code of the reply. */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** One line naming what was wrong with a value, path first: `params.threads: Too big: expected number to be <=64`. */
export function describeIssues(error: z.ZodError, root: string): string {
  return error.issues
    .map((issue) => {
      const path = [root, ...issue.path.map(String)].join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
