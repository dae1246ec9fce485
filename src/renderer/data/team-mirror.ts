/**
 * The library's side of team sharing. Repository writes to shared entries queue their team documents in the
 * outbox (team-outbox.ts); the replication writes what the outbox names into the local replica (`teamDocsFor`,
 * `markTeamWritten`), and the team's documents come back into the library through `applyTeamDocs`, which queues
 * nothing, so that nothing echoes back.
 */
import Dexie from 'dexie';
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from './database';
import { rowsOfArticle } from './article-rows';
import { markArticlesChanged } from './changed-articles';
import { prepareArticle, writeArticle } from './articles';
import { deleteArticleRows } from './delete-article';
import { undoableLinks } from './alignments';
import { newestBySource } from './segment-state';
import { glossChange, memoryChange, queueAlignment, queueTeamChanges, queueWholeLibrary } from './team-outbox';
import type { AlignmentContent, AlignmentRecord, ArticleRecord, GlossContent, MemoryContent, GlossRecord, MemoryRecord, SegmentValue, TeamMark, TeamOutboxRecord, TeamVersion } from './records';
import {
  alignmentContent,
  articleDeletion,
  articleDocId,
  glossContent,
  glossDoc,
  glossDocId,
  isSharedMemory,
  memoryDoc,
  sameGlossContent,
  type AlignmentDoc,
  type ArticleDoc,
  type CorrectionDoc,
  type GlossDoc,
  type MemoryDoc,
  type TeamDoc,
} from './team-docs';

async function localGloss(db: TargumDatabase, language: TextLanguage, key: string): Promise<GlossRecord | undefined> {
  return db.glosses.where('key').equals(key).filter((gloss) => gloss.language === language).first();
}

/**
 * The team document each queued change stands for now, as `by` would share it: the entry's current state, or a
 * deletion (with its fields, so that other members find the entry) when it is no longer shared here.
 */
export async function teamDocsFor(db: TargumDatabase, rows: readonly TeamOutboxRecord[], by: string): Promise<Array<{ row: TeamOutboxRecord; doc: TeamDoc }>> {
  return db.transaction('r', [db.glosses, db.memory, db.articles, db.translations, db.edits, db.alignments], async () => {
    const docs: Array<{ row: TeamOutboxRecord; doc: TeamDoc }> = [];
    for (const row of rows) {
      if (row.kind === 'article') {
        docs.push({ row, doc: await articleDocFor(db, row, by) });
      } else if (row.kind === 'alignment') {
        docs.push({ row, doc: await alignmentDocFor(db, row, by) });
      } else if (row.kind === 'correction') {
        docs.push({ row, doc: await correctionDocFor(db, row, by) });
      } else if (row.kind === 'gloss') {
        const gloss = await localGloss(db, row.language, row.ref);
        const doc: GlossDoc = gloss
          ? { ...glossDoc(gloss, by, row.at), ...(gloss.team?.history?.length ? { history: gloss.team.history } : {}) }
          : { _id: row.docId, type: 'gloss', language: row.language, key: row.ref, surface: row.ref, meaning: '', by, at: row.at, _deleted: true };
        docs.push({ row, doc });
      } else {
        const entry = await db.memory.where('sourceKey').equals(row.ref).first();
        const doc: MemoryDoc =
          entry && isSharedMemory(entry)
            ? memoryDoc(entry, by, row.at)
            : { _id: row.docId, type: 'memory', language: row.language, sourceKey: row.ref, source: entry?.source ?? '', target: '', by, at: row.at, _deleted: true };
        docs.push({ row, doc });
      }
    }
    return docs;
  });
}

async function sharedArticle(db: TargumDatabase, teamId: string): Promise<ArticleRecord | undefined> {
  return db.articles.where('teamId').equals(teamId).first();
}

