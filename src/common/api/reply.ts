/** Every call is answered with a reply, never an exception across a process boundary. */
import { z } from 'zod';
import { apiErrorCodes, type ApiErrorCode } from './contract';

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

/**
 * An error with its code: the services throw it, the dispatcher answers with its code and message, and the
 * caller's side throws it again from the reply.
 */
export class ApiCallError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

const errnoCodes: Record<string, ApiErrorCode> = {
  ENOSPC: 'disk-full',
  EDQUOT: 'disk-full',
  ENOENT: 'not-found',
  ENOTFOUND: 'offline',
  EAI_AGAIN: 'offline',
  ENETUNREACH: 'offline',
  ECONNREFUSED: 'offline',
};

/** The code a failure is answered with: an ApiCallError's own, a system error's, `cancelled` once the caller cancelled. */
export function errorCodeOf(error: unknown, cancelled: boolean): ApiErrorCode {
  if (cancelled) return 'cancelled';
  if (error instanceof ApiCallError) return error.code;
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
  return (typeof code === 'string' && Object.hasOwn(errnoCodes, code) && errnoCodes[code]) || 'failed';
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
