/**
 * Team sharing in the background: the local replica (PouchDB in the page's IndexedDB) replicates continuously, both
 * ways and with retry, with the team's database through the host's relay on the page's own origin; the library's
 * outbox goes into the replica and the replica's changes come into the library. The page never holds credentials:
 * the host adds them. `status` says what the Settings screen and the workbench's indicator show.
 */
import { liveQuery, type Subscription } from 'dexie';
import PouchDB, { type Changes, type Replication, type ReplicationOptions } from 'pouchdb-browser';
import indexedDbAdapter from 'pouchdb-adapter-indexeddb';
import type { TargumApi } from '../../common/api/contract';
import { teamRelayPath, teamTokenHeader, type TeamConfig, type TeamStatus } from '../../common/team/team-config';
import { runToken } from '../api/web-socket-channel';
import type { TargumDatabase } from '../data/database';
import { textHash } from '../data/team-docs';
import { joinTeamSpace, leaveTeamSpace, markTeamPushed } from '../data/team-mirror';
import { teamChangesWaiting } from '../data/team-outbox';
import { awaitsFirstSync, firstSyncByPages, unlessStopped, type FirstSyncEnd } from './first-sync';
import { takeReplicaChanges, writeOutbox, type Replica } from './replica';

export type TeamSyncState = 'off' | 'connecting' | 'syncing' | 'synced' | 'offline' | 'refused';

export interface TeamSyncStatus {
  state: TeamSyncState;
  /** Changes made here not yet on the team's server. */
  waiting: number;
  /** Why the server is not reached, in one line, when it is not. */
  message?: string;
  /** The first sync of this member: documents received of the team database's total. */
  firstSync?: { received: number; total: number };
}

/** The replica of one team space; another space (server or database) is another replica. */
export function replicaName(config: Pick<TeamConfig, 'serverUrl' | 'database'>): string {
  return `targum-team-${textHash(`${config.serverUrl}\n${config.database}`)}`;
}

PouchDB.plugin(indexedDbAdapter);

/**
 * The replica is kept with PouchDB's 'indexeddb' adapter, which writes a first sync several times faster than the
 * older 'idb' adapter that pouchdb-browser uses by default.
 */
const replicaAdapter = 'indexeddb';

/** The team's database on the page's own origin; on the web host every request carries the run's token, as a header. */
export function relayedTeamDatabase(): Replica {
  const url = new URL(teamRelayPath, window.location.href).href;
  const token = runToken();
  return new PouchDB(url, {
    skip_setup: true,
    fetch: (input, init) => {
      const headers = new Headers(init?.headers);
      if (token) headers.set(teamTokenHeader, token);
      return window.fetch(input, { ...init, headers, credentials: 'omit' });
    },
  });
}

/** Tries again within 10 s at most, so that changes go out soon after the server is back. */
const nextRetryDelay = (delay: number) => (delay === 0 ? 1000 : Math.min(delay * 2, 10_000));

const statusStates: Record<TeamStatus['state'], TeamSyncState> = {
  'not-configured': 'off',
  connected: 'syncing',
  offline: 'offline',
  unauthorized: 'refused',
  'no-database': 'refused',
  failed: 'refused',
};

export class TeamSync {
  private current: TeamSyncStatus = { state: 'off', waiting: 0 };
  private readonly listeners = new Set<() => void>();
  private running?: { stop: () => Promise<void> };

  constructor(
    private readonly db: TargumDatabase,
    private readonly api: TargumApi,
    private readonly openRemote: () => Replica = relayedTeamDatabase,
  ) {}

