import { exportDB, importInto, peakImportFile } from 'dexie-export-import';
import { databaseName, type TargumDatabase } from './database';

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
  if (meta.data.databaseVersion < db.verno) {
    throw new BackupError(`This backup comes from an older Targum (library version ${meta.data.databaseVersion}); restore it there and make a new backup.`);
  }
  await importInto(db, file, { clearTablesBeforeImport: true });
}
