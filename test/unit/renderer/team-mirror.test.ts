import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteGloss, putGloss } from '../../../src/renderer/data/glosses';
import { deleteMemoryEntries, restoreMemoryEntries, addMemoryPairs } from '../../../src/renderer/data/memory';
import type { AlignmentContent, GlossRecord, MemoryRecord } from '../../../src/renderer/data/records';
import { alignmentDocId, correctionDocId, glossDocId, memoryDocId, readTeamDoc, textHash, type TeamDoc } from '../../../src/renderer/data/team-docs';
import { applyTeamDocs, resolveAlignmentConflict, resolveCorrectionConflict, resolveGlossConflict, resolveMemoryConflict } from '../../../src/renderer/data/team-mirror';
import { memoryChange, queueTeamChanges, shareArticle, teamChangesWaiting } from '../../../src/renderer/data/team-outbox';
import { addArticle, prepareArticle, type PreparedArticle } from '../../../src/renderer/data/articles';
import { saveSegment } from '../../../src/renderer/data/article-changes';
import { storeTranslations } from '../../../src/renderer/data/translations';
import { newestBySource, segmentState } from '../../../src/renderer/data/segment-state';
import { deleteArticle, restoreArticle } from '../../../src/renderer/data/delete-article';
import { addAlignedArticles, updateAlignment } from '../../../src/renderer/data/alignments';
import { saveLinks, undoLinks } from '../../../src/renderer/alignment/alignment-store';
import type { Replica } from '../../../src/renderer/team/replica';
import { memoryKey } from '../../../src/common/text/memory-key';
import { syncApart, syncMember as sync, teamMembers, type TeamMember } from '../../support/team-members';

const { member, database: memoryReplica } = teamMembers('team');

const army = (meaning: string): GlossRecord => ({ key: 'צבא', surface: 'צבא', language: 'he', meaning, createdAt: 1 });

function confirmed(source: string, target: string): MemoryRecord {
  return { sourceKey: memoryKey('he', source), language: 'he', source, target, origin: 'confirmed', standing: 'reviewed', updatedAt: 1 };
}

/** Dana's article aligned with its English, shared with the team; both members synced. Resolves to Dana's ids. */
async function shareAligned(server: Replica, dana: TeamMember, omar: TeamMember, source: PreparedArticle, target: PreparedArticle, content: AlignmentContent) {
  const ids = await addAlignedArticles(dana.db, source, target, content);
  await shareArticle(dana.db, ids.sourceId);
  await sync(dana, server);
  await sync(omar, server);
  return ids;
}

const sourceSentences = ['ארגון דאעש מסר היום בקשה.', 'הצבא הודיע על סגר.'];
const targetSentences = ['ISIS made a request today.', 'The army announced a closure.'];
const machine = [
  { source: [0], target: [0], confidence: 0.4, manual: false },
  { source: [1], target: [1], confidence: 0.4, manual: false },
];

/** Dana and Omar, with Dana's two sentences aligned one to one with their English by the machine, shared and synced to both. */
async function sharedClosureAlignment() {
  const server = memoryReplica();
  const dana = await member('Dana');
  const omar = await member('Omar');
  const hebrew = prepareArticle({ text: sourceSentences.join(' '), origin: 'paste', title: 'בקשה וסגר' });
  const english = prepareArticle({ text: targetSentences.join(' '), origin: 'paste', language: 'en', title: 'Request and closure' });
  await shareAligned(server, dana, omar, hebrew, english, { links: machine, sourceSentences, targetSentences });
  return { server, dana, omar };
}

describe('team document ids', () => {
  it('are the same for every member who adds the same entry, and differ between entries', () => {
    expect(glossDocId('he', 'צבא')).toBe('gloss:he:צבא');
    expect(glossDocId('ar', 'جيش')).not.toBe(glossDocId('he', 'جيش'));
    // A memory entry is keyed by its normalised source: the same sentence with or without its full stop meets.
    expect(memoryDocId(memoryKey('he', 'הצבא נכנס לעיר.'))).toBe(memoryDocId(memoryKey('he', 'הצבא נכנס לעיר')));
    expect(memoryDocId(memoryKey('he', 'הצבא נכנס לעיר'))).not.toBe(memoryDocId(memoryKey('he', 'הצבא יצא מהעיר')));
    expect(textHash('a')).toMatch(/^[0-9a-f]{32}$/);
    const hashes = new Set(Array.from({ length: 20_000 }, (_, i) => textHash(`he:sentence ${i}`)));
    expect(hashes.size).toBe(20_000);
  });

  it('refuse a document that does not match its id or lacks its fields', () => {
    const doc = { _id: 'gloss:he:צבא', type: 'gloss', language: 'he', key: 'צבא', surface: 'צבא', meaning: 'army', by: 'Dana', at: 5 };
    expect(readTeamDoc(doc)).toMatchObject({ meaning: 'army' });
    expect(readTeamDoc({ ...doc, _id: 'gloss:he:other' })).toBeUndefined();
    expect(readTeamDoc({ ...doc, language: 'xx' })).toBeUndefined();
    expect(readTeamDoc({ ...doc, meaning: 7 })).toBeUndefined();
  });
});