async function articleDocFor(db: TargumDatabase, row: TeamOutboxRecord, by: string): Promise<ArticleDoc> {
  const article = await sharedArticle(db, row.ref);
  if (!article) return articleDeletion(row.docId, row.language, by, row.at);
  const machine = newestBySource(await rowsOfArticle(db.translations, article.id!).toArray());
  return {
    _id: row.docId,
    type: 'article',
    title: article.title,
    language: article.language,
    ...(article.outlet ? { outlet: article.outlet } : {}),
    ...(article.date ? { date: article.date } : {}),
    ...(article.sourceUrl ? { sourceUrl: article.sourceUrl } : {}),
    originalText: article.originalText,
    tags: article.tags,
    translations: [...machine.values()].map(({ source, text, modelId, precision, createdAt, confidence }) => ({ source, text, modelId, precision, createdAt, ...(confidence === undefined ? {} : { confidence }) })),
    by,
    at: row.at,
  };
}

async function correctionDocFor(db: TargumDatabase, row: TeamOutboxRecord, by: string): Promise<CorrectionDoc> {
  const article = await sharedArticle(db, row.article!);
  // The article was deleted: its corrections go with it.
  const edits = article ? await db.edits.where('[articleId+source]').equals([article.id!, row.ref]).toArray() : [];
  const latest = newestBySource(edits).get(row.ref);
  const base = { _id: row.docId, type: 'correction' as const, language: row.language, article: row.article!, source: row.ref, by, at: row.at };
  if (!latest || latest.status === 'machine') return { ...base, text: '', status: 'edited', _deleted: true };
  return { ...base, text: latest.text, status: latest.status };
}

async function alignmentOf(db: TargumDatabase, articleDoc: string, counterpartDoc: string): Promise<{ source?: ArticleRecord; counterpart?: ArticleRecord; alignment?: AlignmentRecord }> {
  const [source, counterpart] = await Promise.all([sharedArticle(db, articleDoc), sharedArticle(db, counterpartDoc)]);
  const alignment = source && counterpart ? await db.alignments.where('articleId').equals(source.id!).filter((candidate) => candidate.counterpartId === counterpart.id).first() : undefined;
  return { source, counterpart, alignment };
}

async function alignmentDocFor(db: TargumDatabase, row: TeamOutboxRecord, by: string): Promise<AlignmentDoc> {
  const { alignment } = await alignmentOf(db, row.article!, row.ref);
  const base = { _id: row.docId, type: 'alignment' as const, language: row.language, article: row.article!, counterpart: row.ref, by, at: row.at };
  if (!alignment) return { ...base, links: [], sourceSentences: [], targetSentences: [], _deleted: true };
  return { ...base, ...alignmentContent(alignment), ...(alignment.team?.history?.length ? { history: alignment.team.history } : {}) };
}

/** The change is in the local replica as `rev` (unless the entry changed again meanwhile: then it is written again). */
export async function markTeamWritten(db: TargumDatabase, written: ReadonlyArray<{ row: TeamOutboxRecord; rev: string | undefined }>): Promise<void> {
  await db.transaction('rw', db.teamOutbox, async () => {
    const current = await db.teamOutbox.bulkGet(written.map(({ row }) => row.docId));
    const done: string[] = [];
    const updated: TeamOutboxRecord[] = [];
    written.forEach(({ row, rev }, index) => {
      const now = current[index];
      if (!now || now.at !== row.at || now.rev !== undefined) return;
      // No new revision: the replica had this already, and there is nothing to push.
      if (rev === undefined) done.push(row.docId);
      else updated.push({ ...now, rev });
    });
    await db.teamOutbox.bulkDelete(done);
    await db.teamOutbox.bulkPut(updated);
  });
}

/** The replication pushed these revisions to the team's server: their changes wait no longer. */
export async function markTeamPushed(db: TargumDatabase, pushed: ReadonlyArray<{ _id: string; _rev?: string }>): Promise<void> {
  if (pushed.length === 0) return;
  await db.transaction('rw', db.teamOutbox, async () => {
    const rows = await db.teamOutbox.bulkGet(pushed.map((doc) => doc._id));
    const gone = rows.filter((row, index): row is TeamOutboxRecord => row?.rev !== undefined && row.rev === pushed[index]!._rev).map((row) => row.docId);
    await db.teamOutbox.bulkDelete(gone);
  });
}

/** How far into a local replica's changes the library has taken them, kept with what it took (in the same transaction). */
export interface TeamCheckpoint {
  replica: string;
  seq: number | string;
}

const checkpointKey = (replica: string) => `team:applied:${replica}`;