  get status(): TeamSyncStatus {
    return this.current;
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private update(change: Partial<TeamSyncStatus>): void {
    this.current = { ...this.current, ...change };
    for (const listener of this.listeners) listener();
  }

  /** Restarts, stops and leaves run one after another: a Save in Settings during start-up never runs two replications. */
  private turn: Promise<void> = Promise.resolve();

  private inTurn(work: () => Promise<void>): Promise<void> {
    const next = this.turn.then(work);
    this.turn = next.catch(() => undefined);
    return next;
  }

  /** Starts sharing with the team space the host has configured, if any (at start-up and after Settings → Team). */
  restart(): Promise<void> {
    return this.inTurn(async () => {
      await this.halt();
      let config: TeamConfig | null;
      try {
        config = (await this.api.team.get({})).config;
      } catch {
        config = null;
      }
      if (config) await this.start(config);
    });
  }

  stop(): Promise<void> {
    return this.inTurn(() => this.halt());
  }

  /** Stops sharing and forgets the team space's replica; the library keeps every entry. */
  leave(): Promise<void> {
    return this.inTurn(async () => {
      const config = (await this.api.team.get({}).catch(() => null))?.config;
      await this.halt();
      if (config) {
        await new PouchDB(replicaName(config), { adapter: replicaAdapter }).destroy();
      }
      await leaveTeamSpace(this.db);
    });
  }

  private async halt(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    await running?.stop();
    this.update({ state: 'off', waiting: 0, message: undefined, firstSync: undefined });
  }

  private async start(config: TeamConfig): Promise<void> {
    const name = replicaName(config);
    const local: Replica = new PouchDB(name, { adapter: replicaAdapter });
    const remote = this.openRemote();
    await joinTeamSpace(this.db, name);
    this.update({ state: 'connecting', message: undefined });

    const halted = new AbortController();
    const stopped = () => halted.signal.aborted;
    const subscriptions: Subscription[] = [];
    // One pass at a time of each direction; a request during a pass runs one more pass after it.
    const serial = (work: () => Promise<unknown>) => {
      let runningPass: Promise<void> | undefined;
      let again = false;
      const run = (): void => {
        if (stopped()) return;
        if (runningPass) {
          again = true;
          return;
        }
        runningPass = work()
          .then(() => undefined)
          .catch((error: unknown) => console.warn('Targum team sync:', error))
          .finally(() => {
            runningPass = undefined;
            if (again) {
              again = false;
              run();
            }
          });
      };
      return run;
    };
    subscriptions.push(liveQuery(() => teamChangesWaiting(this.db)).subscribe((waiting) => this.update({ waiting })));

    let checking = false;
    const explain = async () => {
      if (checking) return;
      checking = true;
      try {
        const answer = await this.api.team.check({});
        if (!stopped() && this.current.state !== 'synced' && this.current.state !== 'syncing') {
          this.update({ state: statusStates[answer.state], message: answer.message });
        }
      } catch {
        if (!stopped()) this.update({ state: 'offline', message: 'The team server cannot be reached.' });
      } finally {
        checking = false;
      }
    };
    let replication: { cancel: () => void } | undefined;
    let localChanges: Changes | undefined;
    /** Starts the replication; after a first sync by pages, from where the pages left each side. */
    const goLive = (end: FirstSyncEnd | undefined) => {
      const writeLocalChanges = serial(() => writeOutbox(this.db, local, config.memberName));
      const takeTeamChanges = serial(() => takeReplicaChanges(this.db, local, name));
      subscriptions.push(liveQuery(() => this.db.teamOutbox.filter((row) => row.rev === undefined).count()).subscribe((unwritten) => unwritten > 0 && writeLocalChanges()));
      localChanges = local.changes({ since: 'now', live: true }).on('change', takeTeamChanges);
      takeTeamChanges();
      replication = this.replicate(local, remote, end, stopped, explain);
    };
    // The first sync's pages before anything else writes to the replica or takes from it; a stop waits for the page being stored.
    const firstSync = awaitsFirstSync(local).then((awaits) => (awaits ? this.firstSyncByPages(local, remote, name, halted.signal, explain) : undefined));
    void firstSync.then((end) => !stopped() && goLive(end), (error: unknown) => console.warn('Targum team sync:', error));
    this.running = {
      stop: async () => {
        halted.abort();
        await firstSync.catch(() => undefined);
        replication?.cancel();
        localChanges?.cancel();
        for (const subscription of subscriptions) subscription.unsubscribe();
        await local.close().catch(() => undefined);
      },
    };
  }

  /** Follows one direction's changes: what went out waits no more, and what came in counts for the first sync. */
  private follow(side: 'push' | 'pull', replication: Replication): Replication {
    return replication
      .on('change', ({ docs }) => (side === 'push' ? void markTeamPushed(this.db, docs) : this.received(docs.length)))
      .on('denied', () => this.update({ state: 'refused', message: 'The team server refused a change.' }));
  }

  /**
   * The replication both ways, live and with retry; its events make the status. After a first sync by pages, one pass
   * each way from where the pages left (`since`, which a live replication would write again as its checkpoint at every
   * retry) brings the checkpoints there first; should it fail, the live replication starts from the checkpoints it has.
   */
  private replicate(local: Replica, remote: Replica, end: FirstSyncEnd | undefined, stopped: () => boolean, explain: () => Promise<void>): { cancel: () => void } {
    const batches = { batch_size: 10_000, batches_limit: 4 };
    const catchUp = end
      ? [this.follow('push', PouchDB.replicate(local, remote, { ...batches, since: end.pushFrom })), this.follow('pull', PouchDB.replicate(remote, local, { ...batches, since: end.pullFrom }))]
      : [];
    let live: Record<'push' | 'pull', Replication> | undefined;
    void Promise.allSettled(catchUp).then(() => {
      if (stopped()) return;
      const options: ReplicationOptions = { ...batches, live: true, retry: true, back_off_function: nextRetryDelay };
      live = { push: PouchDB.replicate(local, remote, options), pull: PouchDB.replicate(remote, local, options) };
      // Each direction on its own: both paused is synced, either failed is offline.
      const states: Record<'push' | 'pull', 'active' | 'paused' | 'failed'> = { push: 'active', pull: 'active' };
      const settle = () => {
        if (stopped()) return;
        if (states.push === 'failed' || states.pull === 'failed') {
          this.update({ state: 'offline', message: 'The team server cannot be reached.' });
          void explain();
        } else if (states.push === 'paused' && states.pull === 'paused') this.update({ state: 'synced', message: undefined, firstSync: undefined });
        else this.update({ state: 'syncing', message: undefined });
      };
      for (const side of ['push', 'pull'] as const) {
        this.follow(side, live[side])
          .on('active', () => {
            states[side] = 'active';
            settle();
          })
          .on('paused', (error?: unknown) => {
            states[side] = error ? 'failed' : 'paused';
            settle();
          })
          .on('error', () => {
            this.update({ state: 'offline' });
            void explain();
          });
      }
    });
    return {
      cancel: () => {
        for (const replication of [...catchUp, ...Object.values(live ?? {})]) replication.cancel();
      },
    };
  }

  /** Documents received in the first sync, shown until it is done (deleted ones, not in the total, come too). */
  private received(documents: number): void {
    const progress = this.current.firstSync;
    if (progress) this.update({ firstSync: { ...progress, received: Math.min(progress.total, progress.received + documents) } });
  }

  /** The first sync's pages, tried again while the server cannot be reached, as the replication would. */
  private async firstSyncByPages(local: Replica, remote: Replica, replicaName: string, signal: AbortSignal, explain: () => Promise<void>): Promise<FirstSyncEnd | undefined> {
    for (let delay = 0; !signal.aborted; ) {
      try {
        const infos = await unlessStopped(Promise.all([remote.info(), local.info()]), signal);
        if (!infos) return undefined;
        const [{ doc_count: total }, { doc_count: received }] = infos;
        // PouchDB answers a missing database's info with the server's error in place of the info.
        if (typeof total !== 'number') throw new Error('The team database did not answer with its info.');
        this.update({ state: 'syncing', message: undefined, firstSync: this.current.firstSync ?? { received: Math.min(received, total), total } });
        return await firstSyncByPages(this.db, local, remote, { replicaName, signal, onPage: (documents) => this.received(documents) });
      } catch (error) {
        if (signal.aborted) return undefined;
        console.warn('Targum team sync, first sync:', error);
        // What the server answered is for explain() to say (it leaves a refusal shown until then).
        if (this.current.state !== 'refused') this.update({ state: 'offline', message: 'The team server cannot be reached.' });
        void explain();
        delay = nextRetryDelay(delay);
        await unlessStopped(new Promise((resolve) => setTimeout(resolve, delay)), signal);
      }
    }
    return undefined;
  }
}
