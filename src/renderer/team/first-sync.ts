/**
 * A new member's first sync by pages ("initial load"): while the replica is new, the team database's documents come
 * a page at a time from its changes feed with their content (`_changes?include_docs=true`: one quick request each,
 * where the replicator would ask for the same documents with `_revs_diff` and `_bulk_get`), in the order the team
 * made them, deletions included; they are stored in the replica with their revisions as they are (`new_edits:
 * false`, as the replicator stores them), and go into the library at once, each page with the replica's sequence as
 * the library's checkpoint. The revisions in conflict with a page's documents are fetched with the page, so that a
 * conflict shows. The replication then starts where the pages left each side (`FirstSyncEnd`): it pulls what changed
 * on the team's server since the first page was asked for (a document changed meanwhile comes that way, with its
 * history, and not again in a page; so do documents with attachments, which a page gives only as stubs), and pushes
 * what was written to the replica after the pages.
 *
 * A mark in the replica (a `_local` document, which never replicates) records how far the pages came, so that a
 * reload goes on from there. It goes on only while nothing else has written to the replica: a revision stored
 * without its history beside another revision of the same document would look like a conflict.
 */
import type { PouchDocument } from 'pouchdb-browser';
import type { TargumDatabase } from '../data/database';
import { readTeamDoc, type TeamDoc } from '../data/team-docs';
import type { ReceivedTeamDoc } from '../data/team-mirror';
import { takeIntoLibrary, type Replica } from './replica';

/** Documents asked for at a time: one request, one write into the replica and one into the library. */
const defaultPageSize = 10_000;

const markId = '_local/targum-first-sync';

interface FirstSyncMark {
  /** The team database's sequence before the first page: the pull goes on from there. */
  teamSeq?: number | string;
  /** The team database's changes feed as far as the pages came. */
  since?: number | string;
  /** The replica's sequence after the last page: anything else written to the replica moves it on. */
  seq: number | string;
  done: boolean;
}

async function readMark(replica: Replica): Promise<(FirstSyncMark & { _rev: string }) | undefined> {
  try {
    return (await replica.get(markId)) as unknown as FirstSyncMark & { _rev: string };
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined;
    throw error;
  }
}

async function writeMark(replica: Replica, mark: FirstSyncMark): Promise<void> {
  const current = await readMark(replica);
  await replica.put({ _id: markId, ...(current ? { _rev: current._rev } : {}), ...mark });
}

/** Whether the replica still waits for its first sync: it is new, or its pages were left off. */
export async function awaitsFirstSync(replica: Replica): Promise<boolean> {
  const mark = await readMark(replica);
  return mark ? !mark.done : (await replica.info()).doc_count === 0;
}

/** The documents of a page that can be stored as they came: an attachment comes only as a stub in `_all_docs`. */
const storable = (doc: PouchDocument | null | undefined): doc is PouchDocument => doc != null && !('_attachments' in doc);

function withoutConflicts({ _conflicts: _, ...doc }: PouchDocument): PouchDocument {
  return doc;
}

/** The revisions in conflict with the page's documents, with their histories. */
async function losingRevisions(remote: Replica, docs: readonly PouchDocument[]): Promise<PouchDocument[]> {
  const wanted = docs.flatMap((doc) => (doc._conflicts ?? []).map((rev) => ({ id: doc._id, rev })));
  if (wanted.length === 0) return [];
  const answer = await remote.bulkGet({ docs: wanted, revs: true });
  return answer.results.flatMap((result) => result.docs.flatMap((item) => (storable(item.ok) ? [item.ok] : [])));
}

function received(winners: readonly PouchDocument[], losers: readonly PouchDocument[]): ReceivedTeamDoc[] {
  const conflicts = new Map<string, TeamDoc[]>();
  for (const loser of losers) {
    const doc = readTeamDoc(loser);
    if (doc) conflicts.set(doc._id, [...(conflicts.get(doc._id) ?? []), doc]);
  }
  return winners.flatMap((winner) => {
    const doc = readTeamDoc(winner);
    return doc ? [{ doc, conflicts: conflicts.get(doc._id) ?? [] }] : [];
  });
}

