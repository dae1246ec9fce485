import { memoryKey } from '../../common/text/memory-key';
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from './database';
import type { MemoryRecord } from './records';

export interface MemoryImport {
  /** Entries written to the translation memory. */
  added: number;
  /** Sentences already confirmed by the reader, whose memory entry the file did not replace. */
  keptConfirmed: number;
}

/** Adds pairs to the translation memory, in one transaction; an entry the reader confirmed is never replaced. */
export async function addMemoryPairs(db: TargumDatabase, pairs: ReadonlyArray<{ language: TextLanguage; source: string; target: string }>): Promise<MemoryImport> {
  return db.transaction('rw', db.memory, async () => {
    const result: MemoryImport = { added: 0, keptConfirmed: 0 };
    const now = Date.now();
    const entries = new Map<string, MemoryRecord>();
    for (const pair of pairs) {
      const sourceKey = memoryKey(pair.language, pair.source);
      entries.set(sourceKey, { sourceKey, language: pair.language, source: pair.source, target: pair.target, origin: 'tmx', updatedAt: now });
    }
    const existing = new Map((await db.memory.where('sourceKey').anyOf([...entries.keys()]).toArray()).map((entry) => [entry.sourceKey, entry]));
    const writes: MemoryRecord[] = [];
    for (const [key, entry] of entries) {
      const known = existing.get(key);
      if (known?.origin === 'confirmed') result.keptConfirmed += 1;
      else writes.push(known ? { ...entry, id: known.id } : entry);
    }
    await db.memory.bulkPut(writes);
    result.added = writes.length;
    return result;
  });
}
