import { memoryStanding, type ReviewTrust, type UnitReview } from '../../common/formats/memory-standing';
import { memoryKey } from '../../common/text/memory-key';
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from './database';
import type { MemoryRecord } from './records';
import { isSharedMemory } from './team-docs';
import { memoryChange, queueTeamChanges } from './team-outbox';

export interface MemoryPair {
  language: TextLanguage;
  source: string;
  target: string;
  review?: UnitReview;
}

/** The file pairs come from, and the user's word on its units' review. */
export interface MemorySource {
  fileName: string;
  trust?: ReviewTrust;
}

export interface MemoryImport {
  /** This import's id: its entries are listed, trusted and deleted together. */
  importId: string;
  /** Reviewed entries written to the translation memory (offered as the sentences' English). */
  added: number;
  /** Unreviewed units kept as references (offered as suggestions only). */
  references: number;
  /** Sentences already confirmed by the reader, whose memory entry the file did not replace. */
  keptConfirmed: number;
}

/** An entry may replace another unless it would replace a confirmation made here, or a reviewed entry by a reference. */
function replaces(entry: MemoryRecord, known: MemoryRecord | undefined): boolean {
  if (!known) return true;
  if (known.origin === 'confirmed') return false;
  return entry.standing === 'reviewed' || known.standing === 'reference';
}

/** How a long write reports and is stopped: the share done (0 to 1), and the user's cancel. */
export interface StoreControl {
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** Entries built, looked up and written this many at a time. */
const batchSize = 1_000;

/** A turn for the screen (input, progress, painting) between batches of work on this thread. */
const screenTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** A file's pairs as the memory entries they become, one per sentence, before any is written. */
export interface MemoryEntries {
  importId: string;
  entries: Map<string, MemoryRecord>;
}

/**
 * The entries of a file's pairs: reviewed units as memory, the others as references, each with the file and date.
 * Built in batches with a turn for the screen between them; the user's cancel stops it.
 */
export async function memoryEntriesOf(pairs: readonly MemoryPair[], from: MemorySource, signal?: AbortSignal): Promise<MemoryEntries> {
  const importedAt = Date.now();
  const importId = crypto.randomUUID();
  const entries = new Map<string, MemoryRecord>();
  for (let at = 0; at < pairs.length; at += batchSize) {
    if (at > 0) await screenTurn();
    signal?.throwIfAborted();
    for (const pair of pairs.slice(at, at + batchSize)) {
      const sourceKey = memoryKey(pair.language, pair.source);
      entries.set(sourceKey, {
        sourceKey,
        language: pair.language,
        source: pair.source,
        target: pair.target,
        origin: 'import',
        standing: memoryStanding(pair.review, from.trust),
        ...(pair.review ? { review: pair.review } : {}),
        importId,
        fileName: from.fileName,
        importedAt,
        updatedAt: importedAt,
      });
    }
  }
  return { importId, entries };
}

/**
 * Writes memory entries in one transaction (or inside the caller's, which must hold `memory`). What the reader
 * confirmed is never replaced. A large file is written in batches, each issued when the one before is done, so
 * that the screen answers between them; its progress is reported, and a cancel (or a failure) aborts the
 * transaction and leaves the memory as it was.
 */
export function writeMemoryEntries(db: TargumDatabase, { importId, entries }: MemoryEntries, control: StoreControl = {}): Promise<MemoryImport> {
  const { onProgress, signal } = control;
  const keys = [...entries.keys()];
  return db.transaction('rw', db.memory, async () => {
    const result: MemoryImport = { importId, added: 0, references: 0, keptConfirmed: 0 };
    for (let at = 0; at < keys.length; at += batchSize) {
      signal?.throwIfAborted();
      const batch = keys.slice(at, at + batchSize);
      const existing = new Map((await db.memory.where('sourceKey').anyOf(batch).toArray()).map((entry) => [entry.sourceKey, entry]));
      const writes: MemoryRecord[] = [];
      for (const key of batch) {
        const entry = entries.get(key)!;
        const known = existing.get(key);
        if (known?.origin === 'confirmed') result.keptConfirmed += 1;
        if (!replaces(entry, known)) continue;
        writes.push(known ? { ...entry, id: known.id } : entry);
        if (entry.standing === 'reviewed') result.added += 1;
        else result.references += 1;
      }
      await db.memory.bulkPut(writes);
      onProgress?.((at + batch.length) / keys.length);
    }
    return result;
  });
}

/** Adds a file's pairs to the translation memory (memoryEntriesOf, then writeMemoryEntries). */
export async function addMemoryPairs(db: TargumDatabase, pairs: readonly MemoryPair[], from: MemorySource, control: StoreControl = {}): Promise<MemoryImport> {
  return writeMemoryEntries(db, await memoryEntriesOf(pairs, from, control.signal), control);
}

/**
 * The user's word on one import's units after the fact: with `trust`, its references of a review the user vouches
 * for become memory; without, they go back to references. Returns how many entries changed.
 */
export async function setImportTrust(db: TargumDatabase, importId: string, trust: ReviewTrust): Promise<number> {
  return db.transaction('rw', db.memory, async () => {
    const entries = await db.memory.where('importId').equals(importId).toArray();
    const changed = entries.flatMap((entry) => {
      const standing = memoryStanding(entry.review, trust);
      return standing === entry.standing ? [] : [{ ...entry, standing }];
    });
    await db.memory.bulkPut(changed);
    return changed.length;
  });
}

/** Every entry, the newest first. */
export async function memoryEntries(db: TargumDatabase): Promise<MemoryRecord[]> {
  return (await db.memory.toArray()).sort((a, b) => b.updatedAt - a.updatedAt || (b.id ?? 0) - (a.id ?? 0));
}

/** Deletes entries and returns them, to be put back by `restoreMemoryEntries`. */
export async function deleteMemoryEntries(db: TargumDatabase, ids: readonly number[]): Promise<MemoryRecord[]> {
  return db.transaction('rw', db.memory, db.teamOutbox, async () => {
    const gone = (await db.memory.bulkGet([...ids])).filter((entry): entry is MemoryRecord => entry !== undefined);
    await db.memory.bulkDelete(gone.map((entry) => entry.id!));
    await queueTeamChanges(db, gone.filter(isSharedMemory).map(memoryChange));
    return gone;
  });
}

/** Every entry one import added. */
export async function importedEntryIds(db: TargumDatabase, importId: string): Promise<number[]> {
  return (await db.memory.where('importId').equals(importId).primaryKeys()) as number[];
}

/** Undoes a deletion: the entries come back unless their sentence has an entry again since (a confirmation, an import). */
export async function restoreMemoryEntries(db: TargumDatabase, entries: readonly MemoryRecord[]): Promise<number> {
  return db.transaction('rw', db.memory, db.teamOutbox, async () => {
    const taken = new Set((await db.memory.where('sourceKey').anyOf(entries.map((entry) => entry.sourceKey)).toArray()).map((entry) => entry.sourceKey));
    const back = entries.filter((entry) => !taken.has(entry.sourceKey));
    await db.memory.bulkAdd(back);
    await queueTeamChanges(db, back.filter(isSharedMemory).map(memoryChange));
    return back.length;
  });
}
