import Dexie, { type Transaction } from 'dexie';
import type { TargumDatabase } from './database';
import { everyArticle } from './records';

/**
 * The articles whose words or English a write changed: what the library's search index (src/renderer/library)
 * is fed with, without the data layer knowing it exists.
 *
 * Every repository function that writes articles, sentences, translations or corrections calls
 * `markArticlesChanged` inside its transaction, which therefore holds `searchQueue` too. The mark is a row
 * of that queue, so a write that commits has queued its articles and one that fails has queued nothing, and
 * what is still queued when the window closes is found the next time. Once the transaction commits,
 * listeners hear which articles it changed.
 */
export type ArticlesChangedListener = (articleIds: readonly number[]) => void;

interface Listeners {
  changed: Set<ArticlesChangedListener>;
  replaced: Set<() => void>;
}

const listenersByDatabase = new WeakMap<TargumDatabase, Listeners>();
/** The articles each open transaction has marked, announced when it commits. */
const marked = new WeakMap<Transaction, Set<number>>();

function listenersOf(db: TargumDatabase): Listeners {
  let listeners = listenersByDatabase.get(db);
  if (!listeners) listenersByDatabase.set(db, (listeners = { changed: new Set(), replaced: new Set() }));
  return listeners;
}

/** Queues the articles as changed; call inside a read-write transaction that holds `db.searchQueue`. */
export async function markArticlesChanged(db: TargumDatabase, articleIds: readonly number[]): Promise<void> {
  if (articleIds.length === 0) return;
  let transaction = Dexie.currentTransaction;
  if (!transaction) throw new Error('markArticlesChanged: call it inside the write transaction');
  // A nested transaction commits with the outermost one.
  while (transaction.parent) transaction = transaction.parent;
  let ids = marked.get(transaction);
  if (!ids) {
    marked.set(transaction, (ids = new Set()));
    const announced = ids;
    transaction.on('complete', () => {
      for (const listener of listenersOf(db).changed) listener([...announced]);
    });
  }
  for (const id of articleIds) ids.add(id);
  await db.searchQueue.bulkPut(articleIds.map((articleId) => ({ articleId, mark: Math.random() })));
}

/** Hears, after each commit, the articles it changed; `everyArticle` (0) stands for all of them. */
export function onArticlesChanged(db: TargumDatabase, listener: ArticlesChangedListener): () => void {
  listenersOf(db).changed.add(listener);
  return () => listenersOf(db).changed.delete(listener);
}

/** Hears when the whole library was replaced (a backup restored): whatever was derived from it is stale. */
export function onLibraryReplaced(db: TargumDatabase, listener: () => void): () => void {
  listenersOf(db).replaced.add(listener);
  return () => listenersOf(db).replaced.delete(listener);
}

/** After a restore: every article queued as changed, and the listeners told. */
export async function announceLibraryReplaced(db: TargumDatabase): Promise<void> {
  for (const listener of listenersOf(db).replaced) listener();
  await db.transaction('rw', db.searchQueue, () => markArticlesChanged(db, [everyArticle]));
}
