import { describe, expect, it } from 'vitest';
import type { ApiServices } from '../../../src/common/api/contract';
import { createApiDispatcher } from '../../../src/common/api/dispatcher';
import { connectApiOverPort, serveApiOverPort, type TextPort } from '../../../src/common/rpc/channel';

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

const services = {
  getSettings: async () => ({ threads: 2, hubUrl: 'https://huggingface.co', importSizeLimitMb: 20 }),
} as unknown as ApiServices;

describe('the API over a message port', () => {
  it('carries calls, replies and events', async () => {
    const [serverEnd, clientEnd] = portPair();
    const server = serveApiOverPort(serverEnd, createApiDispatcher(services), () => undefined);
    const events: unknown[] = [];
    const client = connectApiOverPort(clientEnd, (event) => events.push(event), () => undefined);
    expect(await client.call('getSettings', {})).toMatchObject({ ok: true, value: { threads: 2 } });
    expect(await client.call('nope', {})).toEqual({ ok: false, error: { code: 'invalid-request', message: 'unknown method "nope"' } });
    server.emit({ type: 'progress', taskId: 'a', label: 'x', done: 1, total: 1 });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(events).toEqual([{ type: 'progress', taskId: 'a', label: 'x', done: 1, total: 1 }]);
  });

  it('survives malformed messages and answers a malformed request naming the problem', async () => {
    const [serverEnd, raw] = portPair();
    const problems: string[] = [];
    serveApiOverPort(serverEnd, createApiDispatcher(services), (problem) => problems.push(problem));
    const replies: unknown[] = [];
    raw.onMessage((text) => replies.push(JSON.parse(text)));
    raw.send('{not json');
    raw.send('null');
    raw.send(JSON.stringify({ t: 'q', m: 'call', a: 'not-an-array', i: 'req-1' }));
    raw.send(JSON.stringify({ t: 'q', m: 'call', a: ['getSettings', {}], i: 'req-2' }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^malformed message: /);
    expect(replies).toContainEqual({
      t: 's',
      i: 'req-1',
      r: { ok: false, error: { code: 'invalid-request', message: expect.stringContaining('message.a') } },
    });
    expect(replies).toContainEqual(expect.objectContaining({ t: 's', i: 'req-2', r: expect.objectContaining({ ok: true }) }));
  });
});
