import 'fake-indexeddb/auto';
import '../../support/worker-globals';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { restoreBackup } from '../../../src/renderer/data/backup';
import { migrations } from '../../../src/renderer/data/schema';
import { backUpBeforeUpgrade, latestSchemaVersion, upgradeBackupsDatabase } from '../../../src/renderer/data/upgrade-backups';

const first = migrations[0]!;

/**
 * The rows as the latest schema holds them: a memory entry confirmed here stays memory; one imported from a file
 * becomes a reference (the old record does not say whether its file marked it reviewed), dated by its last write.
 */
function upgraded(rows: Record<string, unknown[]>): Record<string, unknown[]> {
  const withOrigin = (entry: Record<string, unknown>) =>
    entry.origin === 'confirmed'
      ? { ...entry, standing: 'reviewed' }
      : { ...entry, origin: 'import', standing: 'reference', importId: 'before-origins', importedAt: entry.updatedAt };
  const memory = (rows.memory as Array<Record<string, unknown>>).map(withOrigin);
  const undoLogs = (rows.undoLogs as Array<{ done: Array<Record<string, unknown>> }> | undefined)?.map((log) => ({
    ...log,
    done: log.done.map((change) => (change.memoryBefore ? { ...change, memoryBefore: withOrigin(change.memoryBefore as Record<string, unknown>) } : change)),
  }));
  return { ...rows, memory, ...(undoLogs ? { undoLogs } : {}) };
}

/** A library as the first released schema wrote it, with a row in every table; the rows as they read once upgraded. */
async function firstVersionLibrary(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(first.version).stores(first.stores);
  const rows = firstVersionRows();
  await old.open();
  for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
  old.close();
  return upgraded(rows);
}

/** A row for every table of the first schema. */
function firstVersionRows(): Record<string, unknown[]> {
  return {
    articles: [{ id: 1, title: 'ארגון דאעש מסר', language: 'he', origin: 'paste', originalText: 'ארגון דאעש מסר היום בקשה.', tags: ['syria'], createdAt: 1, updatedAt: 2 }],
    segments: [{ id: 1, articleId: 1, paragraphIndex: 0, sentenceIndex: 0, text: 'ארגון דאעש מסר היום בקשה.', segmenterVersion: 1 }],
    translations: [{ id: 1, articleId: 1, source: 'ארגון דאעש מסר היום בקשה.', text: 'ISIS made a request today.', modelId: 'm', precision: 'q8', createdAt: 3 }],
    edits: [{ id: 1, articleId: 1, source: 'ארגון דאעש מסר היום בקשה.', text: 'ISIS sent a request today.', status: 'confirmed', createdAt: 4 }],
    glosses: [{ id: 1, key: 'דאעש', surface: 'דאעש', language: 'he', meaning: 'ISIS', createdAt: 5 }],
    alignments: [{ id: 1, articleId: 1, counterpartId: 1, links: [{ source: [0], target: [0], confidence: 0.9, manual: true }], createdAt: 6 }],
    memory: [
      { id: 1, sourceKey: 'he:ארגון דאעש מסר היום בקשה', language: 'he', source: 'ארגון דאעש מסר היום בקשה.', target: 'ISIS sent a request today.', origin: 'confirmed', updatedAt: 7 },
      { id: 2, sourceKey: 'he:הצבא הודיע', language: 'he', source: 'הצבא הודיע.', target: 'The army announced.', origin: 'tmx', updatedAt: 8 },
    ],
    settings: [{ key: 'theme', value: 'dark' }],
  };
}

const previous = migrations.at(-2)!;

const undoLog = { done: [{ kind: 'segment', source: 'ארגון דאעש מסר היום בקשה.', before: null, after: { text: 'ISIS sent a request today.', status: 'confirmed' } }], undone: [] };

/** A library at the schema version before the latest, with a row in every table; the rows as they read once upgraded. */
async function previousVersionLibrary(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  for (const migration of migrations.slice(0, -1)) old.version(migration.version).stores(migration.stores);
  // Rows as version 4 holds them (its memory entries with their origins); version 5 leaves them as they are.
  const rows: Record<string, unknown[]> = upgraded({
    ...firstVersionRows(),
    // A confirmation that replaced an imported memory entry, kept to put the entry back on undo.
    undoLogs: [{ articleId: 1, done: [{ ...undoLog.done[0], memoryBefore: firstVersionRows().memory![1] }], undone: [] }],
    libraryEntries: [{ articleId: 1, title: 'ארגון דאעש מסר', language: 'he', createdAt: 1, tags: ['syria'], excerpt: 'ארגון דאעש מסר היום בקשה.', sentences: 1, confirmed: 1 }],
    entryWords: [{ articleId: 1, words: new Int32Array([1, 2]), folding: 'rules' }],
    searchWords: [
      { id: 1, word: 'ארגון' },
      { id: 2, word: 'דאעש' },
    ],
    searchQueue: [{ articleId: 1, mark: 0.5 }],
  });
  await old.open();
  for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
  old.close();
  return rows;
}