export async function readTeamCheckpoint(db: TargumDatabase, replica: string): Promise<number | string> {
  return ((await db.settings.get(checkpointKey(replica)))?.value as number | string | undefined) ?? 0;
}

/** Which team space the library last shared with: joining another one shares the whole library with it. */
export async function joinTeamSpace(db: TargumDatabase, space: string): Promise<boolean> {
  const joined = (await db.settings.get('team:space'))?.value;
  if (joined === space) return false;
  await queueWholeLibrary(db);
  await db.settings.put({ key: 'team:space', value: space });
  return true;
}

/** Leaving the team: the library keeps every entry, and forgets what waited to be shared and where it was. */
export async function leaveTeamSpace(db: TargumDatabase): Promise<void> {
  await db.transaction('rw', db.teamOutbox, db.settings, async () => {
    await db.teamOutbox.clear();
    await db.settings.where('key').startsWith('team:').delete();
  });
}

/** One team document as the local replica has it: the winning revision and the revisions in conflict with it. */
export interface ReceivedTeamDoc {
  doc: TeamDoc;
  conflicts: TeamDoc[];
}

function version(doc: GlossDoc): TeamVersion<GlossContent> {
  return { content: glossContent(doc), by: doc.by, at: doc.at, ...(doc._rev ? { rev: doc._rev } : {}) };
}

function glossFromTeam(received: ReceivedTeamDoc & { doc: GlossDoc }, existing: GlossRecord | undefined): GlossRecord {
  const { doc } = received;
  const conflicts = received.conflicts.filter((other): other is GlossDoc => other.type === 'gloss' && !other._deleted).map(version);
  const team: GlossRecord['team'] = {
    by: doc.by,
    at: doc.at,
    ...(conflicts.length ? { conflicts } : {}),
    ...(doc.history?.length ? { history: doc.history } : {}),
  };
  return { ...(existing?.id !== undefined ? { id: existing.id } : {}), key: doc.key, language: doc.language, ...glossContent(doc), createdAt: existing?.createdAt ?? doc.at, team };
}

function sameGloss(a: GlossRecord, b: GlossRecord): boolean {
  return sameGlossContent(a, b) && JSON.stringify(a.team ?? null) === JSON.stringify(b.team ?? null);
}

function memoryFromTeam({ doc, conflicts }: ReceivedTeamDoc & { doc: MemoryDoc }, existing: MemoryRecord | undefined): MemoryRecord {
  const versions = conflicts
    .filter((other): other is MemoryDoc => other.type === 'memory' && !other._deleted && other.target !== doc.target)
    .map((other): TeamVersion<MemoryContent> => ({ content: { target: other.target }, by: other.by, at: other.at, ...(other._rev ? { rev: other._rev } : {}) }));
  return {
    ...(existing?.id !== undefined ? { id: existing.id } : {}),
    sourceKey: doc.sourceKey,
    language: doc.language,
    source: doc.source,
    target: doc.target,
    origin: 'confirmed',
    standing: 'reviewed',
    updatedAt: doc.at,
    team: { by: doc.by, at: doc.at, ...(versions.length ? { conflicts: versions } : {}), ...(doc.history?.length ? { history: doc.history } : {}) },
  };
}

/**
 * Adds the team's memory entries as new ones, without looking each up first (a first sync brings 100,000s the library
 * does not have); an entry whose source sentence the library has already is refused by the table's unique index, and
 * left with the deletions for the caller to merge.
 */
async function addNewMemory(db: TargumDatabase, items: ReadonlyArray<ReceivedTeamDoc & { doc: MemoryDoc }>): Promise<{ added: number; pending: Array<ReceivedTeamDoc & { doc: MemoryDoc }> }> {
  const candidates = items.filter(({ doc }) => !doc._deleted);
  const pending = items.filter(({ doc }) => doc._deleted);
  if (candidates.length === 0) return { added: 0, pending };
  try {
    await db.memory.bulkAdd(candidates.map((item) => memoryFromTeam(item, undefined)));
    return { added: candidates.length, pending };
  } catch (error) {
    // The refused additions abort nothing: they are caught here, and the others stand.
    if (!(error instanceof Dexie.BulkError)) throw error;
    const refused = Object.keys(error.failuresByPos).map((position) => candidates[Number(position)]!);
    return { added: candidates.length - refused.length, pending: [...pending, ...refused] };
  }
}

