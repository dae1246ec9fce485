/**
 * Alignments in the library: an article's counterpart (a translation or parallel version) is an article of
 * its own, and the alignment joins their sentences (boilerplate left out on both sides). Every edit is one
 * transaction that also records how to undo it, so undo and redo work after a reload too.
 */
import type { AlignmentSide } from '../../common/align/types';
import type { ImportedArticle } from '../../common/import/article-import';
import { prepareArticle, writeArticle, type NewArticle } from '../db/articles';
import type { TargumDatabase } from '../db/database';
import type { AlignmentChangeRecord, AlignmentLinkRecord, AlignmentRecord, ArticleRecord } from '../db/records';
import { loadArticleView } from '../segments/use-article-view';
import { isValidAlignment } from './link-edits';
import { alignOffThread } from './align-off-thread';
import { carryManualLinks } from './realign';

/** A failure the user can act on, in one sentence. */
export class AlignmentError extends Error {}

/** Undo keeps this many edits of one alignment. */
const undoDepth = 200;

/** The sentences of an article as one side of an alignment, with their English when every one has some. */
export interface LoadedSide {
  article: ArticleRecord;
  side: AlignmentSide;
  sentences: string[];
}

function sideOf(language: ArticleRecord['language'], paragraphs: string[][], english?: Array<string | undefined>): AlignmentSide {
  const complete = language !== 'en' && english !== undefined && english.length > 0 && english.every((text) => text !== undefined && text.trim() !== '');
  return { language, paragraphs, ...(complete ? { translation: english as string[] } : {}) };
}

/** An article's sentences outside boilerplate, by paragraph, with the English the reader shows for each (corrections first). */
export async function loadAlignmentSide(db: TargumDatabase, articleId: number): Promise<LoadedSide | undefined> {
  const view = await loadArticleView(db, articleId);
  if (!view) return undefined;
  const paragraphs = view.paragraphs.filter((sentences) => !sentences[0]!.segment.boilerplate);
  const side = sideOf(
    view.article.language,
    paragraphs.map((sentences) => sentences.map(({ segment }) => segment.text)),
    paragraphs.flat().map(({ state }) => state.english),
  );
  return { article: view.article, side, sentences: side.paragraphs.flat() };
}

function importedSide(article: ImportedArticle): AlignmentSide {
  return sideOf(
    article.language,
    article.paragraphs.filter((paragraph) => !paragraph.boilerplate).map((paragraph) => paragraph.sentences),
  );
}

/** A new alignment record: revision 1, nothing to undo. */
export function newAlignmentRecord(articleId: number, counterpartId: number, links: AlignmentLinkRecord[], source: string[], target: string[], now: number): Omit<AlignmentRecord, 'id'> {
  return { articleId, counterpartId, links, sourceSentences: source, targetSentences: target, undo: [], redo: [], revision: 1, createdAt: now, updatedAt: now };
}

function checkAlignable(side: AlignmentSide, which: string): void {
  if (side.paragraphs.every((sentences) => sentences.length === 0)) throw new AlignmentError(`${which} has no text to align outside site boilerplate.`);
}

/**
 * Adds a counterpart to an article: the text becomes an article of its own, aligned with this one; nothing
 * is stored unless both are. Throws ArticleImportError or AlignmentError with a one-sentence message.
 */
