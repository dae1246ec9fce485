/**
 * The outbox of team sharing: repository writes to shared entries queue the team documents they change here, in
 * the same transaction, and the replication writes what the outbox names into the local replica (team-mirror.ts).
 */
import type { TextLanguage } from '../../common/text/language';
import type { TargumDatabase } from './database';
import { rowsOfArticle } from './article-rows';
import { newestBySource } from './segment-state';
import type { AlignmentRecord, ArticleRecord, EditRecord, GlossRecord, MemoryRecord, TeamOutboxRecord } from './records';
import { alignmentDocId, articleDocId, correctionDocId, glossDocId, isSharedMemory, memoryDocId } from './team-docs';

export type TeamChange =
  | { kind: 'gloss'; entry: Pick<GlossRecord, 'language' | 'key'> }
  | { kind: 'memory'; entry: Pick<MemoryRecord, 'language' | 'sourceKey'> }
  | { kind: 'article'; entry: { teamId: string; language: TextLanguage } }
  | { kind: 'correction'; entry: { article: string; language: TextLanguage; source: string } }
  | { kind: 'alignment'; entry: { article: string; counterpart: string; language: TextLanguage } };

function outboxRow(change: TeamChange, at: number): TeamOutboxRecord {
  switch (change.kind) {
    case 'gloss':
      return { docId: glossDocId(change.entry.language, change.entry.key), kind: 'gloss', ref: change.entry.key, language: change.entry.language, at };
    case 'memory':
      return { docId: memoryDocId(change.entry.sourceKey), kind: 'memory', ref: change.entry.sourceKey, language: change.entry.language, at };
    case 'article':
      return { docId: change.entry.teamId, kind: 'article', ref: change.entry.teamId, language: change.entry.language, at };
    case 'correction':
      return { docId: correctionDocId(change.entry.article, change.entry.source), kind: 'correction', ref: change.entry.source, article: change.entry.article, language: change.entry.language, at };
    case 'alignment':
      return { docId: alignmentDocId(change.entry.article, change.entry.counterpart), kind: 'alignment', ref: change.entry.counterpart, article: change.entry.article, language: change.entry.language, at };
  }
}

/** Queues shared entries that changed; call inside the transaction that changes them (with `db.teamOutbox` in its scope). */
export async function queueTeamChanges(db: TargumDatabase, changes: readonly TeamChange[], resolves?: string[]): Promise<void> {
  if (changes.length === 0) return;
  const at = Date.now();
  const rows = new Map<string, TeamOutboxRecord>();
  for (const change of changes) {
    const row = outboxRow(change, at);
    rows.set(row.docId, resolves ? { ...row, resolves } : row);
  }
  await db.teamOutbox.bulkPut([...rows.values()]);
}

export const glossChange = (entry: Pick<GlossRecord, 'language' | 'key'>): TeamChange => ({ kind: 'gloss', entry });
export const memoryChange = (entry: Pick<MemoryRecord, 'language' | 'sourceKey'>): TeamChange => ({ kind: 'memory', entry });

/**
 * Queues a corrected sentence of a shared article (nothing for an article not shared); call inside the transaction
 * that changes it, with `db.articles` and `db.teamOutbox` in its scope.
 */
export async function queueCorrection(db: TargumDatabase, articleId: number, source: string): Promise<void> {
  const article = await db.articles.get(articleId);
  if (article?.teamId) await queueTeamChanges(db, [{ kind: 'correction', entry: { article: article.teamId, language: article.language, source } }]);
}

/** Queues a shared article itself again (its machine English changed); nothing for an article not shared. */
export async function queueSharedArticles(db: TargumDatabase, articleIds: readonly number[]): Promise<void> {
  const articles = (await db.articles.bulkGet([...articleIds])).filter((article): article is ArticleRecord & { teamId: string } => article?.teamId !== undefined);
  await queueTeamChanges(db, articles.map((article) => ({ kind: 'article', entry: { teamId: article.teamId, language: article.language } })));
}

/**
 * Shares an article with the team ("Share with team"): the article with its machine English, each of its corrected
 * sentences, and its alignments with the articles they join (shared too), which from then on are shared as they
 * change. Resolves to its team document's id.
 */
