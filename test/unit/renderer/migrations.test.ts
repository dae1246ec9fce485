import 'fake-indexeddb/auto';
import '../../support/worker-globals';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { TargumDatabase } from '../../../src/renderer/db/database';
import { restoreBackup } from '../../../src/renderer/db/backup';
import { migrations } from '../../../src/renderer/db/schema';
import { backUpBeforeUpgrade, latestSchemaVersion, upgradeBackupsDatabase } from '../../../src/renderer/db/upgrade-backups';

const first = migrations[0]!;

/** A library as the first released schema wrote it, with a row in every table. */
async function firstVersionLibrary(name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  old.version(first.version).stores(first.stores);
  const rows: Record<string, unknown[]> = {
    articles: [{ id: 1, title: 'ארגון דאעש מסר', language: 'he', origin: 'paste', originalText: 'ארגון דאעש מסר היום בקשה.', tags: ['syria'], createdAt: 1, updatedAt: 2 }],
    segments: [{ id: 1, articleId: 1, paragraphIndex: 0, sentenceIndex: 0, text: 'ארגון דאעש מסר היום בקשה.', segmenterVersion: 1 }],
    translations: [{ id: 1, articleId: 1, source: 'ארגון דאעש מסר היום בקשה.', text: 'ISIS made a request today.', modelId: 'm', precision: 'q8', createdAt: 3 }],
    edits: [{ id: 1, articleId: 1, source: 'ארגון דאעש מסר היום בקשה.', text: 'ISIS sent a request today.', status: 'confirmed', createdAt: 4 }],
    glosses: [{ id: 1, key: 'דאעש', surface: 'דאעש', language: 'he', meaning: 'ISIS', createdAt: 5 }],
    alignments: [{ id: 1, articleId: 1, counterpartId: 1, links: [{ source: [0], target: [0], confidence: 0.9, manual: true }], createdAt: 6 }],
    memory: [{ id: 1, sourceKey: 'he:ארגון דאעש מסר היום בקשה', language: 'he', source: 'ארגון דאעש מסר היום בקשה.', target: 'ISIS sent a request today.', origin: 'confirmed', updatedAt: 7 }],
    settings: [{ key: 'theme', value: 'dark' }],
  };
  await old.open();
  for (const [table, values] of Object.entries(rows)) await old.table(table).bulkAdd(values);
  old.close();
  return rows;
}

describe('schema upgrades', () => {
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
