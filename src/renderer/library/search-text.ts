import Dexie from 'dexie';
import { foldText } from '../../common/text/fold';
import type { TargumDatabase } from '../data/database';
import { excerptOf, readArticleText, searchableWords } from './article-text';
import { onArticlesChanged, onLibraryReplaced } from '../data/changed-articles';
import { everyArticle, type LibraryEntryRecord, type SearchQueueRecord } from '../data/records';
import { forgetVocabulary, loadVocabulary, vocabularyGeneration, type Vocabulary } from './vocabulary';

/**
 * Keeps each article's library entry and search words (data/records.ts) current with what the
 * repositories write to articles, sentences, translations and corrections:
 *
 * 1. Each such write queues its articles in `searchQueue` in its own transaction (data/changed-articles.ts):
 *    a write that commits has queued its articles; one that fails has queued nothing.
 * 2. Once it commits, the queue is worked off in the background: each queued article's entry is rebuilt
 *    from a consistent read and written only if the article was not queued again meanwhile. What is still
 *    queued when the window closes is worked off the next time the library opens.
 *
 * `refreshSearchText` and `whenSearchTextCurrent` are for code that wrote behind the repositories' back, and for tests.
 */
/** Entries written per transaction: under 50, so that Dexie reports the exact keys written to live queries. */
const batchSize = 40;

const kept = new WeakSet<TargumDatabase>();

/** Follows the repositories' writes to this database, once. */
export function keepSearchTextCurrent(db: TargumDatabase): void {
  if (kept.has(db)) return;
  kept.add(db);
  onArticlesChanged(db, () => refresherOf(db).schedule());
  // A restored backup brings its own vocabulary.
  onLibraryReplaced(db, () => forgetVocabulary(db));
}

/** Queues articles for rebuilding (all of them when no ids are given) and waits until the queue is empty. */
export async function refreshSearchText(db: TargumDatabase, articleIds?: readonly number[]): Promise<void> {
  await queueArticles(db, articleIds ?? [everyArticle]);
  await whenSearchTextCurrent(db);
}

/** Works off the queue now; resolves when it is empty. */
export function whenSearchTextCurrent(db: TargumDatabase): Promise<void> {
  return refresherOf(db).run();
}

/**
 * Queues the articles whose entry is missing and drops the entries of articles that are gone: the repair
 * for writes made without Dexie (another program, a test emptying tables), cheap enough to run on every
 * visit to the library. Also works off whatever an earlier session left queued.
 */
export async function reconcileSearchText(db: TargumDatabase): Promise<void> {
  const [articleIds, entryIds, queued] = await Promise.all([
    db.articles.toCollection().primaryKeys(),
    db.libraryEntries.toCollection().primaryKeys(),
    db.searchQueue.toCollection().primaryKeys(),
  ]);
  const known = new Set([...entryIds, ...queued]);
  const present = new Set(articleIds);
  const repair = [...articleIds.filter((id) => !known.has(id)), ...entryIds.filter((id) => !present.has(id))];
  if (repair.length > 0) await queueArticles(db, repair);
  else if (queued.length > 0) refresherOf(db).schedule();
}

/** Queues articles for rebuilding without waiting for it. */
export async function queueArticles(db: TargumDatabase, articleIds: readonly number[]): Promise<void> {
  await db.searchQueue.bulkPut(articleIds.map((articleId) => ({ articleId, mark: Math.random() })));
  refresherOf(db).schedule();
}

/**
 * A fingerprint of the folding rules and of how text is cut into words: an entry made under other rules
 * is rebuilt, so a change to foldText never leaves the library searching stale words.
 */
export const folding: string = (() => {
  const ranges = [
    [0x20, 0x24f],
    [0x370, 0x3ff],
    [0x590, 0x6ff],
    [0x750, 0x77f],
    [0x2000, 0x206f],
    [0xfb1d, 0xfdff],
    [0xfe70, 0xfeff],
  ];
  const probe = ranges.flatMap(([from, to]) => Array.from({ length: to! - from! + 1 }, (_, offset) => String.fromCodePoint(from! + offset))).join(' ');
  // The leading number is the version of searchableWords (article-text.ts): bump it when that changes.
  const text = `1\n${foldText(probe)}`;
  // FNV-1a, 32 bits.
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return hash.toString(16).padStart(8, '0');
})();

class Refresher {
  private running?: Promise<void>;
  private again = false;
  private timer?: ReturnType<typeof setTimeout>;

  constructor(private readonly db: TargumDatabase) {}

  /** Runs soon, once for a burst of writes. */
  schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.run().catch((error: unknown) => {
        if (!(error instanceof Dexie.DatabaseClosedError)) console.error('Targum could not update the library search:', error);
      });
    }, 40);
  }

  run(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        while (await workOffBatch(this.db));
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }
}

const refreshers = new WeakMap<TargumDatabase, Refresher>();