/**
 * Writes the team's documents into the library, in one transaction, without queueing them back. An entry changed
 * here whose change is not yet in the local replica keeps the local change (it is written on top next). Returns how
 * many entries changed.
 */
export async function applyTeamDocs(db: TargumDatabase, received: readonly ReceivedTeamDoc[], checkpoint?: TeamCheckpoint): Promise<{ changed: number; arrived: string[] }> {
  const scope = [db.glosses, db.memory, db.teamOutbox, db.settings, db.articles, db.segments, db.searchQueue, db.translations, db.edits, db.alignments, db.undoLogs];
  return db.transaction('rw', scope, async () => {
    if (checkpoint) await db.settings.put({ key: checkpointKey(checkpoint.replica), value: checkpoint.seq });
    // No read per document when nothing waits (a first sync).
    const waiting = (await db.teamOutbox.count()) ? await db.teamOutbox.bulkGet(received.map(({ doc }) => doc._id)) : [];
    const fresh = received.filter((_, index) => waiting[index] === undefined || waiting[index]!.rev !== undefined);
    let changed = 0;
    const arrived: string[] = [];
    for (const item of fresh) {
      if (item.doc.type !== 'article') continue;
      if (item.doc._deleted) {
        const article = await sharedArticle(db, item.doc._id);
        if (article && (await deleteArticleRows(db, article.id!))) changed += 1;
      } else if (await takeArticle(db, item.doc)) {
        arrived.push(item.doc._id);
        changed += 1;
      }
    }
    for (const item of fresh) if (item.doc.type === 'correction' && (await takeCorrection(db, item as ReceivedTeamDoc & { doc: CorrectionDoc }))) changed += 1;
    changed += await takeAlignments(db, fresh.filter((item): item is ReceivedTeamDoc & { doc: AlignmentDoc } => item.doc.type === 'alignment'));
    const glosses = fresh.filter((item): item is ReceivedTeamDoc & { doc: GlossDoc } => item.doc.type === 'gloss');
    const existingGlosses = await db.glosses.where('key').anyOf(glosses.map(({ doc }) => doc.key)).toArray();
    const glossByDoc = new Map(existingGlosses.map((gloss) => [glossDocId(gloss.language, gloss.key), gloss]));
    const glossPuts: GlossRecord[] = [];
    const glossDeletes: number[] = [];
    for (const item of glosses) {
      const existing = glossByDoc.get(item.doc._id);
      if (item.doc._deleted) {
        if (existing) glossDeletes.push(existing.id!);
        continue;
      }
      const next = glossFromTeam(item, existing);
      if (!existing || !sameGloss(existing, next)) glossPuts.push(next);
    }
    const memoryDocs = await addNewMemory(
      db,
      fresh.filter((item): item is ReceivedTeamDoc & { doc: MemoryDoc } => item.doc.type === 'memory'),
    );
    const existingMemory = new Map((await db.memory.where('sourceKey').anyOf(memoryDocs.pending.map(({ doc }) => doc.sourceKey)).toArray()).map((entry) => [entry.sourceKey, entry]));
    const memoryPuts: MemoryRecord[] = [];
    const memoryDeletes: number[] = [];
    for (const item of memoryDocs.pending) {
      const existing = existingMemory.get(item.doc.sourceKey);
      if (item.doc._deleted) {
        if (existing && isSharedMemory(existing)) memoryDeletes.push(existing.id!);
        continue;
      }
      const next = memoryFromTeam(item, existing);
      if (existing?.target === next.target && JSON.stringify(existing.team ?? null) === JSON.stringify(next.team)) continue;
      memoryPuts.push(next);
    }
    await db.glosses.bulkDelete(glossDeletes);
    await db.glosses.bulkPut(glossPuts);
    await db.memory.bulkDelete(memoryDeletes);
    await db.memory.bulkPut(memoryPuts);
    changed += glossDeletes.length + glossPuts.length + memoryDeletes.length + memoryPuts.length + memoryDocs.added;
    return { changed, arrived };
  });
}

