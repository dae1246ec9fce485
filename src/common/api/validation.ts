import { methodSchemas, type ApiMethod, type MethodSchemas } from './contract';
import { describeIssues, errorReply, type ApiFailure } from './reply';

export type ValidCall = { method: ApiMethod; schemas: MethodSchemas; params: unknown };

/** Checks a call's method name and parameters against the contract; the error names what was wrong. */
export function validateCall(method: unknown, params: unknown): { ok: true; call: ValidCall } | ApiFailure {
  const schemas = methodSchemas(method);
  if (!schemas) {
    const name = typeof method === 'string' ? `"${method.slice(0, 80)}"` : typeof method;
    return errorReply('invalid-input', `unknown method ${name}`);
  }
  const parsed = schemas.params.safeParse(params);
  if (!parsed.success) return errorReply('invalid-input', `${String(method)}: ${describeIssues(parsed.error, 'params')}`);
  return { ok: true, call: { method: method as ApiMethod, schemas, params: parsed.data } };
}
