import type { Migration } from './migration';

/** The import id given to entries imported before Targum kept which file they came from. */
export const earlierImports = 'before-origins';

/**
 * Every memory entry records where it came from and whether it was reviewed. Entries confirmed here stay memory;
 * entries imported from files become references (suggestions only): the old records do not say whether their
 * file marked them reviewed.
 */
export const memoryOrigins: Migration = {
  version: 4,
  stores: { memory: '++id, &sourceKey, language, importId' },
  upgrade: async (transaction) => {
    await transaction.table('memory').toCollection().modify(withOrigin);
    // An undo log keeps the memory entry a confirmation replaced, to put it back: it is upgraded the same way.
    await transaction
      .table('undoLogs')
      .toCollection()
      .modify((log: { done: Array<Record<string, unknown>>; undone: Array<Record<string, unknown>> }) => {
        for (const change of [...log.done, ...log.undone]) if (change.memoryBefore) withOrigin(change.memoryBefore as Record<string, unknown>);
      });
  },
};

function withOrigin(entry: Record<string, unknown>): void {
  if (entry.origin === 'confirmed') {
    entry.standing = 'reviewed';
    return;
  }
  entry.origin = 'import';
  entry.standing = 'reference';
  entry.importId = earlierImports;
  entry.importedAt = entry.updatedAt;
}
