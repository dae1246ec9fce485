import type { TextLanguage } from '../../common/text/language';

/**
 * What the library list and its search know of one article, derived from the article, its sentences,
 * translations and corrections, and rewritten whenever one of them changes (see search-text.ts).
 */
export interface LibraryEntryRecord {
  articleId: number;
  title: string;
  language: TextLanguage;
  outlet?: string;
  date?: string;
  createdAt: number;
  tags: string[];
  /** The opening of the text after the title. */
  excerpt: string;
  /** Sentences outside site boilerplate. */
  sentences: number;
  /** Of those, the ones whose latest correction is a confirmation. */
  confirmed: number;
}

/** What a search looks for in one article, written with its entry but kept apart, so that the list is read without it. */
export interface EntryWordsRecord {
  articleId: number;
  /** The distinct folded words of the title, the text and its current English, as ids of searchWords, ascending. */
  words: Int32Array;
  /** Which folding rules made the words (search-text.ts): words made by other rules are made again. */
  folding: string;
}

/** One folded word of the library's vocabulary. Ids are never reused, so a word's id never changes. */
export interface SearchWordRecord {
  id?: number;
  word: string;
}

/** An article whose library entry must be rebuilt; `mark` changes with every write, so a rebuild from an older state is not taken for a current one. */
export interface SearchQueueRecord {
  articleId: number;
  mark: number;
}

/** The queue entry that stands for every article (article ids start at 1). */
export const everyArticle = 0;
