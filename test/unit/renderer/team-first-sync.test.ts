import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteGloss, putGloss } from '../../../src/renderer/data/glosses';
import type { GlossRecord, MemoryRecord } from '../../../src/renderer/data/records';
import { glossDocId } from '../../../src/renderer/data/team-docs';
import { resolveGlossConflict } from '../../../src/renderer/data/team-mirror';
import { memoryChange, queueTeamChanges, teamChangesWaiting } from '../../../src/renderer/data/team-outbox';
import { addMemoryPairs, deleteMemoryEntries } from '../../../src/renderer/data/memory';
import { awaitsFirstSync, firstSyncByPages } from '../../../src/renderer/team/first-sync';
import { takeReplicaChanges, writeOutbox, type Replica } from '../../../src/renderer/team/replica';
import { memoryKey } from '../../../src/common/text/memory-key';
import { loadPouchDB } from '../../support/pouchdb';
import { syncMember as sync, teamMembers, type TeamMember } from '../../support/team-members';

const { member, database } = teamMembers('first-sync');

const gloss = (surface: string, meaning: string): GlossRecord => ({ key: surface, surface, language: 'he', meaning, createdAt: 1 });

async function confirm(who: TeamMember, source: string, target: string): Promise<void> {
  const entry: MemoryRecord = { sourceKey: memoryKey('he', source), language: 'he', source, target, origin: 'confirmed', standing: 'reviewed', updatedAt: 1 };
  await who.db.transaction('rw', who.db.memory, who.db.teamOutbox, async () => {
    await who.db.memory.add(entry);
    await queueTeamChanges(who.db, [memoryChange(entry)]);
  });
}

/** A team database with five glosses (one edited apart by two members, so in conflict), three memory entries and one deleted. */
async function teamSpace(): Promise<{ server: Replica; dana: TeamMember; omar: TeamMember }> {
  const server = database();
  const dana = await member('Dana');
  const omar = await member('Omar');
  for (const [surface, meaning] of [
    ['צבא', 'army'],
    ['עיר', 'city'],
    ['סגר', 'closure'],
    ['בקשה', 'request'],
    ['ארגון', 'organisation'],
  ]) {
    await putGloss(dana.db, gloss(surface!, meaning!));
  }
  await confirm(dana, 'הצבא נכנס לעיר.', 'The army entered the city.');
  await confirm(dana, 'הצבא הודיע על סגר.', 'The army announced a closure.');
  await confirm(dana, 'ארגון מסר בקשה.', 'An organisation made a request.');
  await confirm(dana, 'משפט שנמחק.', 'A sentence deleted.');
  await sync(dana, server);
  await sync(omar, server);
  const deleted = await dana.db.memory.where('sourceKey').equals(memoryKey('he', 'משפט שנמחק.')).first();
  await deleteMemoryEntries(dana.db, [deleted!.id!]);
  // Apart, Dana and Omar give the army another meaning each.
  for (const [who, meaning] of [
    [dana, 'the army'],
    [omar, 'armed forces'],
  ] as const) {
    const army = (await who.db.glosses.where('key').equals('צבא').first())!;
    await putGloss(who.db, { ...army, meaning });
    await writeOutbox(who.db, who.replica, who.name);
  }
  await sync(dana, server);
  await sync(omar, server);
  return { server, dana, omar };
}

const meanings = async (who: TeamMember) => {
  const army = (await who.db.glosses.where('key').equals('צבא').first())!;
  return [army.meaning, ...(army.team?.conflicts ?? []).map((version) => version.content.meaning)].sort();
};

