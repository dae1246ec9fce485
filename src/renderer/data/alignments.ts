/**
 * Alignments in the library: an article's counterpart (a translation or parallel version) is an article of
 * its own, and the alignment joins their sentences. Every write checks the revision it was made on, so an
 * edit made on a stale copy is refused rather than lost.
 */
import { articleTables, writeArticle, type PreparedArticle } from './articles';
import type { TargumDatabase } from './database';
import type { StoreControl } from './memory';
import type { AlignmentChangeRecord, AlignmentContent, AlignmentLinkRecord, AlignmentRecord, ArticleRecord } from './records';
import { queueAlignment } from './team-outbox';

/** A failure the user can act on, in one sentence. */
export class AlignmentError extends Error {}

/** Undo keeps this many edits of one alignment. */
export const undoDepth = 200;

export const sameLink = (a: AlignmentLinkRecord, b: AlignmentLinkRecord) =>
  a.manual === b.manual && a.confidence === b.confidence && a.source.join() === b.source.join() && a.target.join() === b.target.join();

/** The smallest change that turns `before` into `after`. */
function changeBetween(before: readonly AlignmentLinkRecord[], after: readonly AlignmentLinkRecord[], label: string): AlignmentChangeRecord {
  let start = 0;
  while (start < before.length && start < after.length && sameLink(before[start]!, after[start]!)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && sameLink(before[before.length - 1 - end]!, after[after.length - 1 - end]!)) end++;
  return { label, index: start, before: before.slice(start, before.length - end), after: after.slice(start, after.length - end) };
}

/**
 * `links` in place of the record's as an edit that undo takes back (labelled `label`, as in "Undo the merge"): the
 * fields to write, or undefined when the links are the same.
 */
export function undoableLinks(record: Pick<AlignmentRecord, 'links' | 'undo'>, links: AlignmentLinkRecord[], label: string): Pick<AlignmentRecord, 'links' | 'undo' | 'redo'> | undefined {
  const change = changeBetween(record.links, links, label);
  if (change.before.length === 0 && change.after.length === 0) return undefined;
  return { links, undo: [...record.undo, change].slice(-undoDepth), redo: [] };
}

/** A new alignment record: revision 1, nothing to undo. */
function newAlignmentRecord(articleId: number, counterpartId: number, links: AlignmentLinkRecord[], source: string[], target: string[], now: number): Omit<AlignmentRecord, 'id'> {
  return { articleId, counterpartId, links, sourceSentences: source, targetSentences: target, undo: [], redo: [], revision: 1, createdAt: now, updatedAt: now };
}

/**
 * Writes the target article (and the source article, when it is new rather than an id) and the alignment
 * between them, in one transaction (or inside the caller's, which must hold articleTables and alignments):
 * nothing is stored unless all is. `control`: the share of the articles' sentences written, and the user's cancel.
 */
export function addAlignedArticles(
  db: TargumDatabase,
  source: PreparedArticle | number,
  target: PreparedArticle,
  content: AlignmentContent,
  control: StoreControl = {},
): Promise<{ sourceId: number; targetId: number; alignmentId: number }> {
  const sentences = (prepared: PreparedArticle) => prepared.article.paragraphs.reduce((count, paragraph) => count + paragraph.sentences.length, 0);
  const sourceShare = typeof source === 'number' ? 0 : sentences(source) / Math.max(1, sentences(source) + sentences(target));
  const part = (from: number, share: number): StoreControl => ({ ...control, onProgress: (fraction) => control.onProgress?.(from + share * fraction) });
  return db.transaction('rw', [...articleTables(db), db.alignments], async () => {
    if (typeof source === 'number' && !(await db.articles.get(source))) throw new AlignmentError('This article is no longer in the library.');
    const sourceId = typeof source === 'number' ? source : await writeArticle(db, source, part(0, sourceShare));
    const targetId = await writeArticle(db, target, part(sourceShare, 1 - sourceShare));
    control.signal?.throwIfAborted();
    const alignmentId = await db.alignments.add(newAlignmentRecord(sourceId, targetId, content.links, content.sourceSentences, content.targetSentences, Date.now()));
    return { sourceId, targetId, alignmentId };
  });
}

export async function getAlignment(db: TargumDatabase, alignmentId: number): Promise<AlignmentRecord | undefined> {
  return db.alignments.get(alignmentId);
}

/** The alignments of an article whose counterpart is still in the library, oldest first. */
export async function alignmentsOf(db: TargumDatabase, articleId: number): Promise<Array<{ alignment: AlignmentRecord; counterpart: ArticleRecord }>> {
  const alignments = await db.alignments.where('articleId').equals(articleId).sortBy('createdAt');
  const counterparts = await db.articles.bulkGet(alignments.map((alignment) => alignment.counterpartId));
  return alignments.flatMap((alignment, index) => (counterparts[index] ? [{ alignment, counterpart: counterparts[index] }] : []));
}

/** The articles this article is the counterpart of. */
export async function alignedAsCounterpart(db: TargumDatabase, articleId: number): Promise<ArticleRecord[]> {
  const alignments = await db.alignments.where('counterpartId').equals(articleId).toArray();
  const sources = await db.articles.bulkGet(alignments.map((alignment) => alignment.articleId));
  return sources.filter((article): article is ArticleRecord => article !== undefined);
}

/**
 * Changes the alignment as it is stored now, in one transaction: refused when it is gone or was written since
 * revision `revision` (when given). `change` returns the fields to write, or undefined to leave it as it is.
 * Resolves to the record as stored and what `change` gave back besides.
 */
export function updateAlignment<T = undefined>(
  db: TargumDatabase,
  alignmentId: number,
  revision: number | undefined,
  change: (record: AlignmentRecord) => { fields?: Partial<AlignmentRecord>; result?: T },
): Promise<{ record: AlignmentRecord; result?: T }> {
  return db.transaction('rw', db.alignments, db.articles, db.teamOutbox, async () => {
    const record = await db.alignments.get(alignmentId);
    if (!record) throw new AlignmentError('This alignment is no longer in the library.');
    if (revision !== undefined && record.revision !== revision) {
      throw new AlignmentError('This alignment was changed elsewhere meanwhile; it now shows the latest version, so try again.');
    }
    const { fields, result } = change(record);
    if (!fields) return { record, result };
    const next = { ...record, ...fields, revision: record.revision + 1, updatedAt: Date.now() };
    await db.alignments.put(next);
    await queueAlignment(db, next);
    return { record: next, result };
  });
}
