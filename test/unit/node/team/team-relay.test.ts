import { describe, expect, it } from 'vitest';
import { teamRelayPath } from '../../../../src/common/team/team-config';
import { relayDecision } from '../../../../src/node/team/relay-allow-list';
import { createTeamRelay, type TeamRelayOptions } from '../../../../src/node/team/team-relay';
import type { TeamConnection } from '../../../../src/node/team/team-store';

const team: TeamConnection = {
  config: { serverUrl: 'https://couch.example.org/base', database: 'news/desk', user: 'dana', memberName: 'Dana' },
  password: 's3cret',
};

interface Forwarded {
  url: string;
  method: string;
  headers: Headers;
  body: string | undefined;
}

/** A relay over a fake server: records what reaches it and answers with `answer`. */
function relayWith(answer: (request: Forwarded, signal: AbortSignal) => Promise<Response> | Response = () => Response.json({ ok: true }), options: Partial<TeamRelayOptions> = {}) {
  const forwarded: Forwarded[] = [];
  const relay = createTeamRelay({
    team: async () => team,
    fetch: async (url, init) => {
      const request = { url: String(url), method: init?.method ?? 'GET', headers: new Headers(init?.headers), body: init?.body ? Buffer.from(init.body as Uint8Array).toString('utf8') : undefined };
      forwarded.push(request);
      return answer(request, init!.signal!);
    },
    ...options,
  });
  return { relay, forwarded };
}

const at = (relative: string, init?: RequestInit) => new Request(`http://127.0.0.1:4391${teamRelayPath}/${relative}`, init);

/** The relay's decision on a request for `relative` (a path under the team database, with its query) on the page's origin. */
function decisionOn(method: string, relative: string) {
  const [pathPart, search = ''] = relative.split('?');
  return relayDecision(method, `${teamRelayPath}/${pathPart}`, search ? `?${search}` : '');
}

describe('the relay’s allow-list', () => {
  it('lets through every request PouchDB 9 sends to replicate', () => {
    const allowed: [string, string][] = [
      ['GET', ''],
      ['HEAD', ''],
      ['GET', '_local/3f2a%2Bb'],
      ['PUT', '_local/3f2a'],
      ['DELETE', '_local/3f2a'],
      ['GET', '_changes?style=all_docs&since=0&limit=100&feed=longpoll&heartbeat=10000'],
      ['POST', '_changes?filter=_doc_ids&since=0'],
      ['POST', '_changes?filter=_selector'],
      ['POST', '_revs_diff'],
      ['POST', '_bulk_get?revs=true&latest=true'],
      ['POST', '_bulk_docs'],
      ['GET', '_all_docs?include_docs=true'],
      ['POST', '_all_docs'],
      ['GET', 'gloss%3Ahamas?revs=true&open_revs=%5B%221-a%22%5D&latest=true'],
      ['PUT', 'gloss%3Ahamas'],
      ['GET', 'article%3A12/text.txt?rev=1-a'],
    ];
    for (const [method, relative] of allowed) {
      expect(decisionOn(method, relative), `${method} ${relative}`).toEqual({ forward: true, path: relative });
    }
  });

  it('refuses the rest: other endpoints, design documents, security, the database itself, and paths that could leave it', () => {
    const refused: [string, string][] = [
      ['DELETE', ''],
      ['PUT', ''],
      ['POST', ''],
      ['GET', '_design/app'],
      ['PUT', '_design/app'],
      ['GET', '_design/app/_view/all'],
      ['GET', '_security'],
      ['PUT', '_security'],
      ['GET', '_all_dbs'],
      ['GET', '_session'],
      ['GET', '_config'],
      ['POST', '_compact'],
      ['POST', '_purge'],
      ['POST', '_find'],
      ['POST', '_ensure_full_commit'],
      ['DELETE', 'gloss%3Ahamas'],
      ['PUT', 'article/text.txt'],
      ['GET', 'a/b/c'],
      ['GET', '_local'],
      ['GET', '%2e%2e/_users'],
      ['GET', 'x%2F..%2F_users'],
      ['GET', 'x%5c..'],
      ['GET', '..'],
      ['GET', 'a//b'],
      ['GET', '_changes?filter=app/all'],
      ['GET', '_changes?filter=_view&view=app/all'],
    ];
    for (const [method, relative] of refused) {
      expect(decisionOn(method, relative), `${method} ${relative}`).toMatchObject({ forward: false, status: 403 });
    }
    expect(relayDecision('GET', '/team-syncx/', '')).toMatchObject({ forward: false, status: 404 });
    expect(relayDecision('GET', '/other/', '')).toMatchObject({ forward: false, status: 404 });
  });
});