describe("a new member's first sync by pages", () => {
  it('brings every entry with both versions of a conflict, and the deletions, and leaves the replication nothing to fetch', async () => {
    const { server } = await teamSpace();
    const lea = await member('Lea');
    expect(await awaitsFirstSync(lea.replica)).toBe(true);
    const pages: number[] = [];
    await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3, onPage: (documents) => pages.push(documents) });

    // Nine documents in the team's changes feed, three to a page: eight entries and a deleted one (not counted).
    expect(pages).toEqual([3, 3, 2, 0]);
    expect(await awaitsFirstSync(lea.replica)).toBe(false);
    expect(await lea.db.glosses.count()).toBe(5);
    expect((await lea.db.memory.toArray()).map((entry) => entry.target).sort()).toEqual(['An organisation made a request.', 'The army announced a closure.', 'The army entered the city.']);
    expect(await meanings(lea)).toEqual(['armed forces', 'the army']);
    expect(await teamChangesWaiting(lea.db)).toBe(0);

    // The replication then finds every revision present, the deletion's too: it fetches nothing.
    const PouchDB = loadPouchDB();
    const pulled = await PouchDB.replicate(server, lea.replica);
    expect(pulled.docs_written).toBe(0);
    const pushed = await PouchDB.replicate(lea.replica, server);
    expect(pushed.docs_written).toBe(0);
    // Nothing new for the library: the pages are its checkpoint.
    expect(await takeReplicaChanges(lea.db, lea.replica, 'replica')).toBe(0);
  });

  it('hands the replication on where the pages left each side: what changed on the server since the first page comes, and nothing else', async () => {
    const { server, dana } = await teamSpace();
    const lea = await member('Lea');
    const end = await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3 });
    expect(end).toBeDefined();
    // Once done, the pages hand on nothing more.
    expect(await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3 })).toBeUndefined();

    await putGloss(dana.db, gloss('שר', 'minister'));
    await sync(dana, server);
    await putGloss(lea.db, gloss('ממשלה', 'government'));
    await writeOutbox(lea.db, lea.replica, 'Lea');
    const PouchDB = loadPouchDB();
    const pulled = await PouchDB.replicate(server, lea.replica, { since: end!.pullFrom });
    const pushed = await PouchDB.replicate(lea.replica, server, { since: end!.pushFrom });
    expect([pulled.docs_written, pushed.docs_written]).toEqual([1, 1]);
    await takeReplicaChanges(lea.db, lea.replica, 'replica');
    expect((await lea.db.glosses.toArray()).map((entry) => entry.surface).sort()).toEqual(['ארגון', 'בקשה', 'ממשלה', 'סגר', 'עיר', 'צבא', 'שר']);
    await sync(dana, server);
    expect(await dana.db.glosses.where('key').equals('ממשלה').count()).toBe(1);
  });

  it("merges the team's entries into those the new member's library has already, and adds the rest", async () => {
    const { server } = await teamSpace();
    const lea = await member('Lea');
    // An imported reference for one of the team's sentences: it stays one entry, the team's.
    await addMemoryPairs(lea.db, [{ language: 'he', source: 'הצבא נכנס לעיר.', target: 'Troops entered the town.' }], { fileName: 'old.tmx' });
    await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3 });
    const entries = await lea.db.memory.toArray();
    expect(entries.map((entry) => entry.target).sort()).toEqual(['An organisation made a request.', 'The army announced a closure.', 'The army entered the city.']);
    expect(entries.find((entry) => entry.source === 'הצבא נכנס לעיר.')).toMatchObject({ origin: 'confirmed', team: { by: 'Dana' } });
  });

  it('is followed by the live replication: a later deletion reaches the new member, and the conflict settled by her reaches the others', async () => {
    const { server, dana, omar } = await teamSpace();
    const lea = await member('Lea');
    await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 4 });
    await sync(lea, server);

    const city = (await dana.db.glosses.where('key').equals('עיר').first())!;
    await deleteGloss(dana.db, city.id!);
    await sync(dana, server);
    await sync(lea, server);
    expect(await lea.db.glosses.where('key').equals('עיר').count()).toBe(0);

    // The revisions the pages stored (without their history) take the resolution as any other.
    const army = (await lea.db.glosses.where('key').equals('צבא').first())!;
    await resolveGlossConflict(lea.db, army.id!, { surface: 'צבא', meaning: 'the army (armed forces)' });
    await sync(lea, server);
    await sync(dana, server);
    await sync(omar, server);
    for (const who of [lea, dana, omar]) expect(await meanings(who)).toEqual(['the army (armed forces)']);
    expect((await server.get(glossDocId('he', 'צבא'), { conflicts: true }))._conflicts).toBeUndefined();
  });

  it('goes on after a stop from the last page stored, and gives way to the replication once anything else wrote to the replica', async () => {
    const { server, dana } = await teamSpace();
    const lea = await member('Lea');
    const stop = new AbortController();
    await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3, signal: stop.signal, onPage: () => stop.abort() });
    expect(await lea.db.glosses.count()).toBe(3);
    expect(await awaitsFirstSync(lea.replica)).toBe(true);

    // Meanwhile Dana changes a gloss the first page brought: it comes again in the feed, and the replication brings it.
    const city = (await dana.db.glosses.where('key').equals('עיר').first())!;
    await putGloss(dana.db, { ...city, meaning: 'town' });
    await sync(dana, server);

    const pages: number[] = [];
    await firstSyncByPages(lea.db, lea.replica, server, { replicaName: 'replica', pageSize: 3, onPage: (documents) => pages.push(documents) });
    // The changed gloss comes last, and is left to the replication.
    expect(pages).toEqual([3, 2, 0]);
    expect(await lea.db.glosses.count()).toBe(5);
    expect(await lea.db.memory.count()).toBe(3);
    await sync(lea, server);
    const leasCity = (await lea.db.glosses.where('key').equals('עיר').first())!;
    expect([leasCity.meaning, leasCity.team?.conflicts]).toEqual(['town', undefined]);

    // Omar's replica, stopped after a page, then written by his outbox: the pages stop there and the replication brings the rest.
    const omar = await member('Omar2');
    const first = new AbortController();
    await firstSyncByPages(omar.db, omar.replica, server, { replicaName: 'replica', pageSize: 3, signal: first.signal, onPage: () => first.abort() });
    await putGloss(omar.db, gloss('מילה', 'word'));
    await writeOutbox(omar.db, omar.replica, 'Omar');
    const more: number[] = [];
    await firstSyncByPages(omar.db, omar.replica, server, { replicaName: 'replica', pageSize: 3, onPage: (documents) => more.push(documents) });
    expect(more).toEqual([]);
    expect(await awaitsFirstSync(omar.replica)).toBe(false);
    await sync(omar, server);
    expect(await omar.db.glosses.count()).toBe(6);
    expect(await omar.db.memory.count()).toBe(3);
    expect(await meanings(omar)).toEqual(['armed forces', 'the army']);
  });
});
