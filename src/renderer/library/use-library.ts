import { useEffect, useState, useSyncExternalStore } from 'react';
import { splitParagraphs } from '../../common/text/segmenter';
import { getArticle } from '../data/articles';
import type { TargumDatabase } from '../data/database';
import { readArticleText } from './article-text';
import { libraryIndexOf, type LibraryEntry, type LibrarySnapshot } from './library-index';
import { snippetOf, type Snippet } from './snippet';

/**
 * The library's entries and search, current as articles, translations and corrections change; each visit
 * also repairs what was written without Dexie.
 */
export function useLibrary(db: TargumDatabase): LibrarySnapshot {
  const index = libraryIndexOf(db);
  useEffect(() => index.reconcile(), [index]);
  return useSyncExternalStore(index.subscribe, index.getSnapshot);
}

export interface FoundPassage {
  snippet: Snippet;
  /** Where it was found: the article's own text, or its English. */
  in: 'source' | 'english';
}

/** What was read of one article for its passages; the English only when the text had no match. */
interface ArticleTexts {
  entry: LibraryEntry;
  paragraphs: Promise<string[]>;
  english?: Promise<string[]>;
  passages: Map<string, FoundPassage | null>;
}

/** The articles whose rows showed last, so that typing on does not read them again; a rewritten entry is read afresh. */
const recentTexts = new WeakMap<TargumDatabase, Map<number, ArticleTexts>>();
const keptArticles = 300;

function textsOf(db: TargumDatabase, entry: LibraryEntry): ArticleTexts {
  let recent = recentTexts.get(db);
  if (!recent) recentTexts.set(db, (recent = new Map()));
  let texts = recent.get(entry.articleId);
  recent.delete(entry.articleId);
  if (texts?.entry !== entry) {
    const paragraphs = getArticle(db, entry.articleId).then((article) => (article ? splitParagraphs(article.originalText) : []));
    texts = { entry, paragraphs, passages: new Map() };
  }
  recent.set(entry.articleId, texts);
  if (recent.size > keptArticles) recent.delete(recent.keys().next().value!);
  return texts;
}

async function findPassage(db: TargumDatabase, texts: ArticleTexts, terms: readonly string[]): Promise<FoundPassage | null> {
  const source = snippetOf(await texts.paragraphs, terms);
  if (source) return { snippet: source, in: 'source' };
  texts.english ??= readArticleText(db, texts.entry.articleId).then((text) => text?.english ?? []);
  const english = snippetOf(await texts.english, terms);
  return english ? { snippet: english, in: 'english' } : null;
}

/** The passage of an article around the first match of the terms, in its text or else its English; read when a row shows. */
export function usePassage(db: TargumDatabase, entry: LibraryEntry, terms: readonly string[]): FoundPassage | null | undefined {
  const key = terms.join(' ');
  const [found, setFound] = useState<{ entry: LibraryEntry; key: string; passage: FoundPassage | null }>();
  useEffect(() => {
    if (!key) return;
    let current = true;
    const texts = textsOf(db, entry);
    const known = texts.passages.get(key);
    void (known !== undefined ? Promise.resolve(known) : findPassage(db, texts, key.split(' '))).then((passage) => {
      texts.passages.set(key, passage);
      if (texts.passages.size > 20) texts.passages.delete(texts.passages.keys().next().value!);
      if (current) setFound({ entry, key, passage });
    });
    return () => {
      current = false;
    };
  }, [db, entry, key]);
  if (!key) return null;
  if (found?.entry === entry && found.key === key) return found.passage;
  // Found before (scrolled back into view, or typed again): shown at once.
  const known = recentTexts.get(db)?.get(entry.articleId);
  return known?.entry === entry ? known.passages.get(key) : undefined;
}