export async function shareArticle(db: TargumDatabase, articleId: number): Promise<string> {
  return db.transaction('rw', db.articles, db.edits, db.alignments, db.teamOutbox, async () => {
    const article = await db.articles.get(articleId);
    if (!article) throw new Error('This article is no longer in the library.');
    const alignments = await db.alignments.where('articleId').equals(articleId).or('counterpartId').equals(articleId).toArray();
    const others = (await db.articles.bulkGet(alignments.map((alignment) => (alignment.articleId === articleId ? alignment.counterpartId : alignment.articleId)))).filter(
      (other): other is ArticleRecord => other !== undefined,
    );
    const sharing = [article, ...others].map((shared) => ({ ...shared, teamId: shared.teamId ?? articleDocId(shared) }));
    // Every article gets its team id first: an alignment is shared once both its articles are.
    for (const shared of sharing) await db.articles.update(shared.id!, { teamId: shared.teamId });
    for (const shared of sharing) await queueWholeArticle(db, shared, await rowsOfArticle(db.edits, shared.id!).toArray(), shared.id === articleId ? alignments : []);
    return sharing[0]!.teamId;
  });
}

/**
 * Queues a shared article, each of its corrected sentences (`edits`: its corrections' history) and its `alignments`
 * with other shared articles: shared, deleted (when it is no longer in the library, they go as deletions) or put back.
 * Call inside the transaction that changes it, with `db.articles` in its scope.
 */
export async function queueWholeArticle(db: TargumDatabase, article: ArticleRecord & { teamId: string }, edits: readonly EditRecord[], alignments: readonly AlignmentRecord[]): Promise<void> {
  const corrected = [...newestBySource(edits).values()].filter((edit) => edit.status !== 'machine');
  const aligned: TeamChange[] = [];
  for (const alignment of alignments) {
    const [source, counterpart] = await db.articles.bulkGet([alignment.articleId, alignment.counterpartId]);
    const sourceTeamId = alignment.articleId === article.id ? article.teamId : source?.teamId;
    const counterpartTeamId = alignment.counterpartId === article.id ? article.teamId : counterpart?.teamId;
    if (sourceTeamId && counterpartTeamId) aligned.push({ kind: 'alignment', entry: { article: sourceTeamId, counterpart: counterpartTeamId, language: source?.language ?? article.language } });
  }
  await queueTeamChanges(db, [
    { kind: 'article', entry: { teamId: article.teamId, language: article.language } },
    ...corrected.map((edit): TeamChange => ({ kind: 'correction', entry: { article: article.teamId, language: article.language, source: edit.source } })),
    ...aligned,
  ]);
}

/** Queues an alignment whose two articles are shared (nothing otherwise); call inside the transaction that changes it, with `db.articles` and `db.teamOutbox` in its scope. */
export async function queueAlignment(db: TargumDatabase, alignment: Pick<AlignmentRecord, 'articleId' | 'counterpartId'>, resolves?: string[]): Promise<void> {
  const [source, counterpart] = await db.articles.bulkGet([alignment.articleId, alignment.counterpartId]);
  if (source?.teamId && counterpart?.teamId) await queueTeamChanges(db, [{ kind: 'alignment', entry: { article: source.teamId, counterpart: counterpart.teamId, language: source.language } }], resolves);
}

/** Queues every shared entry of the library: joining a team shares what the member has already. */
export async function queueWholeLibrary(db: TargumDatabase): Promise<number> {
  return db.transaction('rw', db.glosses, db.memory, db.teamOutbox, async () => {
    const glosses = await db.glosses.toArray();
    const memory = (await db.memory.toArray()).filter(isSharedMemory);
    await queueTeamChanges(db, [...glosses.map(glossChange), ...memory.map(memoryChange)]);
    return glosses.length + memory.length;
  });
}

/** Changes not yet written to the local replica. */
export async function unwrittenTeamChanges(db: TargumDatabase, limit: number): Promise<TeamOutboxRecord[]> {
  return db.teamOutbox.filter((row) => row.rev === undefined).limit(limit).toArray();
}

/** Changes made here not yet on the team's server. */
export function teamChangesWaiting(db: TargumDatabase): Promise<number> {
  return db.teamOutbox.count();
}
