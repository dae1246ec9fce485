import { apiEventSchema, apiMethods, type ApiEventListener, type ApiMethod, type HostKind, type TargumApi } from './contract';
import { ApiCallError, apiReplySchema, describeIssues } from './reply';

/** What a host provides to the renderer: a way to send a call and receive its raw reply, and raw events. */
export interface ApiTransport {
  readonly host: HostKind;
  call(method: ApiMethod, params: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
}

/** The renderer's typed API over any transport; replies and events are validated before use. */
export function createApiClient(transport: ApiTransport): TargumApi {
  const invoke = async (method: ApiMethod, params: unknown): Promise<unknown> => {
    const reply = apiReplySchema.safeParse(await transport.call(method, params));
    if (!reply.success) throw new ApiCallError('failed', `${method}: malformed reply (${describeIssues(reply.error, 'reply')})`);
    if (!reply.data.ok) throw new ApiCallError(reply.data.error.code, reply.data.error.message);
    const value = apiMethods[method].result.safeParse(reply.data.value);
    if (!value.success) throw new ApiCallError('failed', `${method}: ${describeIssues(value.error, 'result')}`);
    return value.data;
  };
  const onEvent = (listener: ApiEventListener) =>
    transport.onEvent((raw) => {
      const event = apiEventSchema.safeParse(raw);
      if (event.success) listener(event.data);
    });
  const methods = Object.fromEntries(
    (Object.keys(apiMethods) as ApiMethod[]).map((method) => [method, (params: unknown) => invoke(method, params)]),
  );
  return { ...methods, host: transport.host, onEvent } as TargumApi;
}