export async function addCounterpart(db: TargumDatabase, articleId: number, input: NewArticle): Promise<{ alignmentId: number; counterpartId: number }> {
  const source = await loadAlignmentSide(db, articleId);
  if (!source) throw new AlignmentError('This article is no longer in the library.');
  checkAlignable(source.side, 'This article');
  const prepared = prepareArticle(input);
  const target = importedSide(prepared.article);
  checkAlignable(target, 'The parallel version');
  const links = await alignOffThread(source.side, target);
  return db.transaction('rw', [db.articles, db.segments, db.alignments], async () => {
    if (!(await db.articles.get(articleId))) throw new AlignmentError('This article is no longer in the library.');
    const counterpartId = await writeArticle(db, prepared);
    const alignmentId = await db.alignments.add(newAlignmentRecord(articleId, counterpartId, links, source.sentences, target.paragraphs.flat(), Date.now()));
    return { alignmentId, counterpartId };
  });
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

const sameLink = (a: AlignmentLinkRecord, b: AlignmentLinkRecord) =>
  a.manual === b.manual && a.confidence === b.confidence && a.source.join() === b.source.join() && a.target.join() === b.target.join();

/** The smallest change that turns `before` into `after`. */
export function changeBetween(before: readonly AlignmentLinkRecord[], after: readonly AlignmentLinkRecord[], label: string): AlignmentChangeRecord {
  let start = 0;
  while (start < before.length && start < after.length && sameLink(before[start]!, after[start]!)) start++;
  let end = 0;
  while (end < before.length - start && end < after.length - start && sameLink(before[before.length - 1 - end]!, after[after.length - 1 - end]!)) end++;
  return { label, index: start, before: before.slice(start, before.length - end), after: after.slice(start, after.length - end) };
}

/** Reads the alignment for a write: refused when it is gone or was written since the caller read it. */
async function current(db: TargumDatabase, alignmentId: number, revision: number | undefined): Promise<AlignmentRecord> {
  const record = await db.alignments.get(alignmentId);
  if (!record) throw new AlignmentError('This alignment is no longer in the library.');
  if (revision !== undefined && record.revision !== revision) {
    throw new AlignmentError('This alignment was changed elsewhere meanwhile; it now shows the latest version, so try again.');
  }
  return record;
}

async function write(db: TargumDatabase, record: AlignmentRecord, changes: Partial<AlignmentRecord>): Promise<AlignmentRecord> {
  const next = { ...record, ...changes, revision: record.revision + 1, updatedAt: Date.now() };
  await db.alignments.put(next);
  return next;
}

/** Saves an edit of the links made on revision `revision`; resolves to the record as saved. */
export async function saveLinks(db: TargumDatabase, alignmentId: number, revision: number, links: AlignmentLinkRecord[], label: string): Promise<AlignmentRecord> {
  return db.transaction('rw', db.alignments, async () => {
    const record = await current(db, alignmentId, revision);
    if (!isValidAlignment(links, record.sourceSentences.length, record.targetSentences.length)) throw new Error('alignment: an edit left sentences unlinked twice or out of order');
    const change = changeBetween(record.links, links, label);
    if (change.before.length === 0 && change.after.length === 0) return record;
    return write(db, record, { links, undo: [...record.undo, change].slice(-undoDepth), redo: [] });
  });
}

function replay(links: readonly AlignmentLinkRecord[], change: AlignmentChangeRecord, direction: 'undo' | 'redo'): AlignmentLinkRecord[] {
  const [from, to] = direction === 'undo' ? [change.after, change.before] : [change.before, change.after];
  const there = links.slice(change.index, change.index + from.length);
  if (there.length !== from.length || !there.every((link, index) => sameLink(link, from[index]!))) {
    throw new AlignmentError(`The ${change.label} can no longer be ${direction === 'undo' ? 'undone' : 'redone'}: the links have changed since.`);
  }
  return [...links.slice(0, change.index), ...to, ...links.slice(change.index + from.length)];
}

/** Undoes the latest edit; resolves to the record as saved and the edit undone (undefined when there was none). */
export async function undoLinks(db: TargumDatabase, alignmentId: number, revision: number): Promise<{ record: AlignmentRecord; change?: AlignmentChangeRecord }> {
  return db.transaction('rw', db.alignments, async () => {
    const record = await current(db, alignmentId, revision);
    const change = record.undo.at(-1);
    if (!change) return { record };
    const links = replay(record.links, change, 'undo');
    return { record: await write(db, record, { links, undo: record.undo.slice(0, -1), redo: [...record.redo, change] }), change };
  });
}

/** Redoes the latest undone edit. */
export async function redoLinks(db: TargumDatabase, alignmentId: number, revision: number): Promise<{ record: AlignmentRecord; change?: AlignmentChangeRecord }> {
  return db.transaction('rw', db.alignments, async () => {
    const record = await current(db, alignmentId, revision);
    const change = record.redo.at(-1);
    if (!change) return { record };
    const links = replay(record.links, change, 'redo');
    return { record: await write(db, record, { links, redo: record.redo.slice(0, -1), undo: [...record.undo, change].slice(-undoDepth) }), change };
  });
}

const sameSentences = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, index) => text === b[index]);

/** Whether the articles' sentences still read as when the alignment was saved. */
export function sentencesMatch(record: AlignmentRecord, source: LoadedSide, target: LoadedSide): boolean {
  return sameSentences(record.sourceSentences, source.sentences) && sameSentences(record.targetSentences, target.sentences);
}

/** The alignment with both articles' current sides, and whether their sentences still read as when it was saved. */
export async function loadAlignment(db: TargumDatabase, alignmentId: number) {
  const record = await db.alignments.get(alignmentId);
  if (!record) return undefined;
  const [source, target] = await Promise.all([loadAlignmentSide(db, record.articleId), loadAlignmentSide(db, record.counterpartId)]);
  if (!source || !target) return undefined;
  return { record, source, target, current: sentencesMatch(record, source, target) };
}

export interface Realignment {
  record: AlignmentRecord;
  /** Whether the articles' sentences had changed since the alignment was saved. */
  sentencesChanged: boolean;
  /** Manual links kept, and those dropped because their sentences no longer read the same. */
  kept: number;
  dropped: number;
}

/**
 * Aligns again, with the English the articles have now, keeping the user's links. When the articles'
 * sentences have changed since, the user's links whose sentences still read the same are kept and undo
 * starts afresh (the old edits name sentences that are gone).
 */
export async function realign(db: TargumDatabase, alignmentId: number, revision?: number): Promise<Realignment> {
  const loaded = await loadAlignment(db, alignmentId);
  if (!loaded) throw new AlignmentError('This alignment or one of its articles is no longer in the library.');
  const { record, source, target } = loaded;
  const carried = loaded.current
    ? { links: record.links, kept: record.links.filter((link) => link.manual).length, dropped: 0 }
    : carryManualLinks(record.links, { source: record.sourceSentences, target: record.targetSentences }, { source: source.sentences, target: target.sentences });
  checkAlignable(source.side, 'This article');
  checkAlignable(target.side, 'The parallel version');
  const links = await alignOffThread(source.side, target.side, carried.links);
  const saved = await db.transaction('rw', db.alignments, async () => {
    const latest = await current(db, alignmentId, revision ?? record.revision);
    if (loaded.current) {
      const change = changeBetween(latest.links, links, 're-alignment');
      if (change.before.length === 0 && change.after.length === 0) return latest;
      return write(db, latest, { links, undo: [...latest.undo, change].slice(-undoDepth), redo: [] });
    }
    return write(db, latest, { links, sourceSentences: source.sentences, targetSentences: target.sentences, undo: [], redo: [] });
  });
  return { record: saved, sentencesChanged: !loaded.current, kept: carried.kept, dropped: carried.dropped };
}
