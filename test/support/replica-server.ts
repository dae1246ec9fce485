/**
 * A scratch team server (in memory) whose databases stand for the team's database and each member's local replica
 * in unit tests of the team mirror, reached with the same PouchDB as the page (its HTTP adapter, in Node).
 */
import type { Database } from 'pouchdb-browser';
import { loadPouchDB } from './pouchdb';
import { startTeamServer } from './team-server';

export interface ReplicaServer {
  /** http://127.0.0.1:port */
  origin: string;
  /** A new database on the server (made at first use, as its admin). */
  database(name?: string): Database;
  close(): Promise<void>;
}

export async function startReplicaServer(): Promise<ReplicaServer> {
  const server = await startTeamServer({ inMemory: true });
  const PouchDB = loadPouchDB();
  const auth = { username: server.admin.user, password: server.admin.password };
  let count = 0;
  return {
    origin: server.url,
    database: (name) => new PouchDB(`${server.url}/${name ?? `db-${(count += 1)}`}`, { auth }),
    close: () => server.close(),
  };
}

/** One replication pass each way, as the live replication makes when both sides are reachable. */
export async function syncReplicas(a: Database, b: Database): Promise<void> {
  const PouchDB = loadPouchDB();
  await PouchDB.replicate(a, b);
  await PouchDB.replicate(b, a);
}
