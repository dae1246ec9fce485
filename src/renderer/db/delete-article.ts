import Dexie from 'dexie';
import type { TargumDatabase } from './database';
import type { AlignmentRecord, ArticleRecord, EditRecord, SegmentRecord, TranslationRecord } from './records';

/** Everything that belonged to a deleted article, kept so that Undo can put it back exactly. */
export interface DeletedArticle {
  article: ArticleRecord;
  segments: SegmentRecord[];
  translations: TranslationRecord[];
  edits: EditRecord[];
  alignments: AlignmentRecord[];
}

function rowsOf(db: TargumDatabase, articleId: number) {
  const bySource = (table: TargumDatabase['translations'] | TargumDatabase['edits']) =>
    table.where('[articleId+source]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]);
  return {
    segments: db.segments.where('articleId').equals(articleId),
    translations: bySource(db.translations),
    edits: bySource(db.edits),
    // Alignments it is either side of: with the article as source, and as the counterpart of another.
    alignments: db.alignments.where('articleId').equals(articleId).or('counterpartId').equals(articleId),
  };
}

/** Deletes an article with its sentences, translations, corrections and alignments, in one transaction. */
export async function deleteArticle(db: TargumDatabase, articleId: number): Promise<DeletedArticle | undefined> {
  return db.transaction('rw', [db.articles, db.segments, db.translations, db.edits, db.alignments], async () => {
    const article = await db.articles.get(articleId);
    if (!article) return undefined;
    const rows = rowsOf(db, articleId);
    const deleted: DeletedArticle = {
      article,
      segments: await rows.segments.toArray(),
      translations: (await rows.translations.toArray()) as TranslationRecord[],
      edits: (await rows.edits.toArray()) as EditRecord[],
      alignments: await rows.alignments.toArray(),
    };
    await db.articles.delete(articleId);
    await Promise.all([rows.segments.delete(), rows.translations.delete(), rows.edits.delete(), rows.alignments.delete()]);
    return deleted;
  });
}

/** Puts a deleted article back, with the same ids. */
export async function restoreArticle(db: TargumDatabase, deleted: DeletedArticle): Promise<void> {
  await db.transaction('rw', [db.articles, db.segments, db.translations, db.edits, db.alignments], async () => {
    await db.articles.add(deleted.article);
    await db.segments.bulkAdd(deleted.segments);
    await db.translations.bulkAdd(deleted.translations);
    await db.edits.bulkAdd(deleted.edits);
    await db.alignments.bulkAdd(deleted.alignments);
  });
}
