import { apiMethods, isApiMethod, type ApiMethod } from './contract';
import { describeIssues, errorReply, type ApiFailure } from './reply';

export type ValidCall = { method: ApiMethod; params: unknown };

/** Checks a call's method name and parameters against the contract; the error names what was wrong. */
export function validateCall(method: unknown, params: unknown): { ok: true; call: ValidCall } | ApiFailure {
  if (!isApiMethod(method)) {
    const name = typeof method === 'string' ? `"${method.slice(0, 80)}"` : typeof method;
    return errorReply('invalid-request', `unknown method ${name}`);
  }
  const parsed = apiMethods[method].params.safeParse(params);
  if (!parsed.success) return errorReply('invalid-request', `${method}: ${describeIssues(parsed.error, 'params')}`);
  return { ok: true, call: { method, params: parsed.data } };
}
