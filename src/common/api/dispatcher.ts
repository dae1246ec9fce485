import { apiMethods, type ApiServices } from './contract';
import { describeIssues, errorReply, okReply, type ApiReply } from './reply';
import { validateCall } from './validation';

export type ApiDispatcher = (method: unknown, params: unknown) => Promise<ApiReply>;

/**
 * Turns the service objects into the receiving end of the API: validates each call, runs it, checks the
 * result against the contract and answers with a reply. It never throws, whatever it is sent.
 */
export function createApiDispatcher(services: ApiServices, onFailure?: (method: string, error: unknown) => void): ApiDispatcher {
  return async (method, params) => {
    const validation = validateCall(method, params);
    if (!validation.ok) return validation;
    const { call } = validation;
    try {
      const run = services[call.method] as (p: unknown) => Promise<unknown>;
      const value = await run(call.params);
      const checked = apiMethods[call.method].result.safeParse(value);
      if (!checked.success) {
        onFailure?.(call.method, checked.error);
        return errorReply('failed', `${call.method}: the service returned an invalid result (${describeIssues(checked.error, 'result')})`);
      }
      return okReply(checked.data);
    } catch (error) {
      onFailure?.(call.method, error);
      return errorReply('failed', error instanceof Error ? error.message : String(error));
    }
  };
}

/**
 * A host's dispatcher in front of services running elsewhere: the call is checked here, before it goes
 * on, and the services check it again on arrival.
 */
export function createForwardingDispatcher(forward: (method: string, params: unknown) => Promise<unknown>): ApiDispatcher {
  return async (method, params) => {
    const validation = validateCall(method, params);
    if (!validation.ok) return validation;
    return (await forward(validation.call.method, validation.call.params)) as ApiReply;
  };
}
