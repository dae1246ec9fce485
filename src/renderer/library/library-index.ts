import Dexie, { cmp, RangeSet, type IndexableType, type ObservabilitySet } from 'dexie';
import type { TextLanguage } from '../../common/text/segmenter';
import type { TargumDatabase } from '../db/database';
import { searchTerms } from './article-text';
import type { LibraryEntryRecord } from './library-records';
import { folding, loadVocabulary, queueArticles, reconcileSearchText, vocabularyOf } from './search-text';
import { WordIndex } from './word-index';

/** One article as the library lists it. */
export type LibraryEntry = Omit<LibraryEntryRecord, 'words' | 'folding'>;

export type LibraryOrder = 'added' | 'published';

export interface LibraryFilter {
  query: string;
  language?: TextLanguage;
  outlet?: string;
  tag?: string;
  order: LibraryOrder;
}

const byAdded = (a: LibraryEntry, b: LibraryEntry) => b.createdAt - a.createdAt || b.articleId - a.articleId;
// Articles without a known date go last when sorting by publication.
const byPublished = (a: LibraryEntry, b: LibraryEntry) => (b.date ?? '').localeCompare(a.date ?? '') || byAdded(a, b);

/** The library at one moment: React renders from it; a change makes a new one. */
export class LibrarySnapshot {
  private readonly sorted = new Map<LibraryOrder, LibraryEntry[]>();
  private outletList?: string[];
  private tagList?: string[];

  constructor(
    /** False until every entry has been read once. */
    readonly ready: boolean,
    readonly entries: ReadonlyMap<number, LibraryEntry>,
    private readonly index: LibraryIndex,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The outlets of the library's articles, in alphabetical order. */
  get outlets(): string[] {
    return (this.outletList ??= distinctSorted([...this.entries.values()].flatMap((entry) => (entry.outlet ? [entry.outlet] : []))));
  }

  get tags(): string[] {
    return (this.tagList ??= distinctSorted([...this.entries.values()].flatMap((entry) => entry.tags)));
  }

  /** The entries that match the filter, in its order. */
  find(filter: LibraryFilter): LibraryEntry[] {
    const matching = this.index.search(searchTerms(filter.query));
    const ordered = this.sorted.get(filter.order) ?? [...this.entries.values()].sort(filter.order === 'added' ? byAdded : byPublished);
    this.sorted.set(filter.order, ordered);
    return ordered.filter(
      (entry) =>
        (!matching || matching.has(entry.articleId)) &&
        (!filter.language || entry.language === filter.language) &&
        (!filter.outlet || entry.outlet === filter.outlet) &&
        (!filter.tag || entry.tags.includes(filter.tag)),
    );
  }
}

function distinctSorted(values: string[]): string[] {
  return [...new Set(values)].sort((a, b) => a.localeCompare(b));
}

/**
 * The library's entries and search index in memory, read once from the database and then kept current
 * from Dexie's change notifications (which name the entries written, in this window or another), so that
 * a search never goes to the database.
 */
export class LibraryIndex {
  private readonly entries = new Map<number, LibraryEntry>();
  private readonly words = new WordIndex();
  private readonly vocabulary;
  private readonly listeners = new Set<() => void>();
  private snapshot: LibrarySnapshot;
  private ready = false;
  private started = false;
  /** Loading and applying changes, one after another. */
  private work: Promise<void> = Promise.resolve();
  private readonly changedPart: string;

  constructor(private readonly db: TargumDatabase) {
    this.vocabulary = vocabularyOf(db);
    this.snapshot = new LibrarySnapshot(false, new Map(), this);
    this.changedPart = `idb://${db.name}/libraryEntries/`;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    this.start();
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): LibrarySnapshot => this.snapshot;

  /** The ids of the articles that contain every term (folded, as searchTerms gives them); undefined for no terms. */
  search(terms: readonly string[]): Set<number> | undefined {
    if (terms.length === 0) return undefined;
    const matches = terms.slice(0, 255).map((term) => this.vocabulary.containing(term));
    if (matches.some((wordIds) => wordIds.length === 0)) return new Set();
    return new Set(this.words.documentsWithAll(matches));
  }

