import type { CallContext } from './call';
import type { ApiServices, MethodSchemas } from './contract';
import { describeIssues, errorCodeOf, errorReply, okReply, type ApiReply } from './reply';
import { validateCall } from './validation';

/** The receiving end of the API: one call, with the context its channel gives it (cancellation, progress, control). */
export type ApiDispatcher = (method: unknown, params: unknown, call: CallContext) => Promise<ApiReply>;

/**
 * Turns the services (all of them, or the few a host answers itself) into the receiving end of the API:
 * validates each call, runs it, checks its result and progress against the contract, and answers with a
 * reply whose error carries the failure's code. It never throws, whatever it is sent.
 */
export function createApiDispatcher(services: Partial<ApiServices>, onFailure?: (method: string, error: unknown) => void): ApiDispatcher {
  return async (method, params, call) => {
    const validation = validateCall(method, params);
    if (!validation.ok) return validation;
    const { method: name, schemas } = validation.call;
    const [service, methodName] = name.split('.') as [keyof ApiServices, string];
    // The name is the contract's; the lookup is still of the service's own methods only, never its prototype's.
    const methods = services[service] as Record<string, (params: unknown, call: CallContext) => Promise<unknown>> | undefined;
    const run = methods && Object.hasOwn(methods, methodName) ? methods[methodName] : undefined;
    if (typeof run !== 'function') return errorReply('unavailable', `${name} is not available here`);
    const context: CallContext = {
      signal: call.signal,
      progress: (value) => {
        const checked = schemas.progress?.safeParse(value);
        if (checked?.success) call.progress(checked.data);
        else onFailure?.(name, new Error(`invalid progress message${checked ? ` (${describeIssues(checked.error, 'progress')})` : ''}`));
      },
      onControl: (listener) => call.onControl(checkedControl(schemas, listener)),
    };
    try {
      const checked = schemas.result.safeParse(await run(validation.call.params, context));
      if (!checked.success) {
        onFailure?.(name, checked.error);
        return errorReply('failed', `${name}: the service returned an invalid result (${describeIssues(checked.error, 'result')})`);
      }
      return okReply(checked.data);
    } catch (error) {
      const code = errorCodeOf(error, call.signal.aborted);
      if (code !== 'cancelled') onFailure?.(name, error);
      return errorReply(code, error instanceof Error ? error.message : String(error));
    }
  };
}

/** Passes on the control messages that the method takes and that match its schema; drops the others. */
function checkedControl(schemas: MethodSchemas, listener: (value: unknown) => void): (value: unknown) => void {
  return (value) => {
    const checked = schemas.control?.safeParse(value);
    if (checked?.success) listener(checked.data);
  };
}

/**
 * A host's dispatcher in front of services running elsewhere: the call (and each control message) is
 * checked here, before it goes on, and the services check it again on arrival.
 */
export function createForwardingDispatcher(forward: (method: string, params: unknown, call: CallContext) => Promise<ApiReply>): ApiDispatcher {
  return async (method, params, call) => {
    const validation = validateCall(method, params);
    if (!validation.ok) return validation;
    const { schemas } = validation.call;
    return forward(validation.call.method, validation.call.params, { ...call, onControl: (listener) => call.onControl(checkedControl(schemas, listener)) });
  };
}
