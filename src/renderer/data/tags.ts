import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { ArticleRecord } from './records';

/** At most this many characters: a tag is a label, not a note. */
export const tagLength = 40;

/** A tag as typed, tidied: no leading #, single spaces, at most `tagLength` characters. */
function normalizeTag(typed: string): string {
  return typed.trim().replace(/^#+/, '').replace(/\s+/g, ' ').trim().slice(0, tagLength).trim();
}

/**
 * Adds the tags typed (several separated by commas) that the article does not have yet, ignoring case; a
 * tag the library already uses keeps the library's spelling, so that filtering by it finds both.
 */
export async function addTags(db: TargumDatabase, articleId: number, typed: string, libraryTags: readonly string[] = []): Promise<void> {
  const spelling = new Map(libraryTags.map((tag) => [tag.toLocaleLowerCase(), tag]));
  const wanted = typed
    .split(/[,،]/)
    .map(normalizeTag)
    .filter(Boolean)
    .map((tag) => spelling.get(tag.toLocaleLowerCase()) ?? tag);
  if (wanted.length === 0) return;
  await modifyTags(db, articleId, (article) => {
    const known = new Set(article.tags.map((tag) => tag.toLocaleLowerCase()));
    for (const tag of wanted) {
      if (known.has(tag.toLocaleLowerCase())) continue;
      known.add(tag.toLocaleLowerCase());
      article.tags.push(tag);
    }
  });
}

export async function removeTag(db: TargumDatabase, articleId: number, tag: string): Promise<void> {
  await modifyTags(db, articleId, (article) => {
    article.tags = article.tags.filter((known) => known !== tag);
  });
}

async function modifyTags(db: TargumDatabase, articleId: number, change: (article: ArticleRecord) => void): Promise<void> {
  await db.transaction('rw', db.articles, db.searchQueue, async () => {
    await db.articles.where(':id').equals(articleId).modify(change);
    await markArticlesChanged(db, [articleId]);
  });
}