  /** Resolves once every change notified so far is applied. */
  settled(): Promise<void> {
    return this.work;
  }

  /** Reads every entry once, then follows the changes. */
  start(): void {
    if (this.started) return;
    this.started = true;
    Dexie.on('storagemutated', this.onStorageMutated);
    this.enqueue(async () => {
      await loadVocabulary(this.db);
      let last: number | undefined;
      for (;;) {
        // In pages, newest first, so that the top of the list shows while the rest is read.
        const page = await (last === undefined ? this.db.libraryEntries.toCollection() : this.db.libraryEntries.where(':id').below(last)).reverse().limit(2000).toArray();
        if (page.length === 0) break;
        await this.apply(page);
        last = page.at(-1)!.articleId;
        this.publish();
      }
      this.ready = true;
      this.publish();
    });
  }

  /** Repairs entries that writes made without Dexie left missing or stale (see reconcileSearchText). */
  reconcile(): void {
    this.enqueue(() => reconcileSearchText(this.db));
  }

  private readonly onStorageMutated = (parts: ObservabilitySet) => {
    const part = parts[this.changedPart];
    if (!part) return;
    const ranges = [...RangeSet(part)].map(({ from, to }) => ({ from, to }));
    this.enqueue(() => this.reload(ranges));
  };

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      if (!(error instanceof Dexie.DatabaseClosedError)) console.error('Targum could not read the library list:', error);
    });
  }

  /** Reads the entries in the changed key ranges again; those no longer there are removed. */
  private async reload(ranges: ReadonlyArray<{ from: IndexableType; to: IndexableType }>): Promise<void> {
    const keys = ranges.filter(({ from, to }) => cmp(from, to) === 0).map(({ from }) => from as number);
    const wide = ranges.filter(({ from, to }) => cmp(from, to) !== 0);
    const found = (await this.db.libraryEntries.bulkGet(keys)).filter((entry): entry is LibraryEntryRecord => entry !== undefined);
    const foundIds = new Set(found.map((entry) => entry.articleId));
    const gone = keys.filter((key) => !foundIds.has(key));
    for (const { from, to } of wide) {
      const inRange = await this.db.libraryEntries.where(':id').between(from, to, true, true).toArray();
      const present = new Set(inRange.map((entry) => entry.articleId));
      for (const id of this.entries.keys()) if (cmp(id, from) >= 0 && cmp(id, to) <= 0 && !present.has(id)) gone.push(id);
      found.push(...inRange);
    }
    for (const id of gone) {
      this.entries.delete(id);
      this.words.remove(id);
    }
    await this.apply(found);
    this.publish();
  }

  private async apply(records: readonly LibraryEntryRecord[]): Promise<void> {
    const unknown = new Set<number>();
    for (const record of records) for (const id of record.words) if (!this.vocabulary.has(id)) unknown.add(id);
    if (unknown.size > 0) {
      const rows = await this.db.searchWords.bulkGet([...unknown]);
      for (const row of rows) if (row) this.vocabulary.learn(row.id!, row.word);
    }
    const stale: number[] = [];
    for (const { words: _words, folding: madeWith, ...entry } of records) {
      this.entries.set(entry.articleId, entry);
      if (madeWith !== folding) stale.push(entry.articleId);
    }
    this.words.set(records.map((record) => ({ id: record.articleId, words: record.words })));
    if (stale.length > 0) await queueArticles(this.db, stale);
  }

  private publish(): void {
    this.snapshot = new LibrarySnapshot(this.ready, new Map(this.entries), this);
    for (const listener of this.listeners) listener();
  }
}

const indexes = new WeakMap<TargumDatabase, LibraryIndex>();

/** The one library index of a database, started on first use and kept for the session. */
export function libraryIndexOf(db: TargumDatabase): LibraryIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new LibraryIndex(db)));
  return index;
}
