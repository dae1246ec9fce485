import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCall } from '../../../src/common/api/call';
import type { ApiDispatcher } from '../../../src/common/api/dispatcher';
import { answerTeamCallsHere, appRelayRefusal, createDesktopTeam, guardedAppRelay, type DesktopTeam } from '../../../src/main/team';
import type { SecretCipher } from '../../../src/node/team/credential-store';
import { teamFiles } from '../../../src/node/team/team-store';
import { startTeamServer, type TeamServer } from '../../support/team-server';

/** safeStorage as a test can see it: every string it sealed, and a seal a test can recognise. */
function fakeSafeStorage(): SecretCipher & { sealed: string[] } {
  const sealed: string[] = [];
  return {
    sealed,
    isEncryptionAvailable: () => true,
    encryptString: (plain) => (sealed.push(plain), Buffer.from(`sealed:${Buffer.from(plain).toString('hex')}`)),
    decryptString: (data) => Buffer.from(data.toString('utf8').replace(/^sealed:/, ''), 'hex').toString('utf8'),
  };
}

/** A fetch of the app's own page, as Chromium sends it to the app:// handler. */
const ownFetch = (url: string, init: RequestInit & { headers?: Record<string, string> } = {}) =>
  new Request(url, { ...init, headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors', 'Sec-Fetch-Dest': 'empty', ...init.headers } });

describe('who may use the desktop’s team relay', () => {
  it('the app’s own page, fetching', () => {
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { Origin: 'app://targum' } }))).toBeUndefined();
    expect(appRelayRefusal(new Request('app://targum/team-sync/_changes'))).toBeUndefined();
  });

  it('no other origin, no navigation and no embedded resource', () => {
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { Origin: 'https://attacker.example' } }))).toBe('a request from https://attacker.example');
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { Origin: 'null' } }))).toBe('a request from null');
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { Referer: 'https://attacker.example/page' } }))).toMatch(/attacker/);
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { 'Sec-Fetch-Site': 'cross-site' } }))).toBe('a cross-site request');
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/', { headers: { 'Sec-Fetch-Mode': 'navigate', 'Sec-Fetch-Dest': 'document' } }))).toBe('a navigate request');
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/x', { headers: { 'Sec-Fetch-Mode': 'no-cors', 'Sec-Fetch-Dest': 'image' } }))).toBe('a no-cors request');
    expect(appRelayRefusal(ownFetch('app://targum/team-sync/x', { headers: { 'Sec-Fetch-Dest': 'iframe' } }))).toBe('a request for a iframe');
  });

  it('forwards nothing it refuses, and says so in the log', async () => {
    const relayed: string[] = [];
    const logged: string[] = [];
    const relay = guardedAppRelay(async (request) => (relayed.push(request.url), new Response('{}')), (message) => logged.push(message));
    const refused = await relay(ownFetch('app://targum/team-sync/', { headers: { Origin: 'https://attacker.example' } }));
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'forbidden' });
    expect(relayed).toEqual([]);
    expect(logged).toEqual(['refused a team sync request: a request from https://attacker.example']);
    expect((await relay(ownFetch('app://targum/team-sync/'))).status).toBe(200);
  });
});

describe('the window’s API on the desktop', () => {
  it('answers team calls in the main process and forwards the others, checked first', async () => {
    const forwarded: unknown[] = [];
    const forward: ApiDispatcher = async (method) => (forwarded.push(method), { ok: true, value: 'forwarded' });
    const team = createDesktopTeam(mkdtempSync(path.join(os.tmpdir(), 'targum-desktop-team-')), fakeSafeStorage(), () => undefined);
    const dispatch = answerTeamCallsHere(team.service, forward);
    const call = { ...localCall(), onControl: () => undefined };
    expect(await dispatch('team.get', {}, call)).toEqual({ ok: true, value: { config: null, hasPassword: false } });
    expect(await dispatch('team.configure', { serverUrl: 'http://couch.example.org', database: 'x', user: '', memberName: 'Dana' }, call)).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringContaining('https://') },
    });
    expect(await dispatch('team.configure', { serverUrl: 42 }, call)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await dispatch('settings.get', {}, call)).toEqual({ ok: true, value: 'forwarded' });
    expect(forwarded).toEqual(['settings.get']);
  });
});

describe('a desktop team against a real replication server', () => {
  let server: TeamServer;
  let dataDir: string;
  let safeStorage: ReturnType<typeof fakeSafeStorage>;
  let team: DesktopTeam;

  beforeAll(async () => {
    server = await startTeamServer();
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'targum-desktop-team-'));
    safeStorage = fakeSafeStorage();
    team = createDesktopTeam(dataDir, safeStorage, () => undefined);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps the password only through safeStorage, checks the server with it, and relays with it', async () => {
    const status = await team.service.configure(
      { serverUrl: server.url, database: server.database, user: server.member.user, password: server.member.password, memberName: 'Dana' },
      localCall(),
    );
    expect(status).toMatchObject({ state: 'connected' });
    expect(safeStorage.sealed).toEqual([server.member.password]);
    const files = teamFiles(dataDir);
    expect(readFileSync(files.encryptedPassword, 'utf8')).not.toContain(server.member.password);
    expect(statSync(files.encryptedPassword).mode & 0o777).toBe(0o600);
    expect(() => statSync(files.password)).toThrow();
    expect(await team.service.get({}, localCall())).toEqual({ config: expect.objectContaining({ user: 'member' }), hasPassword: true });

    const relay = guardedAppRelay(team.relay, () => undefined);
    const put = await relay(ownFetch('app://targum/team-sync/gloss%3Ahamas', { method: 'PUT', headers: { Origin: 'app://targum', 'Content-Type': 'application/json' }, body: '{"gloss":"Hamas"}' }));
    expect(put.status).toBe(201);
    expect(await (await server.asAdmin(`/${server.database}/gloss%3Ahamas`)).json()).toMatchObject({ gloss: 'Hamas' });
    const info = await relay(ownFetch('app://targum/team-sync/'));
    expect(await info.json()).toMatchObject({ db_name: server.database, doc_count: 1 });
  });
});
