import { memoryKey } from '../../common/text/memory-key';
import type { TargumDatabase } from '../db/database';
import type { ArticleRecord, GlossRecord, MemoryRecord } from '../db/records';
import type { SegmentValue } from './segment-state';

/**
 * One change the reader makes while reading an article, kept with what it replaced so it can be undone
 * and redone, after a reload too. A confirmation also records the memory entry it replaced.
 */
export type ArticleChange =
  | { kind: 'segment'; source: string; before: SegmentValue | null; after: SegmentValue | null; /** Set on confirmations. */ memoryBefore?: MemoryRecord | null }
  | { kind: 'gloss'; before: GlossRecord | null; after: GlossRecord | null };

interface UndoHistory {
  done: ArticleChange[];
  undone: ArticleChange[];
}

/** Older changes fall off the end of the undo history; the edit history of each segment keeps them all. */
const undoDepth = 200;

export const undoHistoryKey = (articleId: number) => `undo:article:${articleId}`;

function tables(db: TargumDatabase) {
  return [db.edits, db.memory, db.glosses, db.settings];
}

async function readHistory(db: TargumDatabase, articleId: number): Promise<UndoHistory> {
  const stored = (await db.settings.get(undoHistoryKey(articleId)))?.value as UndoHistory | undefined;
  return stored ?? { done: [], undone: [] };
}

async function writeHistory(db: TargumDatabase, articleId: number, history: UndoHistory): Promise<void> {
  await db.settings.put({ key: undoHistoryKey(articleId), value: { done: history.done.slice(-undoDepth), undone: history.undone.slice(-undoDepth) } });
}

async function applySegment(db: TargumDatabase, article: ArticleRecord, source: string, value: SegmentValue | null, memory: MemoryRecord | null | undefined): Promise<void> {
  await db.edits.add({ articleId: article.id!, source, text: value?.text ?? '', status: value?.status ?? 'machine', createdAt: Date.now() });
  if (memory === undefined) return;
  const key = memoryKey(article.language, source);
  if (memory === null) await db.memory.where('sourceKey').equals(key).delete();
  else await db.memory.put(memory);
}

async function apply(db: TargumDatabase, article: ArticleRecord, change: ArticleChange, direction: 'forward' | 'back'): Promise<void> {
  const target = direction === 'forward' ? change.after : change.before;
  if (change.kind === 'segment') {
    const memory = change.memoryBefore === undefined ? undefined : direction === 'forward' ? await confirmedMemory(db, article, change.source, change.after!) : change.memoryBefore;
    await applySegment(db, article, change.source, target as SegmentValue | null, memory);
  } else if (target) {
    await db.glosses.put(target as GlossRecord);
  } else {
    const gone = (direction === 'forward' ? change.before : change.after) as GlossRecord;
    await db.glosses.delete(gone.id!);
  }
}

/** The memory entry a confirmation writes: one per normalised source sentence, the latest confirmation wins. */
export async function confirmedMemory(db: TargumDatabase, article: ArticleRecord, source: string, value: SegmentValue): Promise<MemoryRecord> {
  const sourceKey = memoryKey(article.language, source);
  const existing = await db.memory.where('sourceKey').equals(sourceKey).first();
  const entry: MemoryRecord = { sourceKey, language: article.language, source, target: value.text, origin: 'confirmed', updatedAt: Date.now() };
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
export async function undoChange(db: TargumDatabase, article: ArticleRecord): Promise<ArticleChange | undefined> {
  return db.transaction('rw', tables(db), async () => {
    const history = await readHistory(db, article.id!);
    const change = history.done.at(-1);
    if (!change) return undefined;
    await apply(db, article, change, 'back');
    await writeHistory(db, article.id!, { done: history.done.slice(0, -1), undone: [...history.undone, change] });
    return change;
  });
}

export async function redoChange(db: TargumDatabase, article: ArticleRecord): Promise<ArticleChange | undefined> {
  return db.transaction('rw', tables(db), async () => {
    const history = await readHistory(db, article.id!);
    const change = history.undone.at(-1);
    if (!change) return undefined;
    await apply(db, article, change, 'forward');
    await writeHistory(db, article.id!, { done: [...history.done, change], undone: history.undone.slice(0, -1) });
    return change;
  });
}
