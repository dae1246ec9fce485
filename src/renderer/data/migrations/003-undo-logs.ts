import type { Migration } from './migration';

/** Before version 3, an article's undo log was the setting `undo:article:<id>`. */
const oldUndoKey = /^undo:article:(\d+)$/;

/** Each article's undo log in a table of its own, keyed by the article, so that it goes when the article goes. */
export const undoLogs: Migration = {
  version: 3,
  stores: { undoLogs: 'articleId' },
  upgrade: async (transaction) => {
    const settings = transaction.table('settings');
    const logs = (await settings.where('key').startsWith('undo:article:').toArray()) as Array<{ key: string; value: { done?: unknown[]; undone?: unknown[] } }>;
    const moved = logs.flatMap(({ key, value }) => {
      const articleId = Number(oldUndoKey.exec(key)?.[1]);
      return Number.isInteger(articleId) ? [{ key, log: { articleId, done: value?.done ?? [], undone: value?.undone ?? [] } }] : [];
    });
    await transaction.table('undoLogs').bulkPut(moved.map(({ log }) => log));
    await settings.bulkDelete(moved.map(({ key }) => key));
  },
};
