/**
 * Aligning articles in the library (boilerplate left out on both sides) and editing their alignment: every
 * edit is one write (data/alignments.ts) that also records how to undo it, so undo and redo work after a
 * reload too.
 */
import type { AlignmentSide } from '../../common/align/types';
import type { ImportedArticle } from '../../common/import/article-import';
import { addAlignedArticles, AlignmentError, getAlignment, sameLink, undoableLinks, undoDepth, updateAlignment } from '../data/alignments';
import { prepareArticle, type NewArticle } from '../data/articles';
import type { TargumDatabase } from '../data/database';
import type { AlignmentChangeRecord, AlignmentLinkRecord, AlignmentRecord, ArticleRecord } from '../data/records';
import { loadArticleView } from '../data/article-view';
import { isValidAlignment } from './link-edits';
import { alignOffThread } from './align-off-thread';
import { carryManualLinks } from './realign';

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

function checkAlignable(side: AlignmentSide, which: string): void {
  if (side.paragraphs.every((sentences) => sentences.length === 0)) throw new AlignmentError(`${which} has no text to align outside site boilerplate.`);
}

/**
 * Adds a counterpart to an article: the text becomes an article of its own, aligned with this one; nothing
 * is stored unless both are. `built`: the article as the article reader built it from `input`, away from the
 * page. Throws ArticleImportError or AlignmentError with a one-sentence message.
 */
export async function addCounterpart(db: TargumDatabase, articleId: number, input: NewArticle, built?: ImportedArticle): Promise<{ alignmentId: number; counterpartId: number }> {
  const source = await loadAlignmentSide(db, articleId);
  if (!source) throw new AlignmentError('This article is no longer in the library.');
  checkAlignable(source.side, 'This article');
  const prepared = prepareArticle(input, Date.now(), built);
  const target = importedSide(prepared.article);
  checkAlignable(target, 'The parallel version');
  const links = await alignOffThread(source.side, target);
  const { targetId, alignmentId } = await addAlignedArticles(db, articleId, prepared, { links, sourceSentences: source.sentences, targetSentences: target.paragraphs.flat() });
  return { alignmentId, counterpartId: targetId };
}

/** Saves an edit of the links made on revision `revision`; resolves to the record as saved. */
export async function saveLinks(db: TargumDatabase, alignmentId: number, revision: number, links: AlignmentLinkRecord[], label: string): Promise<AlignmentRecord> {
  const saved = await updateAlignment(db, alignmentId, revision, (record) => {
    if (!isValidAlignment(links, record.sourceSentences.length, record.targetSentences.length)) throw new Error('alignment: an edit left sentences unlinked twice or out of order');
    return { fields: undoableLinks(record, links, label) };
  });
  return saved.record;
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
  const { record, result } = await updateAlignment(db, alignmentId, revision, (stored) => {
    const change = stored.undo.at(-1);
    if (!change) return {};
    const links = replay(stored.links, change, 'undo');
    return { fields: { links, undo: stored.undo.slice(0, -1), redo: [...stored.redo, change] }, result: change };
  });
  return { record, change: result };
}

/** Redoes the latest undone edit. */
export async function redoLinks(db: TargumDatabase, alignmentId: number, revision: number): Promise<{ record: AlignmentRecord; change?: AlignmentChangeRecord }> {
  const { record, result } = await updateAlignment(db, alignmentId, revision, (stored) => {
    const change = stored.redo.at(-1);
    if (!change) return {};
    const links = replay(stored.links, change, 'redo');
    return { fields: { links, redo: stored.redo.slice(0, -1), undo: [...stored.undo, change].slice(-undoDepth) }, result: change };
  });
  return { record, change: result };
}

const sameSentences = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((text, index) => text === b[index]);

/** Whether the articles' sentences still read as when the alignment was saved. */
export function sentencesMatch(record: AlignmentRecord, source: LoadedSide, target: LoadedSide): boolean {
  return sameSentences(record.sourceSentences, source.sentences) && sameSentences(record.targetSentences, target.sentences);
}

/** The alignment with both articles' current sides, and whether their sentences still read as when it was saved. */
export async function loadAlignment(db: TargumDatabase, alignmentId: number) {
  const record = await getAlignment(db, alignmentId);
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
  const { record: saved } = await updateAlignment(db, alignmentId, revision ?? record.revision, (latest) => {
    if (loaded.current) return { fields: undoableLinks(latest, links, 're-alignment') };
    return { fields: { links, sourceSentences: source.sentences, targetSentences: target.sentences, undo: [], redo: [] } };
  });
  return { record: saved, sentencesChanged: !loaded.current, kept: carried.kept, dropped: carried.dropped };
}
