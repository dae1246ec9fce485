import { everyArticle } from '../records';
import type { Migration } from './migration';

/**
 * The library's list entries, their search words and the vocabulary (src/renderer/library/search-text.ts). Existing
 * articles are queued for indexing rather than indexed here, so that the upgrade does not hold up opening
 * a large library.
 */
export const searchText: Migration = {
  version: 2,
  stores: {
    libraryEntries: 'articleId',
    entryWords: 'articleId',
    searchWords: '++id, &word',
    searchQueue: 'articleId',
  },
  upgrade: async (transaction) => {
    await transaction.table('searchQueue').put({ articleId: everyArticle, mark: Math.random() });
  },
};
