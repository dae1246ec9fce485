/**
 * Team members in a unit test of the team mirror: each with a library of their own (fake IndexedDB) and a local
 * replica on one scratch replica server, all closed after each test; and one pass of the live replication for a
 * member, as the page makes it.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { TargumDatabase } from '../../src/renderer/data/database';
import { markTeamPushed } from '../../src/renderer/data/team-mirror';
import { takeReplicaChanges, writeOutbox, type Replica } from '../../src/renderer/team/replica';
import { startReplicaServer, syncReplicas, type ReplicaServer } from './replica-server';

export interface TeamMember {
  name: string;
  db: TargumDatabase;
  replica: Replica;
}

/** Registers the test file's hooks; `member` joins a new member, `database` is a new database on the server (the team's). */
export function teamMembers(prefix: string): { member(name: string): Promise<TeamMember>; database(): Replica } {
  const open: TeamMember[] = [];
  let replicas: ReplicaServer;
  beforeAll(async () => {
    replicas = await startReplicaServer();
  });
  afterAll(() => replicas.close());
  afterEach(async () => {
    for (const { db, replica } of open.splice(0)) {
      db.close();
      await replica.destroy();
    }
  });
  return {
    member: async (name) => {
      const db = new TargumDatabase(`${prefix}-${name}-${crypto.randomUUID()}`);
      await db.open();
      const joined = { name, db, replica: replicas.database() };
      open.push(joined);
      return joined;
    },
    database: () => replicas.database(),
  };
}

/** One pass of the live replication for a member: the outbox into the replica, a pass with the server, then the replica into the library. */
export async function syncMember(who: TeamMember, server: Replica): Promise<void> {
  await writeOutbox(who.db, who.replica, who.name);
  await syncReplicas(who.replica, server);
  const onServer = await server.allDocs();
  await markTeamPushed(who.db, onServer.rows.map((row) => ({ _id: row.id, _rev: row.value.rev })));
  await takeReplicaChanges(who.db, who.replica, 'replica');
}

/**
 * After changes the members made apart: each member's writes go into their own replica first, then
 * each syncs in turn and the first once more, so that every member has every version.
 */
export async function syncApart(server: Replica, members: readonly TeamMember[]): Promise<void> {
  for (const who of members) await writeOutbox(who.db, who.replica, who.name);
  for (const who of [...members, members[0]!]) await syncMember(who, server);
}
