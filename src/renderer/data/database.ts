import Dexie, { type Table } from 'dexie';
import type {
  AlignmentRecord,
  ArticleRecord,
  EditRecord,
  EntryWordsRecord,
  GlossRecord,
  LibraryEntryRecord,
  MemoryRecord,
  SearchQueueRecord,
  SearchWordRecord,
  SegmentRecord,
  SettingRecord,
  TeamOutboxRecord,
  TranslationRecord,
  UndoLogRecord,
} from './records';
import { migrations } from './schema';

export const databaseName = 'targum';

/** The library in IndexedDB. Only the repositories of src/renderer/data read and write its tables. */
export class TargumDatabase extends Dexie {
  articles!: Table<ArticleRecord, number>;
  segments!: Table<SegmentRecord, number>;
  translations!: Table<TranslationRecord, number>;
  edits!: Table<EditRecord, number>;
  glosses!: Table<GlossRecord, number>;
  alignments!: Table<AlignmentRecord, number>;
  memory!: Table<MemoryRecord, number>;
  settings!: Table<SettingRecord, string>;
  undoLogs!: Table<UndoLogRecord, number>;
  libraryEntries!: Table<LibraryEntryRecord, number>;
  entryWords!: Table<EntryWordsRecord, number>;
  searchWords!: Table<SearchWordRecord, number>;
  searchQueue!: Table<SearchQueueRecord, number>;
  teamOutbox!: Table<TeamOutboxRecord, string>;

  constructor(name: string = databaseName, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
  }
}
