/**
 * A scratch pouchdb-server (in memory, on a free loopback port) whose databases stand for the team's database and
 * each member's local replica in unit tests of the team mirror, reached with the same PouchDB as the page
 * (its IndexedDB adapter does not run on fake-indexeddb; its HTTP adapter runs in Node).
 */
import './pouchdb-node';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import PouchDB from 'pouchdb-browser';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ReplicaServer {
  /** http://127.0.0.1:port */
  origin: string;
  database(name?: string): PouchDB.Database;
  close(): Promise<void>;
}

export async function startReplicaServer(): Promise<ReplicaServer> {
  const port = await freePort();
  // pouchdb-server writes its log into its working directory: a scratch one.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'targum-replicas-'));
  const child: ChildProcess = spawn(path.resolve('node_modules/.bin/pouchdb-server'), ['--in-memory', '-p', String(port), '-o', '127.0.0.1', '-n'], { cwd, stdio: 'ignore' });
  const origin = `http://127.0.0.1:${port}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if ((await fetch(`${origin}/`)).ok) break;
    } catch {
      if (attempt > 100) throw new Error('pouchdb-server did not start');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let count = 0;
  return {
    origin,
    database: (name) => new PouchDB(`${origin}/${name ?? `db-${(count += 1)}`}`),
    close: async () => {
      child.kill();
      rmSync(cwd, { recursive: true, force: true });
    },
  };
}

/** One replication pass each way, as the live replication makes when both sides are reachable. */
export async function syncReplicas(a: PouchDB.Database, b: PouchDB.Database): Promise<void> {
  await PouchDB.replicate(a, b);
  await PouchDB.replicate(b, a);
}