function refresherOf(db: TargumDatabase): Refresher {
  let refresher = refreshers.get(db);
  if (!refresher) refreshers.set(db, (refresher = new Refresher(db)));
  return refresher;
}

/** Rebuilds the entries of up to one batch of queued articles; false when the queue was empty. */
async function workOffBatch(db: TargumDatabase): Promise<boolean> {
  const queued = await db.searchQueue.limit(batchSize).toArray();
  if (queued.length === 0) return false;
  if (queued.some((entry) => entry.articleId === everyArticle)) {
    await queueEveryArticle(db);
    return true;
  }
  // One read transaction over the sources and the queue: each entry is built from one state of the library,
  // and the mark read with it says which state that was.
  const built = await db.transaction('r', [db.articles, db.segments, db.translations, db.edits, db.searchQueue], () =>
    Promise.all(
      queued.map(async ({ articleId }) => {
        const [mark, text] = await Promise.all([db.searchQueue.get(articleId).then((entry) => entry?.mark), readArticleText(db, articleId)]);
        return { articleId, mark, text, words: text && searchableWords(text) };
      }),
    ),
  );
  const generation = vocabularyGeneration(db);
  const vocabulary = await loadVocabulary(db);
  const learned = await db.transaction('rw', [db.libraryEntries, db.entryWords, db.searchWords, db.searchQueue], async () => {
    const current = await db.searchQueue.bulkGet(built.map((item) => item.articleId));
    // The vocabulary table was replaced (a backup restored) since it was read: try again with the new one.
    if (vocabularyGeneration(db) !== generation) return undefined;
    const ids = await wordIds(db, vocabulary, built.flatMap((item) => (item.words ? [...item.words] : [])));
    const done = built.filter((item, index) => item.mark !== undefined && current[index]?.mark === item.mark);
    const present = done.flatMap(({ articleId, text, words }) => (text && words ? [{ articleId, text, words }] : []));
    await db.libraryEntries.bulkPut(
      present.map(
        ({ articleId, text, text: { article, sentences, confirmed } }): LibraryEntryRecord => ({
          articleId,
          title: article.title,
          language: article.language,
          ...(article.outlet ? { outlet: article.outlet } : {}),
          ...(article.date ? { date: article.date } : {}),
          createdAt: article.createdAt,
          tags: article.tags,
          excerpt: excerptOf(text),
          sentences,
          confirmed,
        }),
      ),
    );
    await db.entryWords.bulkPut(present.map(({ articleId, words }) => ({ articleId, words: Int32Array.from(words, (word) => ids.get(word)!).sort(), folding })));
    const gone = done.filter((item) => !item.text).map((item) => item.articleId);
    await db.libraryEntries.bulkDelete(gone);
    await db.entryWords.bulkDelete(gone);
    await db.searchQueue.bulkDelete(done.map((item) => item.articleId));
    return ids;
  });
  // Learned only once committed: an aborted transaction's new ids do not exist.
  for (const [word, id] of learned ?? []) vocabulary.learn(id, word);
  return true;
}

/** Ids for words, adding the new ones to the vocabulary table; call inside a transaction over searchWords. */
async function wordIds(db: TargumDatabase, vocabulary: Vocabulary, words: readonly string[]): Promise<Map<string, number>> {
  const ids = new Map<string, number>();
  const unknown = new Set<string>();
  for (const word of words) {
    const id = vocabulary.idOf(word);
    if (id === undefined) unknown.add(word);
    else ids.set(word, id);
  }
  if (unknown.size === 0) return ids;
  // Another window may have added some of them since the vocabulary was loaded.
  for (const row of await db.searchWords.where('word').anyOf([...unknown]).toArray()) {
    ids.set(row.word, row.id!);
    unknown.delete(row.word);
  }
  const added = [...unknown];
  const addedIds = await db.searchWords.bulkAdd(
    added.map((word) => ({ word })),
    { allKeys: true },
  );
  added.forEach((word, index) => ids.set(word, addedIds[index]!));
  return ids;
}

/** Replaces the "every article" entry by one entry per article, and drops the entries of articles that are gone. */
async function queueEveryArticle(db: TargumDatabase): Promise<void> {
  await db.transaction('rw', [db.articles, db.libraryEntries, db.entryWords, db.searchQueue], async () => {
    const [articleIds, entryIds] = await Promise.all([db.articles.toCollection().primaryKeys(), db.libraryEntries.toCollection().primaryKeys()]);
    const present = new Set(articleIds);
    const gone = entryIds.filter((id) => !present.has(id));
    await db.libraryEntries.bulkDelete(gone);
    await db.entryWords.bulkDelete(gone);
    await db.searchQueue.bulkPut(articleIds.map((articleId): SearchQueueRecord => ({ articleId, mark: Math.random() })));
    await db.searchQueue.delete(everyArticle);
  });
}