describe('the team relay', () => {
  it('forwards to the configured database with its own credentials, and none of the caller’s', async () => {
    const { relay, forwarded } = relayWith();
    const response = await relay(
      at('_bulk_docs?x=1', {
        method: 'POST',
        body: '{"docs":[]}',
        headers: { 'Content-Type': 'application/json', Cookie: 'AuthSession=abc', Authorization: 'Basic bWFsbG9yeTp4', Origin: 'http://127.0.0.1:4391', 'x-targum-token': 'run-token' },
      }),
    );
    expect(response.status).toBe(200);
    expect(forwarded).toHaveLength(1);
    const [sent] = forwarded;
    expect(sent!.url).toBe('https://couch.example.org/base/news%2Fdesk/_bulk_docs?x=1');
    expect(sent!.body).toBe('{"docs":[]}');
    expect(sent!.headers.get('authorization')).toBe(`Basic ${Buffer.from('dana:s3cret').toString('base64')}`);
    expect(sent!.headers.get('content-type')).toBe('application/json');
    for (const name of ['cookie', 'origin', 'x-targum-token']) expect(sent!.headers.get(name)).toBeNull();
  });

  it('sends no Authorization for a server without login', async () => {
    const forwarded: Headers[] = [];
    const relay = createTeamRelay({
      team: async () => ({ config: { ...team.config, user: '' }, password: undefined }),
      fetch: async (_url, init) => {
        forwarded.push(new Headers(init?.headers));
        return Response.json({});
      },
    });
    await relay(at(''));
    expect(forwarded[0]!.get('authorization')).toBeNull();
  });

  it('forwards nothing that the allow-list refuses, nor anything while no team is configured', async () => {
    const { relay, forwarded } = relayWith();
    const refused = await relay(at('_security'));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    const none = await createTeamRelay({ team: async () => undefined, fetch: () => Promise.reject(new Error('must not be called')) })(at(''));
    expect(none.status).toBe(503);
    expect(await none.json()).toEqual({ error: 'not_configured', reason: 'No team is configured.' });
    expect(forwarded).toEqual([]);
  });

  it('refuses a body over the limit without forwarding it, whether it declares its size or not', async () => {
    const { relay, forwarded } = relayWith(undefined, { maxBodyBytes: 1024 });
    expect((await relay(at('_bulk_docs', { method: 'POST', body: 'x'.repeat(2048) }))).status).toBe(413);
    const undeclared = new ReadableStream<Uint8Array>({
      pull: (controller) => controller.enqueue(new Uint8Array(512)),
    });
    // @ts-expect-error Node's Request needs `duplex` for a streamed body.
    expect((await relay(at('_bulk_docs', { method: 'POST', body: undeclared, duplex: 'half' }))).status).toBe(413);
    expect(forwarded).toEqual([]);
    expect((await relay(at('_bulk_docs', { method: 'POST', body: 'x'.repeat(1000) }))).status).toBe(200);
  });

  it('answers 502 when the server cannot be reached and 504 when it does not answer in time, as JSON', async () => {
    const down = await relayWith(() => Promise.reject(new TypeError('fetch failed'))).relay(at(''));
    expect(down.status).toBe(502);
    expect(await down.json()).toMatchObject({ error: 'bad_gateway', reason: expect.stringContaining('cannot be reached') });
    const slow = relayWith((_request, signal) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason as Error))), { responseTimeoutMs: 50 });
    const late = await slow.relay(at('_revs_diff', { method: 'POST', body: '{}' }));
    expect(late.status).toBe(504);
    expect(await late.json()).toMatchObject({ error: 'gateway_timeout' });
  });

  it('streams the changes feed as it comes, and ends it when the server falls silent', async () => {
    let push!: (text: string) => void;
    const feed = new ReadableStream<Uint8Array>({
      start: (controller) => {
        push = (text) => controller.enqueue(new TextEncoder().encode(text));
      },
    });
    const { relay } = relayWith(() => new Response(feed, { headers: { 'Content-Type': 'application/json' } }), { idleTimeoutMs: 200 });
    const response = await relay(at('_changes?feed=longpoll&heartbeat=10000&since=0'));
    expect(response.headers.get('content-type')).toBe('application/json');
    const reader = response.body!.getReader();
    push('{"results":[\n');
    // The first part arrives while the server has not finished its answer.
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('{"results":[\n');
    push('\n');
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('\n');
    // Then nothing for longer than the idle limit: the answer is cut, and PouchDB asks again.
    await expect(reader.read()).rejects.toThrow();
  });

  it('passes back no cookie, login prompt or redirect of the server', async () => {
    const { relay } = relayWith(() =>
      Response.json({ error: 'unauthorized' }, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="server"', 'Set-Cookie': 'AuthSession=x' } }),
    );
    const refused = await relay(at(''));
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBeNull();
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await refused.json()).toEqual({ error: 'unauthorized' });
    const moved = await relayWith(() => new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } })).relay(at(''));
    expect(moved.status).toBe(502);
    expect(moved.headers.get('location')).toBeNull();
  });
});
