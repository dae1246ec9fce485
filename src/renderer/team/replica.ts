/**
 * Between the library and the local replica (a PouchDB database in the page's IndexedDB): the outbox's changes go
 * in as team documents, and the replica's changes come out into the library. Takes any PouchDB database, so that
 * the tests run it on PouchDB's in-memory adapter.
 */
import type { Database, PouchDocument } from 'pouchdb-browser';
import type { TargumDatabase } from '../data/database';
import type { TeamOutboxRecord } from '../data/records';
import { correctionPrefix, readTeamDoc, type TeamDoc } from '../data/team-docs';
import { applyTeamDocs, markTeamWritten, readTeamCheckpoint, teamDocsFor, type ReceivedTeamDoc, type TeamCheckpoint } from '../data/team-mirror';
import { unwrittenTeamChanges } from '../data/team-outbox';

export type Replica = Database;

/** Outbox changes written into the replica at a time. */
const batchSize = 2000;
/** Replica changes taken into the library at a time, each batch in one transaction: a first sync brings 100,000s. */
const takeBatchSize = 10_000;

/** A document's content for comparison: everything but its revision, its author and date. */
function content(doc: object): string {
  const entries = Object.entries(doc).filter(([key]) => !['_rev', '_conflicts', '_revisions', 'by', 'at'].includes(key));
  return JSON.stringify(entries.sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * Writes the outbox's waiting changes into the replica as `by`'s, batch by batch, and marks them written. A change
 * that the replica has already (the same content) is written no more; a resolution also removes the conflicting
 * revisions it settled. Resolves to how many documents it wrote.
 */
export async function writeOutbox(db: TargumDatabase, replica: Replica, by: string): Promise<number> {
  let written = 0;
  for (;;) {
    const rows = await unwrittenTeamChanges(db, batchSize);
    if (rows.length === 0) return written;
    const wanted = await teamDocsFor(db, rows, by);
    const stored = await replica.allDocs({ keys: wanted.map(({ doc }) => doc._id), include_docs: true, conflicts: true });
    const writes: PouchDocument[] = [];
    const planned: Array<{ row: TeamOutboxRecord; index?: number }> = [];
    wanted.forEach(({ row, doc }, i) => {
      const current = stored.rows[i] as { value?: { rev: string; deleted?: boolean }; doc?: TeamDoc | null } | undefined;
      const deletedThere = !current?.value || current.value.deleted === true;
      const settles = (row.resolves ?? []).filter((rev) => current?.doc?._conflicts?.includes(rev));
      const same = doc._deleted ? deletedThere : !deletedThere && current?.doc != null && content(current.doc) === content(doc);
      for (const rev of settles) writes.push({ _id: doc._id, _rev: rev, _deleted: true });
      if (same && settles.length === 0) {
        planned.push({ row });
        return;
      }
      planned.push({ row, index: writes.length });
      writes.push({ ...doc, ...(current?.value ? { _rev: current.value.rev } : {}) });
    });
    const results = writes.length ? await replica.bulkDocs(writes) : [];
    const done = planned.map(({ row, index }) => {
      if (index === undefined) return { row, rev: undefined };
      const result = results[index] as { ok?: boolean; rev?: string; error?: unknown } | undefined;
      // A write that lost a race with the replication (a conflict) is tried again from the outbox.
      return result && 'rev' in result && result.rev ? { row, rev: result.rev } : { row, rev: 'retry' };
    });
    await markTeamWritten(db, done.filter(({ rev }) => rev !== 'retry'));
    written += done.filter(({ rev }) => rev !== undefined && rev !== 'retry').length;
    if (done.some(({ rev }) => rev === 'retry')) return written;
  }
}

/** The revisions of each document in conflict with its winning one. */
async function withConflicts(replica: Replica, docs: readonly TeamDoc[]): Promise<ReceivedTeamDoc[]> {
  const wanted = docs.flatMap((doc) => (doc._conflicts ?? []).map((rev) => ({ id: doc._id, rev })));
  const losers = new Map<string, TeamDoc[]>();
  if (wanted.length) {
    const answer = await replica.bulkGet({ docs: wanted });
    for (const result of answer.results) {
      for (const item of result.docs) {
        const doc = 'ok' in item ? readTeamDoc(item.ok) : undefined;
        if (doc) (losers.get(doc._id) ?? losers.set(doc._id, []).get(doc._id)!).push(doc);
      }
    }
  }
  return docs.map((doc) => ({ doc, conflicts: losers.get(doc._id) ?? [] }));
}

/**
 * Takes documents of the replica into the library with the replica's checkpoint, in one transaction; an article new
 * to this library then takes the corrections the replica had before it came. Resolves to how many entries changed.
 */
export async function takeIntoLibrary(db: TargumDatabase, replica: Replica, received: readonly ReceivedTeamDoc[], checkpoint: TeamCheckpoint): Promise<number> {
  const taken = await applyTeamDocs(db, received, checkpoint);
  let changed = taken.changed;
  for (const article of taken.arrived) {
    const prefix = correctionPrefix(article);
    const earlier = await replica.allDocs({ startkey: prefix, endkey: `${prefix}\ufff0`, include_docs: true, conflicts: true });
    const corrections = earlier.rows.flatMap((row) => {
      const doc = readTeamDoc(row.doc);
      return doc ? [doc] : [];
    });
    changed += (await applyTeamDocs(db, await withConflicts(replica, corrections))).changed;
  }
  return changed;
}

/**
 * Takes the replica's changes since the library last took them into the library, batch by batch, each batch with
 * its checkpoint in one transaction. Resolves to how many entries changed.
 */
export async function takeReplicaChanges(db: TargumDatabase, replica: Replica, replicaName: string): Promise<number> {
  let since = await readTeamCheckpoint(db, replicaName);
  let changed = 0;
  for (;;) {
    const batch = await replica.changes({ since, limit: takeBatchSize, include_docs: true, conflicts: true });
    if (batch.results.length === 0) return changed;
    const docs = batch.results.flatMap((result) => {
      const doc = readTeamDoc(result.doc);
      return doc ? [doc] : [];
    });
    changed += await takeIntoLibrary(db, replica, await withConflicts(replica, docs), { replica: replicaName, seq: batch.last_seq });
    since = batch.last_seq;
  }
}
