import type { ApiClientChannel } from '../rpc/channel';
import { apiContract, type CallOptions, type HostKind, type MethodSchemas, type TargumApi } from './contract';
import { ApiCallError, apiReplySchema, describeIssues } from './reply';

/**
 * The renderer's typed API over a channel to the host: `api.models.install(params, { signal, onProgress })`.
 * Replies and progress messages are validated before use; a call whose caller cancelled it rejects with
 * an ApiCallError of code `cancelled` (translations answer with what was done instead).
 */
export function createApiClient(host: HostKind, channel: ApiClientChannel): TargumApi {
  const invoke = (method: string, schemas: MethodSchemas, params: unknown, options: CallOptions<unknown> = {}) => {
    const call = channel.call(method, params, {
      signal: options.signal,
      onProgress: (raw) => {
        const progress = schemas.progress?.safeParse(raw);
        if (progress?.success) options.onProgress?.(progress.data);
      },
    });
    const result = call.reply.then((raw) => {
      const reply = apiReplySchema.safeParse(raw);
      if (!reply.success) throw new ApiCallError('failed', `${method}: malformed reply (${describeIssues(reply.error, 'reply')})`);
      if (!reply.data.ok) throw new ApiCallError(reply.data.error.code, reply.data.error.message);
      const value = schemas.result.safeParse(reply.data.value);
      if (!value.success) throw new ApiCallError('failed', `${method}: ${describeIssues(value.error, 'result')}`);
      return value.data;
    });
    return Object.assign(result, { control: (message: unknown) => call.control(message) });
  };
  const services = Object.fromEntries(
    Object.entries(apiContract).map(([service, methods]) => [
      service,
      Object.fromEntries(
        Object.entries(methods as Record<string, MethodSchemas>).map(([name, schemas]) => [
          name,
          (params: unknown, options?: CallOptions<unknown>) => invoke(`${service}.${name}`, schemas, params, options),
        ]),
      ),
    ]),
  );
  return { ...services, host } as TargumApi;
}
