/**
 * The reader's changes to an article (corrections, confirmations, glosses), each one transaction that also
 * records it in the article's undo log, so that undo and redo work after a reload too.
 */
import type { SegmentStatus } from '../../common/formats/translation-output';
import { memoryKey } from '../../common/text/memory-key';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { ArticleChange, ArticleRecord, GlossRecord, MemoryRecord, SegmentValue, UndoLogRecord } from './records';
import { glossChange, memoryChange, queueCorrection, queueTeamChanges } from './team-outbox';

type UndoHistory = Omit<UndoLogRecord, 'articleId'>;

/** Older changes fall off the end of the undo history; the edit history of each segment keeps them all. */
const undoDepth = 200;

function tables(db: TargumDatabase) {
  return [db.edits, db.memory, db.glosses, db.undoLogs, db.searchQueue, db.teamOutbox, db.articles];
}

async function readHistory(db: TargumDatabase, articleId: number): Promise<UndoHistory> {
  return (await db.undoLogs.get(articleId)) ?? { done: [], undone: [] };
}

async function writeHistory(db: TargumDatabase, articleId: number, history: UndoHistory): Promise<void> {
  await db.undoLogs.put({ articleId, done: history.done.slice(-undoDepth), undone: history.undone.slice(-undoDepth) });
}

async function applySegment(db: TargumDatabase, article: ArticleRecord, source: string, value: SegmentValue | null, memory: MemoryRecord | null | undefined): Promise<void> {
  await db.edits.add({ articleId: article.id!, source, text: value?.text ?? '', status: value?.status ?? 'machine', createdAt: Date.now() });
  await markArticlesChanged(db, [article.id!]);
  await queueCorrection(db, article.id!, source);
  if (memory === undefined) return;
  const key = memoryKey(article.language, source);
  if (memory === null) await db.memory.where('sourceKey').equals(key).delete();
  else await db.memory.put(memory);
  await queueTeamChanges(db, [memoryChange({ language: article.language, sourceKey: key })]);
}

async function apply(db: TargumDatabase, article: ArticleRecord, change: ArticleChange, direction: 'forward' | 'back'): Promise<void> {
  const target = direction === 'forward' ? change.after : change.before;
  if (change.kind === 'segment') {
    const memory = change.memoryBefore === undefined ? undefined : direction === 'forward' ? await confirmedMemory(db, article, change.source, change.after!) : change.memoryBefore;
    await applySegment(db, article, change.source, target as SegmentValue | null, memory);
  } else if (target) {
    await db.glosses.put(target as GlossRecord);
    await queueTeamChanges(db, [glossChange(target as GlossRecord)]);
  } else {
    const gone = (direction === 'forward' ? change.before : change.after) as GlossRecord;
    await db.glosses.delete(gone.id!);
    await queueTeamChanges(db, [glossChange(gone)]);
  }
}

/** The memory entry a confirmation writes: one per normalised source sentence, the latest confirmation wins. */
async function confirmedMemory(db: TargumDatabase, article: ArticleRecord, source: string, value: SegmentValue): Promise<MemoryRecord> {
  const sourceKey = memoryKey(article.language, source);
  const existing = await db.memory.where('sourceKey').equals(sourceKey).first();
  const entry: MemoryRecord = { sourceKey, language: article.language, source, target: value.text, origin: 'confirmed', standing: 'reviewed', updatedAt: Date.now() };
  return existing ? { ...entry, id: existing.id } : entry;
}

/** Saves a sentence's correction or confirmation (confirmations go into the translation memory). */
export async function saveSegment(db: TargumDatabase, article: ArticleRecord, source: string, before: SegmentValue | null, after: SegmentValue | null): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    const change: ArticleChange = { kind: 'segment', source, before, after };
    if (after?.status === 'confirmed') {
      change.memoryBefore = (await db.memory.where('sourceKey').equals(memoryKey(article.language, source)).first()) ?? null;
    }
    await record(db, article, change);
  });
}

/** Adds, edits (both records) or deletes (`after` null) a gloss, as one undoable change. */
export async function saveGloss(db: TargumDatabase, article: ArticleRecord, before: GlossRecord | null, after: GlossRecord | null): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    if (after && after.id === undefined) after = { ...after, id: await db.glosses.add(after) };
    else if (after) await db.glosses.put(after);
    else if (before) await db.glosses.delete(before.id!);
    await queueTeamChanges(db, [before, after].filter((gloss): gloss is GlossRecord => gloss !== null).map(glossChange));
    const history = await readHistory(db, article.id!);
    await writeHistory(db, article.id!, { done: [...history.done, { kind: 'gloss', before, after }], undone: [] });
  });
}

async function record(db: TargumDatabase, article: ArticleRecord, change: ArticleChange): Promise<void> {
  await apply(db, article, change, 'forward');
  const history = await readHistory(db, article.id!);
  await writeHistory(db, article.id!, { done: [...history.done, change], undone: [] });
}

/** Undoes the article's latest change; resolves to it, or undefined when there is nothing to undo. */
export function undoChange(db: TargumDatabase, article: ArticleRecord): Promise<ArticleChange | undefined> {
  return replay(db, article, 'back');
}

/** Redoes the change undone last; resolves to it, or undefined when there is nothing to redo. */
export function redoChange(db: TargumDatabase, article: ArticleRecord): Promise<ArticleChange | undefined> {
  return replay(db, article, 'forward');
}

/** Moves the latest change from one list of the undo log to the other, applying it back or forward. */
function replay(db: TargumDatabase, article: ArticleRecord, direction: 'forward' | 'back'): Promise<ArticleChange | undefined> {
  return db.transaction('rw', tables(db), async () => {
    const { done, undone } = await readHistory(db, article.id!);
    const [from, to] = direction === 'back' ? [done, undone] : [undone, done];
    const change = from.at(-1);
    if (!change) return undefined;
    await apply(db, article, change, direction);
    const moved = { from: from.slice(0, -1), to: [...to, change] };
    await writeHistory(db, article.id!, direction === 'back' ? { done: moved.from, undone: moved.to } : { done: moved.to, undone: moved.from });
    return change;
  });
}

/**
 * Sentences' English and status from a file translated or reviewed elsewhere, as edits that keep each
 * sentence's history (not undoable one by one); confirmations go into the translation memory. One transaction.
 */
export async function addImportedEdits(db: TargumDatabase, article: ArticleRecord, edits: ReadonlyArray<{ source: string; text: string; status: SegmentStatus }>): Promise<void> {
  await db.transaction('rw', [db.edits, db.memory, db.searchQueue, db.teamOutbox, db.articles], async () => {
    const now = Date.now();
    await db.edits.bulkAdd(edits.map(({ source, text, status }) => ({ articleId: article.id!, source, text, status, createdAt: now })));
    for (const edit of edits.filter((edit) => edit.status === 'confirmed')) {
      const entry = await confirmedMemory(db, article, edit.source, { text: edit.text, status: 'confirmed' });
      await db.memory.put(entry);
      await queueTeamChanges(db, [memoryChange(entry)]);
    }
    for (const edit of edits) await queueCorrection(db, article.id!, edit.source);
    await markArticlesChanged(db, [article.id!]);
  });
}
