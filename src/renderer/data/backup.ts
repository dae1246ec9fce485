import Dexie from 'dexie';
import { exportDB, importDB, importInto, peakImportFile } from 'dexie-export-import';
import { announceLibraryReplaced } from './changed-articles';
import { databaseName, TargumDatabase } from './database';

export class BackupError extends Error {}

/** The whole library (every table) as one JSON file. */
export function createBackup(db: TargumDatabase): Promise<Blob> {
  return exportDB(db, { prettyJson: false });
}

export function backupFileName(date: Date = new Date()): string {
  return `targum-backup-${date.toISOString().slice(0, 10)}.json`;
}

/**
 * Replaces the library with a backup, in one transaction: a file that is not a Targum backup of a schema
 * this version can read is refused before anything changes, and a restore that fails midway changes nothing.
 * A backup from an older version is first upgraded by the same migrations as the library.
 */
export async function restoreBackup(db: TargumDatabase, file: Blob): Promise<void> {
  let meta: Awaited<ReturnType<typeof peakImportFile>>;
  try {
    meta = await peakImportFile(file);
  } catch {
    throw new BackupError('This file is not a Targum backup.');
  }
  if (meta.formatName !== 'dexie' || meta.data.databaseName !== databaseName) throw new BackupError('This file is not a Targum backup.');
  if (meta.data.databaseVersion > db.verno) {
    throw new BackupError(`This backup comes from a newer Targum (library version ${meta.data.databaseVersion}); update Targum, then restore it.`);
  }
  const current = meta.data.databaseVersion < db.verno ? await upgradedBackup(file, `${db.name}-restoring`) : file;
  await importInto(db, current, { clearTablesBeforeImport: true, acceptNameDiff: true });
  await announceLibraryReplaced(db);
}

/** The backup loaded into a scratch database at its own version, upgraded there, and exported again. */
async function upgradedBackup(file: Blob, scratchName: string): Promise<Blob> {
  await Dexie.delete(scratchName);
  (await importDB(file, { name: scratchName })).close();
  const scratch = new TargumDatabase(scratchName);
  try {
    await scratch.open();
    return await exportDB(scratch, { prettyJson: false });
  } finally {
    scratch.close();
    await Dexie.delete(scratchName);
  }
}
