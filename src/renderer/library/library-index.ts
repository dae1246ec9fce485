import Dexie, { cmp, RangeSet, type IndexableType, type ObservabilitySet, type Table } from 'dexie';
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from '../data/database';
import { searchTerms } from './article-text';
import type { EntryWordsRecord, LibraryEntryRecord } from '../data/records';
import { folding, keepSearchTextCurrent, queueArticles, reconcileSearchText } from './search-text';
import { loadVocabulary, onVocabularyForgotten, vocabularyOf, type Vocabulary } from './vocabulary';
import { WordIndex } from './word-index';

/** One article as the library lists it. */
export type LibraryEntry = LibraryEntryRecord;

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
    /** False until every entry's words have been read once: until then a search finds nothing. */
    readonly searchReady: boolean,
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
 * a search never goes to the database. The list is read first; the words, ten times larger, after it.
 */
export class LibraryIndex {
  private readonly entries = new Map<number, LibraryEntry>();
  private words = new WordIndex();
  private vocabulary: Vocabulary;
  private readonly listeners = new Set<() => void>();
  private snapshot: LibrarySnapshot;
  private ready = false;
  private searchReady = false;
  private started = false;
  /** Loading and applying changes, one after another. */
  private work: Promise<void> = Promise.resolve();
  private readonly entriesPart: string;
  private readonly wordsPart: string;

  constructor(private readonly db: TargumDatabase) {
    keepSearchTextCurrent(db);
    this.vocabulary = vocabularyOf(db);
    this.snapshot = new LibrarySnapshot(false, false, new Map(), this);
    this.entriesPart = `idb://${db.name}/libraryEntries/`;
    this.wordsPart = `idb://${db.name}/entryWords/`;
    // A restored backup brings its own vocabulary: everything is read again.
    onVocabularyForgotten(db, () => this.started && this.enqueue(() => this.load()));
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
    const matches = terms.slice(0, 255).map((term) => this.vocabulary.matching(term));
    if (matches.some((wordIds) => wordIds.length === 0)) return new Set();
    return new Set(this.words.documentsWithAll(matches));
  }

  /** Resolves once every change notified so far is applied. */
  settled(): Promise<void> {
    return this.work;
  }

  /** Reads every entry, then every entry's words, then follows the changes. */
  start(): void {
    if (this.started) return;
    this.started = true;
    Dexie.on('storagemutated', this.onStorageMutated);
    this.enqueue(() => this.load());
  }

  private async load(): Promise<void> {
    this.entries.clear();
    this.words = new WordIndex();
    this.vocabulary = vocabularyOf(this.db);
    this.searchReady = false;
    for (const entry of await this.db.libraryEntries.toArray()) this.entries.set(entry.articleId, entry);
    this.ready = true;
    this.publish();
    await loadVocabulary(this.db);
    let last = -Infinity;
    for (;;) {
      const page = await this.db.entryWords.where(':id').above(last).limit(2000).toArray();
      if (page.length === 0) break;
      await this.applyWords(page);
      last = page.at(-1)!.articleId;
    }
    this.searchReady = true;
    this.publish();
  }

  /** Repairs entries that writes made without Dexie left missing or stale (see reconcileSearchText). */
  reconcile(): void {
    this.enqueue(() => reconcileSearchText(this.db));
  }

  private readonly onStorageMutated = (parts: ObservabilitySet) => {
    const entries = parts[this.entriesPart];
    const words = parts[this.wordsPart];
    if (entries) this.enqueue(() => this.reload(this.db.libraryEntries, ranges(entries), (found, gone) => this.applyEntries(found, gone)));
    if (words) this.enqueue(() => this.reload(this.db.entryWords, ranges(words), (found, gone) => this.applyWords(found, gone)));
  };

  private enqueue(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      if (!(error instanceof Dexie.DatabaseClosedError)) console.error('Targum could not read the library list:', error);
    });
  }

  /** Reads the records in the changed key ranges again, and which of those known before are gone. */
  private async reload<T extends { articleId: number }>(
    table: Table<T, number>,
    changed: ReadonlyArray<{ from: IndexableType; to: IndexableType }>,
    apply: (found: T[], gone: number[]) => Promise<void> | void,
  ): Promise<void> {
    const keys = changed.filter(({ from, to }) => cmp(from, to) === 0).map(({ from }) => from as number);
    const found = (await table.bulkGet(keys)).filter((record): record is T => record !== undefined);
    const foundIds = new Set(found.map((record) => record.articleId));
    const gone = keys.filter((key) => !foundIds.has(key));
    for (const { from, to } of changed.filter((range) => cmp(range.from, range.to) !== 0)) {
      const inRange = await table.where(':id').between(from, to, true, true).toArray();
      const present = new Set(inRange.map((record) => record.articleId));
      for (const id of this.entries.keys()) if (cmp(id, from) >= 0 && cmp(id, to) <= 0 && !present.has(id)) gone.push(id);
      found.push(...inRange);
    }
    await apply(found, gone);
    this.publish();
  }

  private applyEntries(found: readonly LibraryEntryRecord[], gone: readonly number[] = []): void {
    for (const id of gone) this.entries.delete(id);
    for (const entry of found) this.entries.set(entry.articleId, entry);
  }

  private async applyWords(found: readonly EntryWordsRecord[], gone: readonly number[] = []): Promise<void> {
    for (const id of gone) this.words.remove(id);
    // Words added to the vocabulary since it was read (the ids are in ascending order).
    const unknown = new Set<number>();
    for (const { words } of found) {
      for (let i = words.length - 1; i >= 0 && words[i]! > this.vocabulary.knownThrough; i--) if (!this.vocabulary.has(words[i]!)) unknown.add(words[i]!);
    }
    if (unknown.size > 0) {
      for (const row of await this.db.searchWords.bulkGet([...unknown])) if (row) this.vocabulary.learn(row.id!, row.word);
    }
    this.words.set(found.map((record) => ({ id: record.articleId, words: record.words })));
    const stale = found.filter((record) => record.folding !== folding).map((record) => record.articleId);
    if (stale.length > 0) await queueArticles(this.db, stale);
  }

  private publish(): void {
    this.snapshot = new LibrarySnapshot(this.ready, this.searchReady, new Map(this.entries), this);
    for (const listener of this.listeners) listener();
  }
}

function ranges(changed: ObservabilitySet[string]): Array<{ from: IndexableType; to: IndexableType }> {
  return [...RangeSet(changed)].map(({ from, to }) => ({ from, to }));
}

const indexes = new WeakMap<TargumDatabase, LibraryIndex>();

/** The one library index of a database, started on first use and kept for the session. */
export function libraryIndexOf(db: TargumDatabase): LibraryIndex {
  let index = indexes.get(db);
  if (!index) indexes.set(db, (index = new LibraryIndex(db)));
  return index;
}
