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
    await transaction
      .table('memory')
      .toCollection()
      .modify((entry: Record<string, unknown>) => {
        if (entry.origin === 'confirmed') {
          entry.standing = 'reviewed';
          return;
        }
        entry.origin = 'import';
        entry.standing = 'reference';
        entry.importId = earlierImports;
        entry.importedAt = entry.updatedAt;
      });
  },
};
