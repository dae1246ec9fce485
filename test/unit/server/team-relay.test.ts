/**
 * Team sharing through the web host: a team configured through the API against a real replication server
 * (pouchdb-server), PouchDB replicating through the host's relay, and the relay's refusals.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { teamRelayPath, teamTokenHeader } from '../../../src/common/team/team-config';
import { loadPouchDB } from '../../support/pouchdb';
import { startTeamServer, type TeamServer } from '../../support/team-server';
import { startTestWebHost, type TestWebHost } from '../../support/web-host';

let server: TeamServer;
let host: TestWebHost;
let socket: WebSocket;
let nextId = 0;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(os.tmpdir(), 'targum-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Targum</title>');
  [server, host] = await Promise.all([startTeamServer(), startTestWebHost({ rendererDir })]);
  socket = await new Promise<WebSocket>((resolve, reject) => {
    const opened = new WebSocket(`${host.origin.replace('http:', 'ws:')}/api?token=${host.token}`, { origin: host.origin });
    opened.on('open', () => resolve(opened));
    opened.on('error', reject);
  });
}, 60_000);

afterAll(async () => {
  socket?.close();
  await Promise.all([host?.close(), server?.close()]);
});

/** One API call over the page's WebSocket; the reply as the page gets it. */
function call(method: string, params: object = {}): Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }> {
  const id = String(++nextId);
  return new Promise((resolve) => {
    const onMessage = (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as { t: string; id: string; reply: never };
      if (message.t !== 'reply' || message.id !== id) return;
      socket.off('message', onMessage);
      resolve(message.reply);
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ t: 'call', id, method, params }));
  });
}

const configure = (changes: object = {}) =>
  call('team.configure', { serverUrl: server.url, database: server.database, user: server.member.user, password: server.member.password, memberName: 'Dana', ...changes });

/** A request to the relay as the page makes it: the token in its header, from the host's own origin. */
function relay(relative: string, init: RequestInit & { headers?: Record<string, string> } = {}): Promise<Response> {
  return fetch(`${host.origin}${teamRelayPath}/${relative}`, { ...init, headers: { [teamTokenHeader]: host.token, 'Content-Type': 'application/json', ...init.headers } });
}

