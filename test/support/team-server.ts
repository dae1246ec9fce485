/**
 * A team's replication server for tests: `pouchdb-server` (it speaks CouchDB's replication protocol) on a
 * free loopback port, with an admin, one database and a member whose credentials the database requires,
 * as a team sets up CouchDB. It keeps its data in a temporary folder (LevelDOWN), so `stop()` and `start()`
 * bring back the same server on the same port with the same documents; `inMemory` starts it empty each
 * time (the database and member are then made again). Its log and config files stay in that folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { sourceRootDir } from '../../src/node/app-metadata';

export interface TeamServerAccount {
  user: string;
  password: string;
}

export interface TeamServerOptions {
  /** The team's database; made at start. */
  database?: string;
  /** A user of the database, named in its `_security` members: without their password it answers 401. */
  member?: TeamServerAccount;
  /** Keep nothing on disk: a restart starts empty. */
  inMemory?: boolean;
}

export interface TeamServer {
  /** http://127.0.0.1:PORT, the address to configure in Targum. */
  url: string;
  port: number;
  database: string;
  member: TeamServerAccount;
  admin: TeamServerAccount;
  /** Whether the server is running now. */
  readonly running: boolean;
  /** Stops the server; its data stays (unless in memory). */
  stop(): Promise<void>;
  /** Starts it again on the same port. */
  start(): Promise<void>;
  /** A request to the server as its admin (`path` from the server's root, such as `/targum-team/_all_docs`). */
  asAdmin(path: string, init?: RequestInit): Promise<Response>;
  /** Makes another database, open to the given members. */
  createDatabase(name: string, members?: readonly string[]): Promise<void>;
  /** Adds a user to the server's `_users` database. */
  addUser(account: TeamServerAccount): Promise<void>;
  /** Stops the server and removes its folder. */
  close(): Promise<void>;
}

const serverScript = path.join(sourceRootDir, 'node_modules', 'pouchdb-server', 'bin', 'pouchdb-server');

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const basic = ({ user, password }: TeamServerAccount) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

export async function startTeamServer(options: TeamServerOptions = {}): Promise<TeamServer> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-team-server-'));
  const dataDir = path.join(folder, 'data');
  mkdirSync(dataDir);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const database = options.database ?? 'targum-team';
  const member = options.member ?? { user: 'member', password: 'member-secret' };
  const admin = { user: 'admin', password: 'admin-secret' };
  let child: ChildProcess | undefined;
  let output = '';
  let adminMade = false;

  const asAdmin = (where: string, init: RequestInit = {}) =>
    fetch(`${url}${where}`, { ...init, headers: { 'Content-Type': 'application/json', Authorization: basic(admin), ...init.headers } });
  const expectOk = async (response: Promise<Response>, what: string) => {
    const answered = await response;
    if (!answered.ok) throw new Error(`team server: ${what} answered ${answered.status} ${await answered.text()}`);
  };

  async function addUser(account: TeamServerAccount): Promise<void> {
    const body = JSON.stringify({ name: account.user, password: account.password, roles: [], type: 'user' });
    await expectOk(asAdmin(`/_users/org.couchdb.user:${encodeURIComponent(account.user)}`, { method: 'PUT', body }), `adding user ${account.user}`);
  }

  async function createDatabase(name: string, members: readonly string[] = [member.user]): Promise<void> {
    await expectOk(asAdmin(`/${encodeURIComponent(name)}`, { method: 'PUT' }), `creating ${name}`);
    // With members named, the database answers only them (and the admin): 401 to anyone else.
    const security = { admins: { names: [], roles: [] }, members: { names: members, roles: [] } };
    await expectOk(asAdmin(`/${encodeURIComponent(name)}/_security`, { method: 'PUT', body: JSON.stringify(security) }), `securing ${name}`);
  }

  async function waitUntilAnswering(): Promise<void> {
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (!child || child.exitCode !== null) throw new Error(`pouchdb-server exited: ${output.slice(-2000)}`);
      const answered = await fetch(`${url}/`).then(
        (response) => response.ok,
        () => false,
      );
      if (answered) return;
      if (Date.now() > deadline) throw new Error(`pouchdb-server did not answer on ${url} within 30 s: ${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function start(): Promise<void> {
    if (child) return;
    const storage = options.inMemory ? ['--in-memory'] : ['--dir', dataDir];
    // Run in its own folder: pouchdb-server writes log.txt and config.json (the admins) where it runs.
    child = spawn(process.execPath, [serverScript, '--port', String(port), '--host', '127.0.0.1', '--no-stdout-logs', ...storage], {
      cwd: folder,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // A test process that ends without close() takes its server and its folder with it.
    process.once('exit', killOnExit);
    const keep = (data: Buffer) => (output = (output + data.toString('utf8')).slice(-10_000));
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    await waitUntilAnswering();
    if (adminMade && !options.inMemory) return;
    // The admin lives in config.json, which outlives an in-memory server's restart.
    if (!adminMade) await expectOk(fetch(`${url}/_config/admins/${admin.user}`, { method: 'PUT', body: JSON.stringify(admin.password) }), 'adding the admin');
    await addUser(member);
    await createDatabase(database);
    adminMade = true;
  }

  function killOnExit(): void {
    child?.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  }

  async function stop(): Promise<void> {
    const running = child;
    if (!running) return;
    child = undefined;
    process.off('exit', killOnExit);
    if (running.exitCode === null) {
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    }
  }

  await start().catch(async (error: unknown) => {
    await stop();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  });
  return {
    url,
    port,
    database,
    member,
    admin,
    get running() {
      return child !== undefined;
    },
    stop,
    start,
    asAdmin,
    createDatabase,
    addUser,
    close: async () => {
      await stop();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
