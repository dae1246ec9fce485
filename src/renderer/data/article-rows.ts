import Dexie, { type Table } from 'dexie';

/** The rows of one article in a table indexed by [articleId+source] (translations, edits), whatever their source. */
export function rowsOfArticle<T>(table: Table<T, number>, articleId: number) {
  return table.where('[articleId+source]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]);
}
