/**
 * The API over a text message port (a WebSocket, an Electron MessagePort): birpc for request/response
 * bookkeeping, with every incoming message checked before birpc sees it.
 */
import { createBirpc, type BirpcReturn } from 'birpc';
import { z } from 'zod';
import type { ApiEvent } from '../api/contract';
import type { ApiDispatcher } from '../api/dispatcher';
import { describeIssues, errorReply, type ApiReply } from '../api/reply';

/** A bidirectional channel of text messages. */
export interface TextPort {
  send(text: string): void;
  onMessage(handler: (text: string) => void): () => void;
}

type ServerFunctions = { call(method: unknown, params: unknown): Promise<ApiReply> };
type ClientFunctions = { event(event: unknown): void };

const envelopeSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('q'), m: z.string(), a: z.array(z.unknown()), i: z.string().max(64).optional(), o: z.boolean().optional() }),
  z.object({ t: z.literal('s'), i: z.string().max(64), r: z.unknown().optional(), e: z.unknown().optional() }),
]);

const maxMessageLength = 64 * 1024 * 1024;

function serialize(message: unknown): string {
  return JSON.stringify(message, (_key, value: unknown) =>
    value instanceof Error ? { name: value.name, message: value.message } : value,
  );
}

/** Parses and checks one incoming message; answers a malformed request itself, naming what was wrong. */
function receive(text: string, port: TextPort, report: (problem: string) => void): unknown {
  let data: unknown;
  try {
    if (text.length > maxMessageLength) throw new Error(`message too large (${text.length} characters)`);
    data = JSON.parse(text);
  } catch (error) {
    report(`malformed message: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  const envelope = envelopeSchema.safeParse(data);
  if (envelope.success) return envelope.data;
  const problem = `malformed message: ${describeIssues(envelope.error, 'message')}`;
  report(problem);
  const id = typeof data === 'object' && data !== null && 'i' in data ? (data as { i: unknown }).i : undefined;
  if (typeof id === 'string' && id.length <= 64) port.send(serialize({ t: 's', i: id, r: errorReply('invalid-request', problem) }));
  return undefined;
}

function birpcOptions(port: TextPort, report: (problem: string) => void) {
  return {
    post: (text: string) => port.send(text),
    on: (handler: (data: unknown) => void) => {
      port.onMessage((text) => {
        const message = receive(text, port, report);
        if (message !== undefined) handler(message);
      });
    },
    serialize,
    timeout: -1,
    // Errors of our own calls (a closed channel) reject the call; a reply that cannot be sent back is
    // reported and dropped, so the process goes on.
    onGeneralError: (error: Error, functionName?: string) => {
      report(error.message);
      return functionName !== undefined;
    },
  };
}

export interface ApiServerChannel {
  emit(event: ApiEvent): void;
  close(): void;
}

/** The services' side: answers calls through the dispatcher and pushes events. */
export function serveApiOverPort(port: TextPort, dispatch: ApiDispatcher, report: (problem: string) => void): ApiServerChannel {
  const rpc: BirpcReturn<ClientFunctions, ServerFunctions> = createBirpc<ClientFunctions, ServerFunctions>(
    { call: (method, params) => dispatch(method, params) },
    birpcOptions(port, report),
  );
  return {
    emit: (event) => void rpc.$callEvent('event', event).catch((error: unknown) => report(String(error))),
    close: () => rpc.$close(),
  };
}

export interface ApiClientChannel {
  call(method: string, params: unknown): Promise<unknown>;
  close(reason: string): void;
}

/** The caller's side: raw replies and raw events, validated later by the API client. */
export function connectApiOverPort(port: TextPort, onEvent: (event: unknown) => void, report: (problem: string) => void): ApiClientChannel {
  const rpc: BirpcReturn<ServerFunctions, ClientFunctions> = createBirpc<ServerFunctions, ClientFunctions>(
    { event: onEvent },
    birpcOptions(port, report),
  );
  return {
    call: (method, params) => rpc.call(method, params),
    close: (reason) => rpc.$close(new Error(reason)),
  };
}
