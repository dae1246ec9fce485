/**
 * The API over a text message port (a WebSocket, a MessagePort, a worker's port). Each call has an id
 * its caller chooses; the messages of a call are addressed by that id:
 *
 *   caller → services   { t: 'call', id, method, params }   { t: 'cancel', id }   { t: 'control', id, value }
 *   services → caller   { t: 'progress', id, value }        { t: 'reply', id, reply }
 *
 * So progress goes only to the caller that started the call, and when that caller goes away (the port
 * closes) every call it started is cancelled. Every incoming message is checked before anything uses it.
 */
import { z } from 'zod';
import { CallCancellation, type CallContext, type CallSignal } from '../api/call';
import type { ApiDispatcher } from '../api/dispatcher';
import { describeIssues, errorReply } from '../api/reply';

/** A bidirectional channel of text messages. */
export interface TextPort {
  send(text: string): void;
  onMessage(handler: (text: string) => void): () => void;
}

const callIdSchema = z.string().min(1).max(64);

const callerMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('call'), id: callIdSchema, method: z.string().max(200), params: z.unknown() }),
  z.object({ t: z.literal('cancel'), id: callIdSchema }),
  z.object({ t: z.literal('control'), id: callIdSchema, value: z.unknown() }),
]);

const servicesMessageSchema = z.discriminatedUnion('t', [
  z.object({ t: z.literal('progress'), id: callIdSchema, value: z.unknown() }),
  z.object({ t: z.literal('reply'), id: callIdSchema, reply: z.unknown() }),
]);

type CallerMessage = z.infer<typeof callerMessageSchema>;
type ServicesMessage = z.infer<typeof servicesMessageSchema>;

const maxMessageLength = 64 * 1024 * 1024;

/** Parses and checks one incoming message; the problem is named when it is malformed. */
function receive<T>(text: string, schema: z.ZodType<T>): { message: T } | { problem: string; data?: unknown } {
  let data: unknown;
  try {
    if (text.length > maxMessageLength) throw new Error(`message too large (${text.length} characters)`);
    data = JSON.parse(text);
  } catch (error) {
    return { problem: `malformed message: ${error instanceof Error ? error.message : String(error)}` };
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? { message: parsed.data } : { problem: `malformed message: ${describeIssues(parsed.error, 'message')}`, data };
}

export interface ApiServerChannel {
  /** Stops answering and cancels every call still running: the caller has gone. */
  close(): void;
}

/** The services' side (or a host's, in front of them): answers calls through the dispatcher. */
export function serveApiOverPort(port: TextPort, dispatch: ApiDispatcher, report: (problem: string) => void): ApiServerChannel {
  const running = new Map<string, { cancellation: CallCancellation; controls: Array<(value: unknown) => void> }>();
  let closed = false;
  const send = (message: ServicesMessage) => {
    if (!closed) port.send(JSON.stringify(message));
  };

  const start = (id: string, method: string, params: unknown) => {
    if (running.has(id)) {
      send({ t: 'reply', id, reply: errorReply('invalid-input', `call id ${id} is already in use`) });
      return;
    }
    const call = { cancellation: new CallCancellation(), controls: [] as Array<(value: unknown) => void> };
    running.set(id, call);
    const context: CallContext = {
      signal: call.cancellation,
      progress: (value) => {
        if (running.get(id) === call) send({ t: 'progress', id, value });
      },
      onControl: (listener) => void call.controls.push(listener),
    };
    void dispatch(method, params, context).then((reply) => {
      running.delete(id);
      send({ t: 'reply', id, reply });
    });
  };

  const stopListening = port.onMessage((text) => {
    if (closed) return;
    const received = receive<CallerMessage>(text, callerMessageSchema);
    if ('problem' in received) {
      report(received.problem);
      const data = received.data;
      const id = typeof data === 'object' && data !== null && 'id' in data ? (data as { id: unknown }).id : undefined;
      if (callIdSchema.safeParse(id).success && (data as { t?: unknown }).t === 'call') {
        send({ t: 'reply', id: id as string, reply: errorReply('invalid-input', received.problem) });
      }
      return;
    }
    const message = received.message;
    if (message.t === 'call') start(message.id, message.method, message.params);
    else if (message.t === 'cancel') running.get(message.id)?.cancellation.abort();
    else running.get(message.id)?.controls.forEach((listener) => listener(message.value));
  });

  return {
    close: () => {
      if (closed) return;
      closed = true;
      stopListening();
      const calls = [...running.values()];
      running.clear();
      calls.forEach((call) => call.cancellation.abort());
    },
  };
}

/** A call sent over a port: its raw reply (validated later by the API client), and its control messages. */
export interface RawCall {
  reply: Promise<unknown>;
  control(value: unknown): void;
}

export interface RawCallOptions {
  signal?: CallSignal;
  onProgress?: (value: unknown) => void;
}

export interface ApiClientChannel {
  call(method: string, params: unknown, options?: RawCallOptions): RawCall;
  /** Answers every call still waiting, and every later one, with an `unavailable` reply giving the reason. */
  close(reason: string): void;
}

/** The caller's side: sends calls, routes each progress message and reply to the call it belongs to. */
export function connectApiOverPort(port: TextPort, report: (problem: string) => void): ApiClientChannel {
  const waiting = new Map<string, { settle: (reply: unknown) => void; onProgress?: (value: unknown) => void }>();
  let closedReason: string | undefined;
  let nextId = 1;
  const send = (message: CallerMessage) => port.send(JSON.stringify(message));

  const stopListening = port.onMessage((text) => {
    const received = receive<ServicesMessage>(text, servicesMessageSchema);
    if ('problem' in received) return report(received.problem);
    const message = received.message;
    const call = waiting.get(message.id);
    if (!call) return;
    if (message.t === 'progress') call.onProgress?.(message.value);
    else call.settle(message.reply);
  });

  return {
    call: (method, params, options = {}) => {
      if (closedReason !== undefined) return { reply: Promise.resolve(errorReply('unavailable', closedReason)), control: () => undefined };
      if (options.signal?.aborted) return { reply: Promise.resolve(errorReply('cancelled', `${method} was cancelled`)), control: () => undefined };
      const id = String(nextId++);
      const cancel = () => send({ t: 'cancel', id });
      const reply = new Promise<unknown>((resolve) => {
        waiting.set(id, {
          settle: (value: unknown) => {
            waiting.delete(id);
            options.signal?.removeEventListener('abort', cancel);
            resolve(value);
          },
          onProgress: options.onProgress,
        });
      });
      options.signal?.addEventListener('abort', cancel, { once: true });
      send({ t: 'call', id, method, params });
      return {
        reply,
        control: (value) => {
          if (waiting.has(id)) send({ t: 'control', id, value });
        },
      };
    },
    close: (reason) => {
      if (closedReason !== undefined) return;
      closedReason = reason;
      stopListening();
      [...waiting.values()].forEach((call) => call.settle(errorReply('unavailable', reason)));
    },
  };
}
