/** The tests' replication server (test/support/team-server.ts) does what the team tests rely on. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { startTeamServer } from '../../support/team-server';

const member = (server: { member: { user: string; password: string } }, password = server.member.password) => ({
  Authorization: `Basic ${Buffer.from(`${server.member.user}:${password}`).toString('base64')}`,
});

describe('the team server for tests', () => {
  it('answers the member, refuses a wrong password, and starts empty again when in memory, with its member and database', async () => {
    const server = await startTeamServer({ inMemory: true, database: 'desk' });
    try {
      const database = `${server.url}/desk`;
      expect((await fetch(database, { headers: member(server) })).status).toBe(200);
      expect((await fetch(database, { headers: member(server, 'wrong') })).status).toBe(401);
      expect((await fetch(database)).status).toBe(401);
      await fetch(`${database}/gloss`, { method: 'PUT', headers: { ...member(server), 'Content-Type': 'application/json' }, body: '{"gloss":"x"}' });
      await server.stop();
      expect(server.running).toBe(false);
      await expect(fetch(database)).rejects.toThrow();
      await server.start();
      expect((await fetch(`${database}/gloss`, { headers: member(server) })).status).toBe(404);
      expect((await fetch(database, { headers: member(server, 'wrong') })).status).toBe(401);
    } finally {
      await server.close();
    }
    expect(existsSync(path.join(sourceRootDir, 'log.txt'))).toBe(false);
    expect(existsSync(path.join(sourceRootDir, 'config.json'))).toBe(false);
  });

  it('keeps its documents across a stop and a start on the same port', async () => {
    const server = await startTeamServer();
    try {
      const doc = `${server.url}/${server.database}/gloss`;
      await fetch(doc, { method: 'PUT', headers: { ...member(server), 'Content-Type': 'application/json' }, body: '{"gloss":"kept"}' });
      await server.stop();
      await server.start();
      expect(await (await fetch(doc, { headers: member(server) })).json()).toMatchObject({ gloss: 'kept' });
    } finally {
      await server.close();
    }
  });
});