/**
 * A shared article into the library: a new one with its machine English, or the machine English it lacks. An article
 * the library has already (the same text: a sample, or the same page imported by two members) becomes the shared one.
 * Resolves to true when the article is new to this library.
 */
async function takeArticle(db: TargumDatabase, doc: ArticleDoc): Promise<boolean> {
  let article = await sharedArticle(db, doc._id);
  let arrived = false;
  if (!article) {
    article = (await db.articles.where('title').equals(doc.title).toArray()).find((candidate) => articleDocId(candidate) === doc._id);
    if (article) await db.articles.update(article.id!, { teamId: doc._id });
    else {
      const prepared = prepareArticle({ text: doc.originalText, origin: 'paste', language: doc.language, title: doc.title, outlet: doc.outlet, date: doc.date, sourceUrl: doc.sourceUrl }, doc.at);
      prepared.record.teamId = doc._id;
      prepared.record.tags = doc.tags;
      const id = await writeArticle(db, prepared);
      article = { ...prepared.record, id };
    }
    arrived = true;
  }
  const known = newestBySource(await rowsOfArticle(db.translations, article.id!).toArray());
  const missing = doc.translations.filter((translation) => !known.has(translation.source));
  if (missing.length) {
    await db.translations.bulkAdd(missing.map((translation) => ({ ...translation, articleId: article.id! })));
    await markArticlesChanged(db, [article.id!]);
  }
  return arrived;
}

const waitingAlignmentKey = 'team:alignment-waiting:';

/** Earlier versions of an alignment kept in its history: each holds every link. */
const alignmentHistoryDepth = 5;

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * An alignment's content replaced by `content`: on the same sentences, as a change that undo takes back (labelled
 * `label`), after the edits made here; on other sentences, undo starts afresh, since the edits name sentences that are gone.
 */
function replacedLinks(alignment: AlignmentRecord, content: AlignmentContent, label: string): Partial<AlignmentRecord> {
  if (sameJson(alignment.sourceSentences, content.sourceSentences) && sameJson(alignment.targetSentences, content.targetSentences)) {
    return undoableLinks(alignment, content.links, label) ?? {};
  }
  return { ...content, undo: [], redo: [] };
}

/** Who made a shared alignment's links and when, the versions made apart that differ from them, and its history. */
function alignmentTeamMark({ doc, conflicts }: ReceivedTeamDoc & { doc: AlignmentDoc }): TeamMark<AlignmentContent> {
  const content = alignmentContent(doc);
  const versions = conflicts
    .filter((other): other is AlignmentDoc => other.type === 'alignment' && !other._deleted && !sameJson(alignmentContent(other), content))
    .map((other): TeamVersion<AlignmentContent> => ({ content: alignmentContent(other), by: other.by, at: other.at, ...(other._rev ? { rev: other._rev } : {}) }));
  return { by: doc.by, at: doc.at, ...(versions.length ? { conflicts: versions } : {}), ...(doc.history?.length ? { history: doc.history } : {}) };
}

/**
 * Shared alignments into the library, with the versions members made apart. One whose articles are not both here yet
 * waits (in the settings) until they come, whichever order the replication brings them in. Resolves to how many
 * alignments changed.
 */