describe('the team mirror between two libraries', () => {
  it('carries a gloss and a confirmed memory entry to the other member, with who made them, without echoing them back', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    await putGloss(dana.db, army('army'));
    await dana.db.memory.add(confirmed('הצבא נכנס לעיר.', 'The army entered the city.'));
    // Written straight to the table, the entry is not queued; deleted and restored through the repository, it is.
    const [entry] = await dana.db.memory.toArray();
    await deleteMemoryEntries(dana.db, [entry!.id!]);
    await restoreMemoryEntries(dana.db, [entry!]);
    // An imported reference stays in its library.
    await addMemoryPairs(dana.db, [{ language: 'he', source: 'משפט מיובא', target: 'An imported sentence' }], { fileName: 'old.tmx' });
    expect(await teamChangesWaiting(dana.db)).toBe(2);

    await sync(dana, server);
    expect(await teamChangesWaiting(dana.db)).toBe(0);
    await sync(omar, server);

    const [gloss] = await omar.db.glosses.toArray();
    expect(gloss).toMatchObject({ key: 'צבא', meaning: 'army', team: { by: 'Dana' } });
    const memory = await omar.db.memory.toArray();
    expect(memory).toHaveLength(1);
    expect(memory[0]).toMatchObject({ source: 'הצבא נכנס לעיר.', target: 'The army entered the city.', origin: 'confirmed', standing: 'reviewed', team: { by: 'Dana' } });
    // What came from the team is not queued to go back.
    expect(await teamChangesWaiting(omar.db)).toBe(0);
    expect((await server.allDocs()).total_rows).toBe(2);
  });

  it('replicates a deletion and the undo of a deletion', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    await dana.db.memory.add(confirmed('הצבא נכנס לעיר.', 'The army entered the city.'));
    const [entry] = await dana.db.memory.toArray();
    await deleteMemoryEntries(dana.db, [entry!.id!]);
    await restoreMemoryEntries(dana.db, [entry!]);
    await putGloss(dana.db, army('army'));
    await sync(dana, server);
    await sync(omar, server);
    expect(await omar.db.glosses.count()).toBe(1);

    const [danaGloss] = await dana.db.glosses.toArray();
    await deleteGloss(dana.db, danaGloss!.id!);
    const gone = await deleteMemoryEntries(dana.db, [(await dana.db.memory.toArray())[0]!.id!]);
    await sync(dana, server);
    await sync(omar, server);
    expect(await omar.db.glosses.count()).toBe(0);
    expect(await omar.db.memory.count()).toBe(0);

    await restoreMemoryEntries(dana.db, gone);
    await sync(dana, server);
    await sync(omar, server);
    expect((await omar.db.memory.toArray()).map((e) => e.target)).toEqual(['The army entered the city.']);
  });

  it('shows a gloss edited by two members while apart as in conflict on both sides, and the resolution reaches both', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    await putGloss(dana.db, army('army'));
    await sync(dana, server);
    await sync(omar, server);

    // Apart: each edits the gloss and writes to their own replica only.
    const [danaGloss] = await dana.db.glosses.toArray();
    await putGloss(dana.db, { ...danaGloss!, meaning: 'the army' });
    const [omarGloss] = await omar.db.glosses.toArray();
    await putGloss(omar.db, { ...omarGloss!, meaning: 'armed forces', note: 'IDF' });

    await syncApart(server, [dana, omar]);
    const versions = async (who: TeamMember) => {
      const [gloss] = await who.db.glosses.toArray();
      const shown = [{ meaning: gloss!.meaning, by: gloss!.team!.by }, ...(gloss!.team?.conflicts ?? []).map((version) => ({ meaning: version.content.meaning, by: version.by }))];
      return shown.sort((a, b) => a.meaning.localeCompare(b.meaning));
    };
    // Both versions, on both sides, with who made each.
    const both = [
      { meaning: 'armed forces', by: 'Omar' },
      { meaning: 'the army', by: 'Dana' },
    ];
    expect(await versions(dana)).toEqual(both);
    expect(await versions(omar)).toEqual(both);

    // Dana merges the two versions.
    const [conflicted] = await dana.db.glosses.toArray();
    await resolveGlossConflict(dana.db, conflicted!.id!, { surface: 'צבא', meaning: 'the army (armed forces)', note: 'IDF' });
    await sync(dana, server);
    await sync(omar, server);
    for (const who of [dana, omar]) {
      const [gloss] = await who.db.glosses.toArray();
      expect(gloss).toMatchObject({ meaning: 'the army (armed forces)', note: 'IDF' });
      expect(gloss!.team?.conflicts).toBeUndefined();
      // The versions set aside stay readable in the entry's history.
      expect(gloss!.team?.history?.map((version) => version.content.meaning).sort()).toEqual(['armed forces', 'the army']);
    }
    const onServer = await server.get(glossDocId('he', 'צבא'), { conflicts: true });
    expect(onServer._conflicts).toBeUndefined();
  });

  it('carries a shared article whole (text, machine English, corrections), and keeps both versions of a sentence corrected apart', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    const text = 'ארגון דאעש מסר היום בקשה.\n\nהצבא הודיע על סגר.';
    const articleId = await addArticle(dana.db, prepareArticle({ text, origin: 'paste', title: 'בקשת דאעש' }));
    const article = (await dana.db.articles.get(articleId))!;
    const sources = (await dana.db.segments.where('articleId').equals(articleId).toArray()).map((segment) => segment.text);
    await storeTranslations(dana.db, sources.map((source) => ({ articleId, source, text: `machine: ${source}`, modelId: 'm', precision: 'q8', createdAt: 2 })));
    await saveSegment(dana.db, article, sources[0]!, null, { text: 'ISIS made a request today.', status: 'confirmed' });
    // Nothing of an article goes to the team until it is shared.
    expect((await dana.db.teamOutbox.toArray()).map((row) => row.kind)).toEqual(['memory']);
    const teamId = await shareArticle(dana.db, articleId);
    await sync(dana, server);
    await sync(omar, server);

    const [arrived] = await omar.db.articles.toArray();
    expect(arrived).toMatchObject({ title: 'בקשת דאעש', originalText: article.originalText, teamId });
    expect((await omar.db.translations.toArray()).map((row) => row.text).sort()).toEqual(sources.map((source) => `machine: ${source}`).sort());
    const english = async (who: TeamMember) => {
      const [shared] = await who.db.articles.toArray();
      return newestBySource(await who.db.edits.where('articleId').equals(shared!.id!).toArray());
    };
    expect((await english(omar)).get(sources[0]!)).toMatchObject({ text: 'ISIS made a request today.', status: 'confirmed', team: { by: 'Dana' } });

    // Apart, each corrects the second sentence; after sync both see one winner and the other version in conflict.
    for (const [who, correction] of [
      [dana, 'The army announced a closure.'],
      [omar, 'The army declared a lockdown.'],
    ] as const) {
      const [shared] = await who.db.articles.toArray();
      await saveSegment(who.db, shared!, sources[1]!, null, { text: correction, status: 'edited' });
    }
    await syncApart(server, [dana, omar]);
    for (const who of [dana, omar]) {
      const latest = (await english(who)).get(sources[1]!)!;
      const seen = [latest.text, ...(latest.team?.conflicts ?? []).map((version) => version.content.text)].sort();
      expect(seen).toEqual(['The army announced a closure.', 'The army declared a lockdown.']);
      // The reader marks the sentence in conflict.
      expect(segmentState(latest, undefined, undefined).inConflict).toBe(true);
    }

    // Omar keeps Dana's version: it is the sentence's English for both, in conflict no more, and his stays in the history.
    const [omarsCopy] = await omar.db.articles.toArray();
    await resolveCorrectionConflict(omar.db, omarsCopy!.id!, sources[1]!, { text: 'The army announced a closure.', status: 'edited' });
    await sync(omar, server);
    await sync(dana, server);
    for (const who of [dana, omar]) {
      const latest = (await english(who)).get(sources[1]!)!;
      expect(latest.text).toBe('The army announced a closure.');
      expect(latest.team?.conflicts ?? []).toEqual([]);
      expect(segmentState(latest, undefined, undefined).inConflict).toBeUndefined();
    }
    expect((await omar.db.edits.toArray()).map((edit) => edit.text)).toContain('The army declared a lockdown.');
  });
  it('replicates the deletion of a shared article, and its undo, with its corrections', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    const articleId = await addArticle(dana.db, prepareArticle({ text: 'ארגון דאעש מסר היום בקשה.\n\nהצבא הודיע על סגר.', origin: 'paste', title: 'בקשת דאעש' }));
    const article = (await dana.db.articles.get(articleId))!;
    const [first] = (await dana.db.segments.where('articleId').equals(articleId).toArray()).map((segment) => segment.text);
    await saveSegment(dana.db, article, first!, null, { text: 'ISIS made a request today.', status: 'edited' });
    await shareArticle(dana.db, articleId);
    await sync(dana, server);
    await sync(omar, server);
    expect(await omar.db.articles.count()).toBe(1);

    const deleted = (await deleteArticle(dana.db, articleId))!;
    await sync(dana, server);
    await sync(omar, server);
    expect(await omar.db.articles.count()).toBe(0);
    expect(await omar.db.edits.count()).toBe(0);
    expect(await omar.db.segments.count()).toBe(0);
    // Omar's library took the deletion without sending anything back.
    expect(await teamChangesWaiting(omar.db)).toBe(0);

    await restoreArticle(dana.db, deleted);
    await sync(dana, server);
    await sync(omar, server);
    const [back] = await omar.db.articles.toArray();
    expect(back).toMatchObject({ title: 'בקשת דאעש', originalText: article.originalText });
    const edits = newestBySource(await omar.db.edits.where('articleId').equals(back!.id!).toArray());
    expect(edits.get(first!)).toMatchObject({ text: 'ISIS made a request today.', team: { by: 'Dana' } });
    expect(await dana.db.articles.count()).toBe(1);
    expect(await teamChangesWaiting(dana.db)).toBe(0);
  });
  it('carries a shared article with its alignment and the aligned article, and the alignment\'s later edits', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    const hebrew = prepareArticle({ text: 'ארגון דאעש מסר היום בקשה.\n\nהצבא הודיע על סגר.', origin: 'paste', title: 'בקשת דאעש' });
    const english = prepareArticle({ text: 'ISIS made a request today.\n\nThe army announced a closure.', origin: 'paste', language: 'en', title: 'The ISIS request' });
    const links = [
      { source: [0], target: [0], confidence: 0.9, manual: false },
      { source: [1], target: [1], confidence: 0.4, manual: false },
    ];
    const { alignmentId } = await shareAligned(server, dana, omar, hebrew, english, { links, sourceSentences, targetSentences });

    const byTitle = async (who: TeamMember, title: string) => (await who.db.articles.where('title').equals(title).first())!;
    const [omarsHebrew, omarsEnglish] = [await byTitle(omar, 'בקשת דאעש'), await byTitle(omar, 'The ISIS request')];
    expect(omarsEnglish).toMatchObject({ language: 'en', originalText: english.record.originalText });
    const [alignment] = await omar.db.alignments.toArray();
    expect(alignment).toMatchObject({ articleId: omarsHebrew.id, counterpartId: omarsEnglish.id, links, sourceSentences, targetSentences });

    // Dana confirms the second link: Omar's alignment follows.
    const confirmedLinks = [links[0]!, { ...links[1]!, confidence: 1, manual: true }];
    await updateAlignment(dana.db, alignmentId, undefined, () => ({ fields: { links: confirmedLinks } }));
    await sync(dana, server);
    await sync(omar, server);
    expect((await omar.db.alignments.get(alignment!.id!))!.links).toEqual(confirmedLinks);
    expect(await teamChangesWaiting(omar.db)).toBe(0);

    // A third member whose replication brings the alignment before the articles it joins: it waits for them.
    const lea = await member('Lea');
    const docs: TeamDoc[] = (await server.allDocs({ include_docs: true })).rows.map((row: { doc?: unknown }) => readTeamDoc(row.doc)!);
    await applyTeamDocs(lea.db, docs.filter((doc) => doc.type === 'alignment').map((doc) => ({ doc, conflicts: [] })));
    expect(await lea.db.alignments.count()).toBe(0);
    await applyTeamDocs(lea.db, docs.filter((doc) => doc.type === 'article').map((doc) => ({ doc, conflicts: [] })));
    const [leasAlignment] = await lea.db.alignments.toArray();
    expect(leasAlignment).toMatchObject({ articleId: (await byTitle(lea, 'בקשת דאעש')).id, counterpartId: (await byTitle(lea, 'The ISIS request')).id, links: confirmedLinks });
  });
  it('shows a memory entry confirmed differently by two members while apart as in conflict, with who confirmed each, and the one kept reaches both', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    const confirm = async (who: TeamMember, target: string) => {
      const entry = { ...confirmed('הצבא נכנס לעיר.', target), ...((await who.db.memory.toArray())[0] ?? {}), target };
      await who.db.transaction('rw', who.db.memory, who.db.teamOutbox, async () => {
        await who.db.memory.put(entry);
        await queueTeamChanges(who.db, [memoryChange(entry)]);
      });
    };
    await confirm(dana, 'The army entered the city.');
    await sync(dana, server);
    await sync(omar, server);

    // Apart, each confirms another English.
    await confirm(dana, 'The army went into the town.');
    await confirm(omar, 'Troops entered the city.');
    await syncApart(server, [dana, omar]);
    const versions = async (who: TeamMember) => {
      const [entry] = await who.db.memory.toArray();
      return [{ target: entry!.target, by: entry!.team!.by }, ...(entry!.team?.conflicts ?? []).map((version) => ({ target: version.content.target, by: version.by }))].sort((a, b) => a.target.localeCompare(b.target));
    };
    const both = [
      { target: 'The army went into the town.', by: 'Dana' },
      { target: 'Troops entered the city.', by: 'Omar' },
    ];
    expect(await versions(dana)).toEqual(both);
    expect(await versions(omar)).toEqual(both);

    // Omar keeps his own version: both have it, in conflict no more, and Dana's is in the entry's history.
    const [omars] = await omar.db.memory.toArray();
    await resolveMemoryConflict(omar.db, omars!.id!, 'Troops entered the city.');
    await sync(omar, server);
    await sync(dana, server);
    for (const who of [dana, omar]) {
      const [entry] = await who.db.memory.toArray();
      expect(entry).toMatchObject({ target: 'Troops entered the city.' });
      expect(entry!.team?.conflicts).toBeUndefined();
      expect(entry!.team?.history?.map((version) => [version.content.target, version.by])).toEqual([['The army went into the town.', 'Dana']]);
    }
    expect((await server.get(memoryDocId(memoryKey('he', 'הצבא נכנס לעיר.')), { conflicts: true }))._conflicts).toBeUndefined();
  });
  it('settles a sentence corrected apart on a merge of the versions, for both members, keeping both versions in its history', async () => {
    const server = memoryReplica();
    const dana = await member('Dana');
    const omar = await member('Omar');
    const articleId = await addArticle(dana.db, prepareArticle({ text: 'הצבא הודיע על סגר.', origin: 'paste', title: 'סגר' }));
    const [source] = (await dana.db.segments.where('articleId').equals(articleId).toArray()).map((segment) => segment.text).filter((text) => text !== 'סגר');
    await shareArticle(dana.db, articleId);
    await sync(dana, server);
    await sync(omar, server);
    for (const [who, correction] of [
      [dana, 'The army announced a closure.'],
      [omar, 'The army declared a lockdown.'],
    ] as const) {
      const [shared] = await who.db.articles.toArray();
      await saveSegment(who.db, shared!, source!, null, { text: correction, status: 'edited' });
    }
    await syncApart(server, [dana, omar]);
    const latest = async (who: TeamMember) => {
      const [shared] = await who.db.articles.toArray();
      return newestBySource(await who.db.edits.where('articleId').equals(shared!.id!).toArray()).get(source!)!;
    };
    expect(segmentState(await latest(dana), undefined, undefined).inConflict).toBe(true);

    // Dana edits Omar's version into a merge of the two.
    const [danasCopy] = await dana.db.articles.toArray();
    await resolveCorrectionConflict(dana.db, danasCopy!.id!, source!, { text: 'The army declared a closure (a lockdown).', status: 'edited' });
    await sync(dana, server);
    await sync(omar, server);
    for (const who of [dana, omar]) {
      const merged = await latest(who);
      expect(merged).toMatchObject({ text: 'The army declared a closure (a lockdown).', status: 'edited' });
      expect(segmentState(merged, undefined, undefined).inConflict).toBeUndefined();
      const history = (await who.db.edits.toArray()).map((edit) => edit.text);
      expect(history).toEqual(expect.arrayContaining(['The army announced a closure.', 'The army declared a lockdown.']));
    }
    expect((await server.get(correctionDocId(danasCopy!.teamId!, source!), { conflicts: true }))._conflicts).toBeUndefined();
  });
  it('shows an alignment whose links two members changed apart as in conflict, with who made each version, and the one kept reaches both', async () => {
    const { server, dana, omar } = await sharedClosureAlignment();

    // Apart, Dana confirms the links one by one and Omar joins the two sentences into one link.
    const danasLinks = machine.map((link) => ({ ...link, confidence: 1, manual: true }));
    const omarsLinks = [{ source: [0, 1], target: [0, 1], confidence: 1, manual: true }];
    for (const [who, links] of [
      [dana, danasLinks],
      [omar, omarsLinks],
    ] as const) {
      const [alignment] = await who.db.alignments.toArray();
      await saveLinks(who.db, alignment!.id!, alignment!.revision, links, 'link edit');
    }
    await syncApart(server, [dana, omar]);
    const versions = async (who: TeamMember) => {
      const [alignment] = await who.db.alignments.toArray();
      const all = [{ links: alignment!.links, by: alignment!.team?.by }, ...(alignment!.team?.conflicts ?? []).map((version) => ({ links: version.content.links, by: version.by }))];
      return all.sort((a, b) => a.by!.localeCompare(b.by!));
    };
    const both = [
      { links: danasLinks, by: 'Dana' },
      { links: omarsLinks, by: 'Omar' },
    ];
    expect(await versions(dana)).toEqual(both);
    expect(await versions(omar)).toEqual(both);

    // Dana keeps Omar's links: both have them, in conflict no more, and Dana's are in the alignment's history.
    const [danas] = await dana.db.alignments.toArray();
    await resolveAlignmentConflict(dana.db, danas!.id!, { links: omarsLinks, sourceSentences, targetSentences });
    await sync(dana, server);
    await sync(omar, server);
    for (const who of [dana, omar]) {
      const [alignment] = await who.db.alignments.toArray();
      expect(alignment!.links).toEqual(omarsLinks);
      expect(alignment!.team?.conflicts).toBeUndefined();
      expect(alignment!.team?.history?.map((version) => [version.content.links, version.by])).toEqual([[danasLinks, 'Dana']]);
    }
    const [shared] = await dana.db.articles.where('title').equals('בקשה וסגר').toArray();
    const [counterpart] = await dana.db.articles.where('title').equals('Request and closure').toArray();
    expect((await server.get(alignmentDocId(shared!.teamId!, counterpart!.teamId!), { conflicts: true }))._conflicts).toBeUndefined();
  });
  it('keeps the undo history of an alignment when another member\'s links arrive, and undo takes that change back', async () => {
    const { server, dana, omar } = await sharedClosureAlignment();

    // Omar confirms the first link; then, once Dana has it, Dana confirms the second.
    const omarsEdit = [{ ...machine[0]!, confidence: 1, manual: true }, machine[1]!];
    const [omars] = await omar.db.alignments.toArray();
    await saveLinks(omar.db, omars!.id!, omars!.revision, omarsEdit, 'confirmation');
    await sync(omar, server);
    await sync(dana, server);
    const both = [omarsEdit[0]!, { ...machine[1]!, confidence: 1, manual: true }];
    const [danas] = await dana.db.alignments.toArray();
    await saveLinks(dana.db, danas!.id!, danas!.revision, both, 'confirmation');
    await sync(dana, server);
    await sync(omar, server);

    const received = (await omar.db.alignments.get(omars!.id!))!;
    expect(received.links).toEqual(both);
    expect(received.undo.map((change) => change.label)).toEqual(['confirmation', 'change by Dana']);
    // Undo takes Dana's change back, then Omar's own; what undo does is shared like any edit.
    const { record } = await undoLinks(omar.db, received.id!, received.revision);
    expect(record.links).toEqual(omarsEdit);
    expect((await undoLinks(omar.db, record.id!, record.revision)).record.links).toEqual(machine);
    await sync(omar, server);
    await sync(dana, server);
    expect((await dana.db.alignments.get(danas!.id!))!.links).toEqual(machine);
  });
});
