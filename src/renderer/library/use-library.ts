import { useEffect, useState, useSyncExternalStore } from 'react';
import type { TargumDatabase } from '../db/database';
import { readArticleText } from './article-text';
import { libraryIndexOf, type LibraryEntry, type LibrarySnapshot } from './library-index';
import { snippetOf, type Snippet } from './snippet';

/** The library's entries and search, current as articles, translations and corrections change. */
export function useLibrary(db: TargumDatabase): LibrarySnapshot {
  const index = libraryIndexOf(db);
  return useSyncExternalStore(index.subscribe, index.getSnapshot);
}

export interface FoundPassage {
  snippet: Snippet;
  /** Where it was found: the article's own text, or its English. */
  in: 'source' | 'english';
}

/** Passages per entry (a rewritten entry is a new object, so its passages are looked for again). */
const passages = new WeakMap<LibraryEntry, Map<string, FoundPassage | null>>();

/** The passage of an article around the first match of the terms, in its text or else its English; read when a row shows. */
export function usePassage(db: TargumDatabase, entry: LibraryEntry, terms: readonly string[]): FoundPassage | null | undefined {
  const key = terms.join(' ');
  const known = passages.get(entry)?.get(key);
  const [found, setFound] = useState<{ entry: LibraryEntry; key: string; passage: FoundPassage | null }>();
  useEffect(() => {
    if (!key || known !== undefined) return;
    let current = true;
    void readArticleText(db, entry.articleId).then((text) => {
      const words = key.split(' ');
      const source = text && snippetOf(text.article.originalText, words);
      const english = text && !source ? snippetOf(text.english.join(' '), words) : undefined;
      const passage = source ? { snippet: source, in: 'source' as const } : english ? { snippet: english, in: 'english' as const } : null;
      if (!passages.has(entry)) passages.set(entry, new Map());
      passages.get(entry)!.set(key, passage);
      if (current) setFound({ entry, key, passage });
    });
    return () => {
      current = false;
    };
  }, [db, entry, key, known]);
  if (!key) return null;
  if (known !== undefined) return known;
  return found?.entry === entry && found.key === key ? found.passage : undefined;
}