async function takeAlignments(db: TargumDatabase, received: ReadonlyArray<ReceivedTeamDoc & { doc: AlignmentDoc }>): Promise<number> {
  const waiting = await db.settings.where('key').startsWith(waitingAlignmentKey).toArray();
  if (received.length === 0 && waiting.length === 0) return 0;
  // Earlier versions of Targum kept the document alone, without its conflicts.
  const waitingItem = (value: unknown) => (value && typeof value === 'object' && 'doc' in value ? value : { doc: value, conflicts: [] }) as ReceivedTeamDoc & { doc: AlignmentDoc };
  const latest = new Map(waiting.map((row) => [row.key.slice(waitingAlignmentKey.length), waitingItem(row.value)]));
  for (const item of received) latest.set(item.doc._id, item);
  let changed = 0;
  for (const [id, item] of latest) {
    const { doc } = item;
    const { source, counterpart, alignment } = await alignmentOf(db, doc.article, doc.counterpart);
    const key = waitingAlignmentKey + id;
    if (doc._deleted) {
      await db.settings.delete(key);
      if (alignment) {
        await db.alignments.delete(alignment.id!);
        changed += 1;
      }
      continue;
    }
    if (!source || !counterpart) {
      await db.settings.put({ key, value: item });
      continue;
    }
    await db.settings.delete(key);
    const content = alignmentContent(doc);
    const team = alignmentTeamMark(item);
    if (alignment && sameJson(alignmentContent(alignment), content)) {
      // The same links (this member's own, come back, or a resolution's): only the conflict mark and the history may
      // change, and the links' revision stays, so that an edit made meanwhile is not refused.
      if (sameJson(alignment.team?.conflicts ?? [], team.conflicts ?? []) && sameJson(alignment.team?.history ?? [], team.history ?? [])) continue;
      await db.alignments.put({ ...alignment, team });
      changed += 1;
      continue;
    }
    await db.alignments.put(
      alignment
        ? { ...alignment, ...replacedLinks(alignment, content, `change by ${doc.by}`), team, revision: alignment.revision + 1, updatedAt: doc.at }
        : { articleId: source.id!, counterpartId: counterpart.id!, ...content, team, undo: [], redo: [], revision: 1, createdAt: doc.at, updatedAt: doc.at },
    );
    changed += 1;
  }
  return changed;
}

/**
 * A corrected sentence of a shared article into its history (edits are append-only): the winning version becomes its
 * English, with who made it; versions in conflict are kept in its history before it, and listed on it.
 */
async function takeCorrection(db: TargumDatabase, { doc, conflicts }: ReceivedTeamDoc & { doc: CorrectionDoc }): Promise<boolean> {
  const article = await sharedArticle(db, doc.article);
  if (!article) return false;
  const edits = await db.edits.where('[articleId+source]').equals([article.id!, doc.source]).toArray();
  const latest = newestBySource(edits).get(doc.source);
  const others = conflicts.filter((other): other is CorrectionDoc => other.type === 'correction' && !other._deleted);
  const versions = others.map((other) => ({ content: { text: other.text, status: other.status }, by: other.by, at: other.at, ...(other._rev ? { rev: other._rev } : {}) }));
  const team = { by: doc.by, at: doc.at, ...(versions.length ? { conflicts: versions } : {}) };
  const status = doc._deleted ? 'machine' : doc.status;
  const text = doc._deleted ? '' : doc.text;
  if (!latest && doc._deleted) return false;
  // The versions in conflict go into the history, so that they stay readable once the conflict is settled.
  const kept = others.filter((other) => !edits.some((edit) => edit.text === other.text && edit.status === other.status && edit.team?.by === other.by));
  const keptEdits = (from: number) => kept.map((other, index) => ({ articleId: article.id!, source: doc.source, text: other.text, status: other.status, createdAt: from + index, team: { by: other.by, at: other.at } }));
  if (latest && latest.text === text && latest.status === status) {
    // The same English (this member's own, come back, or a resolution's): only the conflict mark and the history may change.
    if (JSON.stringify(latest.team?.conflicts ?? []) === JSON.stringify(versions)) return false;
    // Just before the English shown, which stays the sentence's English.
    await db.edits.bulkAdd(keptEdits(latest.createdAt - kept.length));
    await db.edits.update(latest.id!, { team });
    await markArticlesChanged(db, [article.id!]);
    return true;
  }
  const now = Math.max(Date.now(), (latest?.createdAt ?? 0) + 1);
  // The versions set aside first, so that the history shows them and the winner stays the sentence's English.
  await db.edits.bulkAdd([
    ...keptEdits(now),
    { articleId: article.id!, source: doc.source, text, status, createdAt: now + kept.length, team },
  ]);
  await markArticlesChanged(db, [article.id!]);
  return true;
}

/**
 * Settles a gloss in conflict on `chosen` (one of the versions, or the user's merge of them): the other versions go
 * to its history, and the conflicting revisions are removed from the team's database when the change is written.
 */