export interface FirstSyncOptions {
  /** The library's name for the replica (its checkpoint's key). */
  replicaName: string;
  /** Documents a page (10,000). */
  pageSize?: number;
  /** Called after each page, with how many documents it stored (deletions not counted, as in the database's count). */
  onPage?: (documents: number) => void;
  /** The sync was stopped: no more pages, and no wait for the server's answer. */
  signal?: AbortSignal;
}

/** A request's answer, or undefined as soon as the sync is stopped (a stop waits for no server). */
export function unlessStopped<T>(request: Promise<T>, signal: AbortSignal | undefined): Promise<T | undefined> {
  if (!signal) return request;
  if (signal.aborted) return Promise.resolve(undefined);
  return new Promise<T | undefined>((resolve, reject) => {
    const stop = () => resolve(undefined);
    signal.addEventListener('abort', stop, { once: true });
    request.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

/** Where the replication starts after the pages: every change up to these sequences is on both sides. */
export interface FirstSyncEnd {
  /** The team database's sequence before the first page. */
  pullFrom: number | string;
  /** The replica's sequence after the last page. */
  pushFrom: number | string;
}

/**
 * Stores the team database's documents in a replica that awaits its first sync, and in the library, page by page;
 * does nothing once done, or when the replica has been written otherwise. Resolves, when it stored the last page, to
 * where the replication can start. Rejects when the server cannot be reached (called again, it goes on from the last
 * page stored).
 */
export async function firstSyncByPages(db: TargumDatabase, local: Replica, remote: Replica, options: FirstSyncOptions): Promise<FirstSyncEnd | undefined> {
  const mark = await readMark(local);
  if (mark?.done) return undefined;
  const { update_seq: seq, doc_count: count } = await local.info();
  if (mark ? mark.seq !== seq : count > 0) {
    await writeMark(local, { seq, done: true });
    return undefined;
  }
  const { signal, pageSize = defaultPageSize } = options;
  const fetchPage = (since: number | string) => {
    const page = remote.changes({ since, limit: pageSize, batch_size: pageSize, include_docs: true, conflicts: true });
    // Asked for while the page before is written; its failure is met when it is awaited.
    page.catch(() => undefined);
    return page;
  };
  const teamSeq = mark?.teamSeq ?? (await remote.info()).update_seq;
  // PouchDB answers a missing database's info with the server's error in place of the info.
  if (teamSeq === undefined) throw new Error('The team database did not answer with its sequence.');
  let next = fetchPage(mark?.since ?? 0);
  // A document changed while the pages are read comes again later in the feed: its first revision stays, and the
  // replication brings the new one with its history. Going on after a reload, the replica says what it has already.
  const taken = new Set<string>();
  const resumed = mark !== undefined;
  // The library takes a page while the replica stores it, with the replica's sequence before the page as its
  // checkpoint: should the replica fail to store the page, the library has taken no more than the checkpoint says.
  let stored = seq;
  for (;;) {
    const page = await unlessStopped(next, signal);
    if (!page) return undefined;
    const done = page.results.length < pageSize;
    if (!done) next = fetchPage(page.last_seq);
    let winners = page.results.map((change) => change.doc).filter(storable).filter((doc) => !taken.has(doc._id));
    if (resumed && winners.length) {
      const there = await local.allDocs({ keys: winners.map((doc) => doc._id) });
      winners = winners.filter((_, index) => !there.rows[index]?.value);
    }
    const losers = await unlessStopped(losingRevisions(remote, winners), signal);
    if (!losers) return undefined;
    await Promise.all([
      local.bulkDocs([...winners.map(withoutConflicts), ...losers], { new_edits: false }),
      takeIntoLibrary(db, local, received(winners, losers), { replica: options.replicaName, seq: stored }),
    ]);
    for (const doc of winners) taken.add(doc._id);
    ({ update_seq: stored } = await local.info());
    await writeMark(local, { teamSeq, since: page.last_seq, seq: stored, done });
    options.onPage?.(winners.filter((doc) => !doc._deleted).length);
    if (done) break;
  }
  await takeIntoLibrary(db, local, [], { replica: options.replicaName, seq: stored });
  return { pullFrom: teamSeq, pushFrom: stored };
}