describe('configuring a team through the web host', () => {
  it('connects with the right credentials, keeps the password in a file only the user can read, and never shows it', async () => {
    expect(await call('team.check')).toEqual({ ok: true, value: { state: 'not-configured', message: 'No team is configured.' } });
    expect(await configure()).toEqual({ ok: true, value: { state: 'connected', message: expect.stringContaining(server.database) } });
    const view = await call('team.get');
    expect(view).toEqual({ ok: true, value: { config: { serverUrl: server.url, database: server.database, user: 'member', memberName: 'Dana' }, hasPassword: true } });
    expect(JSON.stringify(view)).not.toContain(server.member.password);
    const passwordFile = path.join(host.dataDir, 'team-password.json');
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(host.dataDir, 'team.json'), 'utf8')).not.toContain(server.member.password);
    expect(readdirSync(host.dataDir).filter((name) => name.endsWith('.partial'))).toEqual([]);
  });

  it('says in one line when the password is wrong, the database missing or the address not https', async () => {
    expect(await configure({ password: 'wrong' })).toMatchObject({ ok: true, value: { state: 'unauthorized', message: 'The team server refused the user name or password.' } });
    expect(await configure({ database: 'no-such-db' })).toMatchObject({ ok: true, value: { state: 'no-database', message: 'The team server has no database named no-such-db.' } });
    const http = await configure({ serverUrl: 'http://couch.example.org' });
    expect(http).toMatchObject({ ok: false, error: { code: 'invalid-input', message: expect.stringMatching(/must start with https:\/\//) } });
    // A password left out keeps the stored one.
    expect(await configure({ password: server.member.password })).toMatchObject({ value: { state: 'connected' } });
    expect(await configure({ password: undefined, memberName: 'Dana R.' })).toMatchObject({ value: { state: 'connected' } });
  });
});

describe('the web host’s team relay', () => {
  it('refuses callers without the token, with a wrong one, with it in the address, or from another site', async () => {
    const url = `${host.origin}${teamRelayPath}/`;
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { [teamTokenHeader]: 'x'.repeat(host.token.length) } })).status).toBe(401);
    expect((await fetch(url, { headers: { [teamTokenHeader]: host.token.slice(1) } })).status).toBe(401);
    expect((await fetch(`${url}?token=${host.token}`, { headers: { [teamTokenHeader]: host.token } })).status).toBe(400);
    expect((await relay('', { headers: { Origin: 'http://attacker.example' } })).status).toBe(403);
    expect((await relay('', { headers: { 'Sec-Fetch-Site': 'cross-site' } })).status).toBe(403);
    const rebound = await new Promise<number>((resolve) => {
      // fetch will not send another Host header; a raw request does, as a DNS-rebound page's would.
      void import('node:http').then(({ request }) =>
        request(url, { headers: { Host: `attacker.example:${host.port}`, [teamTokenHeader]: host.token } }, (response) => resolve(response.statusCode ?? 0)).end(),
      );
    });
    expect(rebound).toBe(403);
    expect(host.logs).toEqual(expect.arrayContaining([expect.stringMatching(/refused a team sync request: Unauthorized \(token\)/)]));
    expect((await relay('')).status).toBe(200);
  });

  it('relays nothing but the replication requests of the one database', async () => {
    const refused = await Promise.all([
      relay('_design/evil', { method: 'PUT', body: JSON.stringify({ views: {} }) }),
      relay('_security'),
      relay('_security', { method: 'PUT', body: JSON.stringify({ members: { names: [] } }) }),
      relay('_all_dbs'),
      relay('_config'),
      relay('', { method: 'DELETE' }),
      relay('', { method: 'PUT' }),
      relay('_changes?filter=app%2Fall'),
      relay('doc%2F..%2F..%2F_users'),
      relay('_compact', { method: 'POST' }),
    ]);
    expect(refused.map((response) => response.status)).toEqual(Array(refused.length).fill(403));
    expect(await refused[0]!.json()).toMatchObject({ error: 'forbidden', reason: expect.stringContaining('replication') });
    // Not under the relay's path at all once the URL is resolved: the host's own 404, nothing forwarded.
    expect((await fetch(`${host.origin}${teamRelayPath}/%2e%2e/_users`, { headers: { [teamTokenHeader]: host.token } })).status).toBe(404);
    // The database and its security are as they were.
    expect((await server.asAdmin(`/${server.database}`)).status).toBe(200);
    expect(await (await server.asAdmin(`/${server.database}/_security`)).json()).toMatchObject({ members: { names: ['member'] } });
    expect((await server.asAdmin(`/${server.database}/_design/evil`)).status).toBe(404);
  });

  it('carries a replication between two members both ways', async () => {
    const PouchDB = loadPouchDB();
    const remote = () =>
      new PouchDB(`${host.origin}${teamRelayPath}`, {
        skip_setup: true,
        fetch: (url, options) => {
          const headers = new Headers(options?.headers);
          headers.set(teamTokenHeader, host.token);
          return fetch(url, { ...options, headers });
        },
      });
    const dana = new PouchDB(`dana-${Date.now()}`);
    const omar = new PouchDB(`omar-${Date.now()}`);
    await dana.bulkDocs([
      { _id: 'gloss:hamas', term: 'حماس', gloss: 'Hamas', by: 'Dana' },
      { _id: 'gloss:knesset', term: 'כנסת', gloss: 'Knesset', by: 'Dana' },
    ]);
    expect(await dana.replicate.to(remote())).toMatchObject({ ok: true, docs_written: 2 });
    expect(await omar.replicate.from(remote())).toMatchObject({ ok: true, docs_written: 2 });
    expect(await omar.get('gloss:knesset')).toMatchObject({ gloss: 'Knesset', by: 'Dana' });

    const changed = await omar.get('gloss:hamas');
    await omar.put({ ...changed, gloss: 'Hamas (movement)', by: 'Omar' });
    await omar.remove(await omar.get('gloss:knesset'));
    await omar.replicate.to(remote());
    await dana.replicate.from(remote());
    expect(await dana.get('gloss:hamas')).toMatchObject({ gloss: 'Hamas (movement)', by: 'Omar' });
    await expect(dana.get('gloss:knesset')).rejects.toMatchObject({ status: 404 });
    await Promise.all([dana.destroy(), omar.destroy()]);
  });

  it('answers 502 with a JSON error while the server is down, and relays again once it is back', async () => {
    await server.stop();
    try {
      const down = await relay('');
      expect(down.status).toBe(502);
      expect(await down.json()).toMatchObject({ error: 'bad_gateway' });
      expect(await call('team.check')).toMatchObject({ value: { state: 'offline' } });
    } finally {
      await server.start();
    }
    expect((await relay('')).status).toBe(200);
  });

  it('never passes on the server’s login prompt or cookies, and relays nothing once the team is left', async () => {
    await configure({ password: 'wrong' });
    const refused = await relay('');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBeNull();
    expect(refused.headers.get('set-cookie')).toBeNull();
    expect(await call('team.leave')).toEqual({ ok: true, value: { left: true } });
    expect(readdirSync(host.dataDir)).not.toContain('team-password.json');
    const left = await relay('');
    expect(left.status).toBe(503);
    expect(await left.json()).toMatchObject({ error: 'not_configured' });
    expect(await call('team.get')).toEqual({ ok: true, value: { config: null, hasPassword: false } });
  });
});
