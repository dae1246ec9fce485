import { rowsOfArticle } from './article-rows';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import { queueSharedArticles } from './team-outbox';
import type { TranslationRecord } from './records';

/** Hears the machine translations stored, in this window or another on the same library, once committed, with their ids. */
export type TranslationsStoredListener = (stored: readonly TranslationRecord[]) => void;

interface Subscribers {
  listeners: Set<TranslationsStoredListener>;
  /** The other windows of this library hear a stored batch through it. */
  channel?: BroadcastChannel;
}

const subscribersByDatabase = new WeakMap<TargumDatabase, Subscribers>();

function subscribersOf(db: TargumDatabase): Subscribers {
  let subscribers = subscribersByDatabase.get(db);
  if (!subscribers) {
    subscribersByDatabase.set(db, (subscribers = { listeners: new Set() }));
    if (typeof BroadcastChannel !== 'undefined') {
      const channel = new BroadcastChannel(`targum-translations-stored:${db.name}`);
      channel.onmessage = (event: MessageEvent<TranslationRecord[]>) => tell(subscribers!, event.data);
      // Where the channel could keep a process alive (Node, in tests), it does not.
      (channel as { unref?: () => void }).unref?.();
      subscribers.channel = channel;
    }
  }
  return subscribers;
}

function tell({ listeners }: Subscribers, stored: readonly TranslationRecord[]): void {
  for (const listener of listeners) listener(stored);
}

/**
 * Stores a batch of machine translations in one transaction (the search index hears of each article once),
 * then tells the listeners here and in the library's other windows, so that an open article shows the
 * English without reading itself again.
 * Nothing of the batch is stored when the write fails.
 */
export async function storeTranslations(db: TargumDatabase, batch: readonly Omit<TranslationRecord, 'id'>[]): Promise<TranslationRecord[]> {
  if (batch.length === 0) return [];
  const stored = await db.transaction('rw', [db.translations, db.searchQueue, db.articles, db.teamOutbox], async () => {
    const ids = await db.translations.bulkAdd(batch as TranslationRecord[], { allKeys: true });
    const articleIds = [...new Set(batch.map((row) => row.articleId))];
    await markArticlesChanged(db, articleIds);
    await queueSharedArticles(db, articleIds);
    return batch.map((row, index): TranslationRecord => ({ ...row, id: ids[index] }));
  });
  const subscribers = subscribersOf(db);
  tell(subscribers, stored);
  subscribers.channel?.postMessage(stored);
  return stored;
}

export function onTranslationsStored(db: TargumDatabase, listener: TranslationsStoredListener): () => void {
  subscribersOf(db).listeners.add(listener);
  return () => subscribersOf(db).listeners.delete(listener);
}

/** Every machine translation of an article's sentences (several per sentence when it was translated again). */
export function translationsOf(db: TargumDatabase, articleId: number): Promise<TranslationRecord[]> {
  return rowsOfArticle(db.translations, articleId).toArray();
}
