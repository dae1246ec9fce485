import Dexie, { type Table } from 'dexie';
import { exportDB } from 'dexie-export-import';
import { migrations } from './schema';

/** A copy of the whole library taken just before Targum upgraded its schema. */
export interface UpgradeBackup {
  id?: number;
  createdAt: number;
  fromVersion: number;
  toVersion: number;
  backup: Blob;
}

/** Kept apart from the library, so that an upgrade that goes wrong cannot take them with it. */
class UpgradeBackupsDatabase extends Dexie {
  backups!: Table<UpgradeBackup, number>;

  constructor(name: string) {
    super(name);
    this.version(1).stores({ backups: '++id, createdAt' });
  }
}

const kept = 3;

export const latestSchemaVersion = migrations.at(-1)!.version;

export function upgradeBackupsDatabase(libraryName: string): UpgradeBackupsDatabase {
  return new UpgradeBackupsDatabase(`${libraryName}-upgrade-backups`);
}

/** The copies taken before upgrades of this library, newest first. */
export async function listUpgradeBackups(libraryName: string): Promise<UpgradeBackup[]> {
  const store = upgradeBackupsDatabase(libraryName);
  try {
    return await store.backups.orderBy('createdAt').reverse().toArray();
  } finally {
    store.close();
  }
}

/** The schema version the library has on disk, or 0 when there is no library yet. */
async function storedVersion(libraryName: string): Promise<number> {
  if (!(await Dexie.exists(libraryName))) return 0;
  const stored = new Dexie(libraryName);
  try {
    await stored.open();
    return stored.verno;
  } finally {
    stored.close();
  }
}

/**
 * Before a newer Targum upgrades the library, the library as it was is copied whole into the backups
 * database (the newest three are kept). Resolves to the backup taken, if one was needed.
 */
export async function backUpBeforeUpgrade(libraryName: string): Promise<UpgradeBackup | undefined> {
  const fromVersion = await storedVersion(libraryName);
  if (fromVersion === 0 || fromVersion >= latestSchemaVersion) return undefined;
  const stored = new Dexie(libraryName);
  let backup: Blob;
  try {
    await stored.open();
    backup = await exportDB(stored, { prettyJson: false });
  } finally {
    stored.close();
  }
  const backups = upgradeBackupsDatabase(libraryName);
  try {
    const record: UpgradeBackup = { createdAt: Date.now(), fromVersion, toVersion: latestSchemaVersion, backup };
    await backups.transaction('rw', backups.backups, async () => {
      record.id = await backups.backups.add(record);
      const old = await backups.backups.orderBy('createdAt').reverse().offset(kept).primaryKeys();
      await backups.backups.bulkDelete(old);
    });
    return record;
  } finally {
    backups.close();
  }
}