/** A library of version 2, whose undo logs were settings. */
async function undoSettingsLibrary(name: string): Promise<void> {
  const old = new Dexie(name);
  for (const migration of migrations.filter((migration) => migration.version <= 2)) old.version(migration.version).stores(migration.stores);
  await old.open();
  await old.table('settings').bulkAdd([{ key: 'theme', value: 'dark' }, { key: 'undo:article:1', value: undoLog }]);
  old.close();
}

describe('schema upgrades', () => {
  it('open a library of the previous version with data in every table and lose nothing', async () => {
    const rows = await previousVersionLibrary('migrate-previous');
    const db = new TargumDatabase('migrate-previous');
    await db.open();
    expect(db.verno).toBe(latestSchemaVersion);
    expect(previous.version).toBe(latestSchemaVersion - 1);
    // Version 5 adds the team outbox, empty.
    expect(db.tables.map((table) => table.name).sort()).toEqual([...Object.keys(rows), 'teamOutbox'].sort());
    expect(await db.teamOutbox.count()).toBe(0);
    for (const [table, values] of Object.entries(rows)) expect(await db.table(table).toArray(), table).toEqual(values);
    db.close();
  });

  it('move version 2’s undo logs out of the settings', async () => {
    await undoSettingsLibrary('migrate-undo');
    const db = new TargumDatabase('migrate-undo');
    await db.open();
    expect(await db.settings.toArray()).toEqual([{ key: 'theme', value: 'dark' }]);
    expect(await db.undoLogs.toArray()).toEqual([{ articleId: 1, ...undoLog }]);
    db.close();
  });

  it('open a first-version library with data in every table and lose nothing', async () => {
    expect(latestSchemaVersion).toBeGreaterThan(first.version);
    const rows = await firstVersionLibrary('migrate-data');
    const db = new TargumDatabase('migrate-data');
    await db.open();
    expect(db.verno).toBe(latestSchemaVersion);
    for (const [table, values] of Object.entries(rows)) expect(await db.table(table).toArray(), table).toEqual(values);
    db.close();
  });

  it('take a backup of the library as it was before upgrading it, and none when nothing changes', async () => {
    const rows = await firstVersionLibrary('migrate-backup');
    const backup = await backUpBeforeUpgrade('migrate-backup');
    expect(backup).toMatchObject({ fromVersion: first.version, toVersion: latestSchemaVersion });
    const exported = JSON.parse(await backup!.backup.text()) as { data: { databaseVersion: number; data: Array<{ tableName: string; rows: unknown[] }> } };
    expect(exported.data.databaseVersion).toBe(first.version);
    expect(exported.data.data.find((table) => table.tableName === 'edits')!.rows).toHaveLength(rows.edits!.length);
    expect(exported.data.data.find((table) => table.tableName === 'memory')!.rows).toEqual(firstVersionRows().memory);

    const db = new TargumDatabase('migrate-backup');
    await db.open();
    db.close();
    expect(await backUpBeforeUpgrade('migrate-backup')).toBeUndefined();
    const stored = upgradeBackupsDatabase('migrate-backup');
    expect(await stored.backups.count()).toBe(1);
    stored.close();
  });

  it('restore a backup from the first version into a current library, upgraded on the way', async () => {
    const rows = await firstVersionLibrary('targum');
    const backup = (await backUpBeforeUpgrade('targum'))!.backup;
    await Dexie.delete('targum');
    const db = new TargumDatabase();
    await db.open();
    await db.articles.add({ title: 'replaced', language: 'en', origin: 'paste', originalText: 'x', tags: [], createdAt: 0, updatedAt: 0 });
    await restoreBackup(db, backup);
    for (const [table, values] of Object.entries(rows)) expect(await db.table(table).toArray(), table).toEqual(values);
    db.close();
  });
});
