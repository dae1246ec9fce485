import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localCall } from '../../../../src/common/api/call';
import type { TeamConfigure } from '../../../../src/common/team/team-config';
import { encryptedCredentialFile, type SecretCipher } from '../../../../src/node/team/credential-store';
import { checkTeamServer } from '../../../../src/node/team/team-check';
import { createTeamService } from '../../../../src/node/team/team-service';
import { checkedServerUrl, privateTeamStore, TeamStore, teamFiles } from '../../../../src/node/team/team-store';

const folders: string[] = [];
const folder = () => {
  const made = mkdtempSync(path.join(os.tmpdir(), 'targum-team-'));
  folders.push(made);
  return made;
};
afterAll(() => folders.forEach((made) => rmSync(made, { recursive: true, force: true })));

const settings: TeamConfigure = { serverUrl: 'https://couch.example.org/', database: 'newsdesk', user: 'dana', password: 'pa55', memberName: ' Dana ' };

describe('the team server’s address', () => {
  it('must be https, except on this machine', () => {
    expect(checkedServerUrl('https://couch.example.org/')).toBe('https://couch.example.org');
    expect(checkedServerUrl('https://example.org/couchdb/')).toBe('https://example.org/couchdb');
    for (const local of ['http://127.0.0.1:5984', 'http://localhost:5984', 'http://[::1]:5984']) expect(checkedServerUrl(local)).toBe(local);
    for (const remote of ['http://couch.example.org', 'http://192.168.1.5:5984', 'http://127.0.0.1.nip.io']) {
      expect(() => checkedServerUrl(remote), remote).toThrow('The team server’s address must start with https://');
    }
    expect(() => checkedServerUrl('https://dana:pw@couch.example.org')).toThrow('in their own fields');
    expect(() => checkedServerUrl('https://couch.example.org/?db=x')).toThrow('no query');
    expect(() => checkedServerUrl('couch.example.org')).toThrow('is not a web address');
  });
});

describe('the team store of the web host and the command line', () => {
  it('keeps the settings in team.json and the password apart, in a file only the user can read', async () => {
    const dataDir = folder();
    const store = privateTeamStore(dataDir, () => undefined);
    expect(await store.view()).toEqual({ config: null, hasPassword: false });
    await store.save(settings);
    const files = teamFiles(dataDir);
    expect(JSON.parse(readFileSync(files.config, 'utf8'))).toEqual({ serverUrl: 'https://couch.example.org', database: 'newsdesk', user: 'dana', memberName: 'Dana' });
    expect(readFileSync(files.config, 'utf8')).not.toContain('pa55');
    expect(statSync(files.password).mode & 0o777).toBe(0o600);
    expect(await store.view()).toEqual({ config: expect.objectContaining({ user: 'dana' }), hasPassword: true });
    expect(await store.connection()).toMatchObject({ password: 'pa55' });
  });

  it('keeps the password when none is given, forgets it when emptied or the user name is, and on leaving', async () => {
    const dataDir = folder();
    const store = privateTeamStore(dataDir, () => undefined);
    await store.save(settings);
    await store.save({ ...settings, password: undefined, memberName: 'Dana R.' });
    expect(await store.connection()).toMatchObject({ config: { memberName: 'Dana R.' }, password: 'pa55' });
    await store.save({ ...settings, password: '' });
    expect((await store.view()).hasPassword).toBe(false);
    await store.save(settings);
    await store.save({ ...settings, user: '', password: undefined });
    expect(await store.connection()).toMatchObject({ password: undefined });
    await store.save(settings);
    // The desktop app, sharing the data folder, kept its own encrypted copy: leaving forgets that too.
    writeFileSync(teamFiles(dataDir).encryptedPassword, 'sealed');
    await store.leave();
    expect(await store.view()).toEqual({ config: null, hasPassword: false });
    expect(() => statSync(teamFiles(dataDir).password)).toThrow();
    expect(() => statSync(teamFiles(dataDir).encryptedPassword)).toThrow();
  });

  it('sets a damaged team.json aside, shows no team, and says so in the log once', async () => {
    const dataDir = folder();
    const warnings: string[] = [];
    writeFileSync(teamFiles(dataDir).config, '{"serverUrl": 12');
    const store = privateTeamStore(dataDir, (message) => warnings.push(message));
    expect(await store.view()).toEqual({ config: null, hasPassword: false });
    expect(await store.connection()).toBeUndefined();
    expect(warnings).toEqual([expect.stringContaining('team settings file was not valid')]);
    const aside = readdirSync(dataDir).find((name) => name.startsWith('team.json.invalid-'));
    expect(readFileSync(path.join(dataDir, aside!), 'utf8')).toBe('{"serverUrl": 12');
  });
});

