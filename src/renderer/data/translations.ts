import { rowsOfArticle } from './article-rows';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { TranslationRecord } from './records';

/** Hears the machine translations stored in this window, once they are committed, with their ids. */
export type TranslationsStoredListener = (stored: readonly TranslationRecord[]) => void;

const listenersByDatabase = new WeakMap<TargumDatabase, Set<TranslationsStoredListener>>();

function listenersOf(db: TargumDatabase): Set<TranslationsStoredListener> {
  let listeners = listenersByDatabase.get(db);
  if (!listeners) listenersByDatabase.set(db, (listeners = new Set()));
  return listeners;
}

/**
 * Stores a batch of machine translations in one transaction (the search index hears of each article once),
 * then tells the listeners, so that an open article shows the English without reading itself again.
 * Nothing of the batch is stored when the write fails.
 */
export async function storeTranslations(db: TargumDatabase, batch: readonly Omit<TranslationRecord, 'id'>[]): Promise<TranslationRecord[]> {
  if (batch.length === 0) return [];
  const stored = await db.transaction('rw', db.translations, db.searchQueue, async () => {
    const ids = await db.translations.bulkAdd(batch as TranslationRecord[], { allKeys: true });
    await markArticlesChanged(db, [...new Set(batch.map((row) => row.articleId))]);
    return batch.map((row, index): TranslationRecord => ({ ...row, id: ids[index] }));
  });
  for (const listener of listenersOf(db)) listener(stored);
  return stored;
}

export function onTranslationsStored(db: TargumDatabase, listener: TranslationsStoredListener): () => void {
  listenersOf(db).add(listener);
  return () => listenersOf(db).delete(listener);
}

/** Every machine translation of an article's sentences (several per sentence when it was translated again). */
export function translationsOf(db: TargumDatabase, articleId: number): Promise<TranslationRecord[]> {
  return rowsOfArticle(db.translations, articleId).toArray();
}
