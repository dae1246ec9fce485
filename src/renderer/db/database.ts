import Dexie, { type Table } from 'dexie';
import type { EntryWordsRecord, LibraryEntryRecord, SearchQueueRecord, SearchWordRecord } from '../library/library-records';
import { keepSearchTextCurrent } from '../library/search-text';
import type {
  AlignmentRecord,
  ArticleRecord,
  EditRecord,
  GlossRecord,
  MemoryRecord,
  SegmentRecord,
  SettingRecord,
  TranslationRecord,
} from './records';
import { migrations } from './schema';

export const databaseName = 'targum';

export class TargumDatabase extends Dexie {
  articles!: Table<ArticleRecord, number>;
  segments!: Table<SegmentRecord, number>;
  translations!: Table<TranslationRecord, number>;
  edits!: Table<EditRecord, number>;
  glosses!: Table<GlossRecord, number>;
  alignments!: Table<AlignmentRecord, number>;
  memory!: Table<MemoryRecord, number>;
  settings!: Table<SettingRecord, string>;
  libraryEntries!: Table<LibraryEntryRecord, number>;
  entryWords!: Table<EntryWordsRecord, number>;
  searchWords!: Table<SearchWordRecord, number>;
  searchQueue!: Table<SearchQueueRecord, number>;

  constructor(name: string = databaseName, options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    for (const migration of migrations) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade) version.upgrade(migration.upgrade);
    }
    keepSearchTextCurrent(this);
  }
}
