import { rowsOfArticle } from './article-rows';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { AlignmentRecord, ArticleRecord, EditRecord, SegmentRecord, TranslationRecord, UndoLogRecord } from './records';
import { queueWholeArticle } from './team-outbox';

/** Everything that belonged to a deleted article, kept so that Undo can put it back exactly. */
export interface DeletedArticle {
  article: ArticleRecord;
  segments: SegmentRecord[];
  translations: TranslationRecord[];
  edits: EditRecord[];
  alignments: AlignmentRecord[];
  undoLog?: UndoLogRecord;
}

const tables = (db: TargumDatabase) => [db.articles, db.segments, db.translations, db.edits, db.alignments, db.undoLogs, db.searchQueue, db.teamOutbox];

function rowsOf(db: TargumDatabase, articleId: number) {
  return {
    segments: db.segments.where('articleId').equals(articleId),
    translations: rowsOfArticle(db.translations, articleId),
    edits: rowsOfArticle(db.edits, articleId),
    // Alignments it is either side of: with the article as source, and as the counterpart of another.
    alignments: db.alignments.where('articleId').equals(articleId).or('counterpartId').equals(articleId),
  };
}

/**
 * Deletes an article with its sentences, translations, corrections, alignments and undo log, in one transaction. A
 * shared article is deleted from the team too (its document and its corrections').
 */
export async function deleteArticle(db: TargumDatabase, articleId: number): Promise<DeletedArticle | undefined> {
  return db.transaction('rw', tables(db), async () => {
    const deleted = await deleteArticleRows(db, articleId);
    if (deleted?.article.teamId) await queueWholeArticle(db, deleted.article as ArticleRecord & { teamId: string }, deleted.edits, deleted.alignments);
    return deleted;
  });
}

/** Deletes an article and all that belongs to it, inside the caller's transaction (which holds the tables `deleteArticle` uses), queueing nothing. */
export async function deleteArticleRows(db: TargumDatabase, articleId: number): Promise<DeletedArticle | undefined> {
  const article = await db.articles.get(articleId);
  if (!article) return undefined;
  const rows = rowsOf(db, articleId);
  const undoLog = await db.undoLogs.get(articleId);
  const deleted: DeletedArticle = {
    article,
    segments: await rows.segments.toArray(),
    translations: await rows.translations.toArray(),
    edits: await rows.edits.toArray(),
    alignments: await rows.alignments.toArray(),
    ...(undoLog ? { undoLog } : {}),
  };
  await db.articles.delete(articleId);
  await Promise.all([rows.segments.delete(), rows.translations.delete(), rows.edits.delete(), rows.alignments.delete(), db.undoLogs.delete(articleId)]);
  await markArticlesChanged(db, [articleId]);
  return deleted;
}

/** Puts a deleted article back, with the same ids; a shared one comes back for the team too. */
export async function restoreArticle(db: TargumDatabase, deleted: DeletedArticle): Promise<void> {
  await db.transaction('rw', tables(db), async () => {
    await db.articles.add(deleted.article);
    await db.segments.bulkAdd(deleted.segments);
    await db.translations.bulkAdd(deleted.translations);
    await db.edits.bulkAdd(deleted.edits);
    await db.alignments.bulkAdd(deleted.alignments);
    if (deleted.undoLog) await db.undoLogs.put(deleted.undoLog);
    await markArticlesChanged(db, [deleted.article.id!]);
    if (deleted.article.teamId) await queueWholeArticle(db, deleted.article as ArticleRecord & { teamId: string }, deleted.edits, deleted.alignments);
  });
}
