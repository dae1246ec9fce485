import { localCall } from '../../../src/common/api/call';
import { describe, expect, it } from 'vitest';
import type { CallContext } from '../../../src/common/api/call';
import type { ApiServices } from '../../../src/common/api/contract';
import { createApiDispatcher, createForwardingDispatcher } from '../../../src/common/api/dispatcher';
import { connectApiOverPort, serveApiOverPort, type TextPort } from '../../../src/common/rpc/channel';
import { ServicesConnection } from '../../../src/common/rpc/services-connection';

/** Two ends of an in-memory text channel, delivering asynchronously like a real port. */
function portPair(): [TextPort, TextPort] {
  const handlers: [Array<(text: string) => void>, Array<(text: string) => void>] = [[], []];
  const end = (mine: 0 | 1): TextPort => ({
    send: (text) => queueMicrotask(() => handlers[mine === 0 ? 1 : 0].forEach((handler) => handler(text))),
    onMessage: (handler) => {
      handlers[mine].push(handler);
      return () => handlers[mine].splice(handlers[mine].indexOf(handler), 1);
    },
  });
  return [end(0), end(1)];
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

/** A translation that reports one batch, then runs until it is cancelled, taking priorities meanwhile. */
function slowTranslation(record: { cancelled: number; prioritized: unknown[] }) {
  return async (_params: unknown, call: CallContext) => {
    call.onControl((value) => record.prioritized.push(value));
    call.progress({ done: 1, total: 9, results: [{ segmentId: 's0', text: 'Hello.', modelId: 'm', dtype: 'q8', createdAt: 1 }] });
    await new Promise<void>((resolve) => call.signal.addEventListener('abort', () => resolve()));
    record.cancelled += 1;
    return { translated: 1, cancelled: true, modelId: 'm', dtype: 'q8' };
  };
}

function servicesWith(record: { cancelled: number; prioritized: unknown[] }): ApiServices {
  return {
    settings: { get: async () => ({ threads: 2, hubUrl: 'https://huggingface.co', importSizeLimitMb: 20, allowLocalNetworkImport: false, unverifiedDownloadHubs: [] }) },
    translation: { translate: slowTranslation(record) },
  } as unknown as ApiServices;
}

describe('the API over a message port', () => {
  it('carries calls and replies', async () => {
    const [serverEnd, clientEnd] = portPair();
    serveApiOverPort(serverEnd, createApiDispatcher(servicesWith({ cancelled: 0, prioritized: [] })), () => undefined);
    const client = connectApiOverPort(clientEnd, () => undefined);
    expect(await client.call('settings.get', {}).reply).toMatchObject({ ok: true, value: { threads: 2 } });
    expect(await client.call('nope', {}).reply).toEqual({ ok: false, error: { code: 'invalid-input', message: 'unknown method "nope"' } });
  });

  it("runs only a service's own methods, never one it inherits", async () => {
    const inherited = { ...servicesWith({ cancelled: 0, prioritized: [] }), settings: Object.create({ get: async () => ({ threads: 2 }) }) as object } as unknown as ApiServices;
    expect(await createApiDispatcher(inherited)('settings.get', {}, localCall())).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it("sends a call's progress to its caller only, and takes its cancellation and control messages", async () => {
    const [serverEnd, clientEnd] = portPair();
    const record = { cancelled: 0, prioritized: [] as unknown[] };
    serveApiOverPort(serverEnd, createApiDispatcher(servicesWith(record)), () => undefined);
    const client = connectApiOverPort(clientEnd, () => undefined);
    const first: unknown[] = [];
    const second: unknown[] = [];
    const controller = new AbortController();
    const one = client.call('translation.translate', { segments: [], to: 'en' }, { signal: controller.signal, onProgress: (value) => first.push(value) });
    const two = client.call('translation.translate', { segments: [], to: 'en' }, { onProgress: (value) => second.push(value) });
    await tick();
    expect(first).toHaveLength(1);
    expect(second).toHaveLength(1);
    one.control({ prioritize: ['s5'] });
    await tick();
    expect(record.prioritized).toEqual([{ prioritize: ['s5'] }]);
    controller.abort();
    expect(await one.reply).toMatchObject({ ok: true, value: { cancelled: true } });
    expect(record.cancelled).toBe(1);
    let settled = false;
    void two.reply.then(() => (settled = true));
    await tick();
    expect(settled).toBe(false);
  });

  it('cancels every call of a caller that goes away, through a host in front of the services', async () => {
    // page ⇄ host ⇄ services, as in the web host: the page's socket closes, its calls end in the services.
    const record = { cancelled: 0, prioritized: [] as unknown[] };
    const [servicesEnd, hostEnd] = portPair();
    serveApiOverPort(servicesEnd, createApiDispatcher(servicesWith(record)), () => undefined);
    const connection = new ServicesConnection(() => ({ port: hostEnd, onExit: () => undefined, stop: () => undefined }), () => undefined);
    const dispatch = createForwardingDispatcher((method, params, call) => connection.call(method, params, call));
    const [pageHostEnd, pageEnd] = portPair();
    const pageChannel = serveApiOverPort(pageHostEnd, dispatch, () => undefined);
    const page = connectApiOverPort(pageEnd, () => undefined);
    const progress: unknown[] = [];
    void page.call('translation.translate', { segments: [], to: 'en' }, { onProgress: (value) => progress.push(value) });
    void page.call('translation.translate', { segments: [], to: 'en' });
    await tick();
    expect(progress).toHaveLength(1);
    expect(record.cancelled).toBe(0);
    pageChannel.close();
    await tick();
    expect(record.cancelled).toBe(2);
  });

  it('answers the calls waiting on a closed channel as unavailable', async () => {
    const [, clientEnd] = portPair();
    const client = connectApiOverPort(clientEnd, () => undefined);
    const waiting = client.call('settings.get', {}).reply;
    client.close('the services stopped');
    expect(await waiting).toEqual({ ok: false, error: { code: 'unavailable', message: 'the services stopped' } });
    expect(await client.call('settings.get', {}).reply).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });

  it('survives malformed messages and answers a malformed call naming the problem', async () => {
    const [serverEnd, raw] = portPair();
    const problems: string[] = [];
    serveApiOverPort(serverEnd, createApiDispatcher(servicesWith({ cancelled: 0, prioritized: [] })), (problem) => problems.push(problem));
    const replies: unknown[] = [];
    raw.onMessage((text) => replies.push(JSON.parse(text)));
    raw.send('{not json');
    raw.send('null');
    raw.send(JSON.stringify({ t: 'call', id: 'req-1', method: 42 }));
    raw.send(JSON.stringify({ t: 'cancel', id: 'nothing-running' }));
    raw.send(JSON.stringify({ t: 'call', id: 'req-2', method: 'settings.get', params: {} }));
    await tick();
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^malformed message: /);
    expect(replies).toContainEqual({
      t: 'reply',
      id: 'req-1',
      reply: { ok: false, error: { code: 'invalid-input', message: expect.stringContaining('message.method') } },
    });
    expect(replies).toContainEqual(expect.objectContaining({ t: 'reply', id: 'req-2', reply: expect.objectContaining({ ok: true }) }));
  });
});
