import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useState } from 'react';
import type { TargumDatabase } from './database';

/** Settings that belong to this library (this browser profile or desktop app), not to the Node services. */
export interface LibrarySettings {
  theme: 'system' | 'light' | 'dark';
  /** Set once the sample library has been written; it is never written again, even after deletion. */
  sampleLibrarySeeded: boolean;
  readerMode: 'side-by-side' | 'interlinear' | 'source' | 'english';
  /** English on the first side, the source on the second. */
  readerSwapped: boolean;
  /** Mark the words of machine English the model was unsure of. */
  unsureMarks: boolean;
}

const defaults: LibrarySettings = { theme: 'system', sampleLibrarySeeded: false, readerMode: 'side-by-side', readerSwapped: false, unsureMarks: true };

export async function readLibrarySetting<K extends keyof LibrarySettings>(db: TargumDatabase, key: K): Promise<LibrarySettings[K]> {
  const row = await db.settings.get(key);
  return row === undefined ? defaults[key] : (row.value as LibrarySettings[K]);
}

export async function writeLibrarySetting<K extends keyof LibrarySettings>(db: TargumDatabase, key: K, value: LibrarySettings[K]): Promise<void> {
  await db.settings.put({ key, value });
}

/** A library setting as React state: shows a change at once, then keeps it in the database. */
export function useLibrarySetting<K extends keyof LibrarySettings>(
  db: TargumDatabase,
  key: K,
): [LibrarySettings[K] | undefined, (value: LibrarySettings[K]) => Promise<void>] {
  const stored = useLiveQuery(() => readLibrarySetting(db, key), [db, key]);
  // What this screen wrote, and what was stored before: shown until the database says otherwise (another window).
  const [written, setWritten] = useState<{ value: LibrarySettings[K]; before: LibrarySettings[K] | undefined }>();
  const update = useCallback(
    async (value: LibrarySettings[K]) => {
      setWritten({ value, before: stored });
      try {
        await writeLibrarySetting(db, key, value);
      } catch (error) {
        setWritten(undefined);
        throw error;
      }
    },
    [db, key, stored],
  );
  const shown = written && (stored === written.before || stored === written.value) ? written.value : stored;
  return [shown, update];
}