/** Electron's safeStorage, as far as the store uses it: a reversible scrambling that a test can check. */
function fakeCipher(available = true): SecretCipher & { available: boolean } {
  return {
    available,
    isEncryptionAvailable() {
      return this.available;
    },
    encryptString: (plain) => Buffer.from(`sealed:${Buffer.from(plain).toString('base64')}`),
    decryptString: (sealed) => {
      const text = sealed.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(7), 'base64').toString('utf8');
    },
  };
}

describe('the desktop’s credential store (safeStorage)', () => {
  it('keeps the password encrypted in a file only the user can read', async () => {
    const file = path.join(folder(), 'team-password.safe');
    const store = encryptedCredentialFile(file, fakeCipher());
    await store.write('pa55');
    expect(readFileSync(file, 'utf8')).not.toContain('pa55');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await store.read()).toBe('pa55');
    await store.clear();
    expect(await store.read()).toBeUndefined();
  });

  it('refuses to save when the system has no keychain, and reads a password it can no longer decrypt as none', async () => {
    const dataDir = folder();
    const cipher = fakeCipher(false);
    const service = createTeamService(new TeamStore(dataDir, encryptedCredentialFile(path.join(dataDir, 'team-password.safe'), cipher), () => undefined));
    await expect(service.configure(settings, localCall())).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('no safe place for the password') as string });
    expect(await service.get({}, localCall())).toEqual({ config: null, hasPassword: false });
    const file = path.join(dataDir, 'damaged.safe');
    writeFileSync(file, 'not sealed');
    cipher.available = true;
    expect(await encryptedCredentialFile(file, cipher).read()).toBeUndefined();
  });
});

describe('the team service', () => {
  it('refuses an address that is not https in one line, and saves nothing', async () => {
    const dataDir = folder();
    const service = createTeamService(privateTeamStore(dataDir, () => undefined));
    const refusal = service.configure({ ...settings, serverUrl: 'http://couch.example.org' }, localCall());
    await expect(refusal).rejects.toMatchObject({ code: 'invalid-input', message: expect.not.stringContaining('\n') as string });
    expect(await service.get({}, localCall())).toEqual({ config: null, hasPassword: false });
  });

  it('says offline when the server cannot be reached', async () => {
    const status = await checkTeamServer({ config: { serverUrl: 'http://127.0.0.1:9', database: 'newsdesk', user: 'dana', memberName: 'Dana' }, password: 'x' });
    expect(status).toEqual({ state: 'offline', message: 'The team server 127.0.0.1:9 cannot be reached: offline, changes wait here.' });
  });

  it('names a server that does not answer as CouchDB, and any other failure, in one line', async () => {
    const team = { config: { serverUrl: 'https://couch.example.org', database: 'newsdesk', user: 'dana', memberName: 'Dana' }, password: 'x' };
    const asked: string[] = [];
    const answer = (response: Response) => (async (url: string | URL | Request) => (asked.push(String(url)), response)) as typeof fetch;
    expect(await checkTeamServer(team, { fetch: answer(new Response('<html>', { status: 200 })) })).toEqual({ state: 'failed', message: 'couch.example.org does not answer as a CouchDB server.' });
    expect(await checkTeamServer(team, { fetch: answer(new Response('', { status: 500, statusText: 'Internal Server Error' })) })).toEqual({ state: 'failed', message: 'The team server answered 500 Internal Server Error.' });
    expect(await checkTeamServer(team, { fetch: answer(Response.json({}, { status: 403 })) })).toMatchObject({ state: 'unauthorized' });
    expect(await checkTeamServer(team, { fetch: answer(new Response(null, { status: 301, headers: { Location: 'https://db.example.org/newsdesk' } })) })).toEqual({
      state: 'failed',
      message: 'The team server’s address leads elsewhere (https://db.example.org/newsdesk): give the address it leads to.',
    });
    expect(asked[0]).toBe('https://couch.example.org/newsdesk');
  });
});
