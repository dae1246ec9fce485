import type { Migration } from './migration';

export const initialSchema: Migration = {
  version: 1,
  stores: {
    articles: '++id, title, language, outlet, date, createdAt, *tags',
    segments: '++id, articleId, [articleId+paragraphIndex+sentenceIndex]',
    translations: '++id, [articleId+source], modelId',
    edits: '++id, [articleId+source], createdAt',
    glosses: '++id, key, language, createdAt',
    alignments: '++id, articleId, counterpartId',
    memory: '++id, &sourceKey, language',
    settings: 'key',
  },
};