export async function resolveGlossConflict(db: TargumDatabase, glossId: number, chosen: GlossContent): Promise<void> {
  await db.transaction('rw', db.glosses, db.teamOutbox, async () => {
    const gloss = await db.glosses.get(glossId);
    if (!gloss?.team?.conflicts) return;
    const current: TeamVersion<GlossContent> = { content: glossContent(gloss), by: gloss.team.by, at: gloss.team.at };
    const setAside = [current, ...gloss.team.conflicts].filter((candidate) => !sameGlossContent(candidate.content, chosen));
    const history = [...(gloss.team.history ?? []), ...setAside.map(({ content, by, at, rev }) => ({ content, by, at, ...(rev ? { rev } : {}) }))].slice(-20);
    const { note: _note, lemma: _lemma, ...rest } = gloss;
    await db.glosses.put({ ...rest, ...glossContent(chosen), team: { by: gloss.team.by, at: Date.now(), history } });
    await queueTeamChanges(db, [glossChange(gloss)], gloss.team.conflicts.flatMap(({ rev }) => (rev ? [rev] : [])));
  });
}

/**
 * Settles a memory entry confirmed apart on `target` (one of the versions): the others go to its history, and the
 * conflicting revisions are removed from the team's database when the change is written.
 */
export async function resolveMemoryConflict(db: TargumDatabase, entryId: number, target: string): Promise<void> {
  await db.transaction('rw', db.memory, db.teamOutbox, async () => {
    const entry = await db.memory.get(entryId);
    if (!entry?.team?.conflicts) return;
    const current: TeamVersion<MemoryContent> = { content: { target: entry.target }, by: entry.team.by, at: entry.team.at };
    const setAside = [current, ...entry.team.conflicts].filter((candidate) => candidate.content.target !== target);
    const history = [...(entry.team.history ?? []), ...setAside].slice(-20);
    const at = Date.now();
    await db.memory.put({ ...entry, target, updatedAt: at, team: { by: entry.team.by, at, history } });
    await queueTeamChanges(db, [memoryChange(entry)], entry.team.conflicts.flatMap(({ rev }) => (rev ? [rev] : [])));
  });
}

/**
 * Settles a sentence corrected apart on `chosen` (one of the versions, or the user's merge): it becomes the sentence's
 * English, every version stays in its history, and the conflicting revisions are removed from the team's database.
 */
export async function resolveCorrectionConflict(db: TargumDatabase, articleId: number, source: string, chosen: SegmentValue): Promise<void> {
  await db.transaction('rw', [db.edits, db.articles, db.teamOutbox, db.searchQueue], async () => {
    const latest = newestBySource(await db.edits.where('[articleId+source]').equals([articleId, source]).toArray()).get(source);
    const article = await db.articles.get(articleId);
    if (!latest?.team?.conflicts || !article?.teamId) return;
    await db.edits.add({ articleId, source, text: chosen.text, status: chosen.status, createdAt: Math.max(Date.now(), latest.createdAt + 1) });
    await markArticlesChanged(db, [articleId]);
    const resolves = latest.team.conflicts.flatMap(({ rev }) => (rev ? [rev] : []));
    await queueTeamChanges(db, [{ kind: 'correction', entry: { article: article.teamId, language: article.language, source } }], resolves);
  });
}

/**
 * Settles an alignment whose links members changed apart on `chosen` (one of the versions): the others go to its
 * history, and the conflicting revisions are removed from the team's database when the change is written.
 */
export async function resolveAlignmentConflict(db: TargumDatabase, alignmentId: number, chosen: AlignmentContent): Promise<void> {
  await db.transaction('rw', db.alignments, db.articles, db.teamOutbox, async () => {
    const alignment = await db.alignments.get(alignmentId);
    if (!alignment?.team?.conflicts) return;
    const current: TeamVersion<AlignmentContent> = { content: alignmentContent(alignment), by: alignment.team.by, at: alignment.team.at };
    const setAside = [current, ...alignment.team.conflicts].filter((candidate) => !sameJson(alignmentContent(candidate.content), alignmentContent(chosen)));
    const history = [...(alignment.team.history ?? []), ...setAside].slice(-alignmentHistoryDepth);
    const at = Date.now();
    await db.alignments.put({ ...alignment, ...replacedLinks(alignment, alignmentContent(chosen), 'choice of a version'), revision: alignment.revision + 1, updatedAt: at, team: { by: alignment.team.by, at, history } });
    await queueAlignment(db, alignment, alignment.team.conflicts.flatMap(({ rev }) => (rev ? [rev] : [])));
  });
}
