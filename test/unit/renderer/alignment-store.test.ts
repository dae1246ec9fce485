import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleImportError } from '../../../src/common/import/article-import';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { createAlignedPair } from '../../../src/renderer/alignment/aligned-pair';
import { addCounterpart, loadAlignment, realign, redoLinks, saveLinks, undoLinks } from '../../../src/renderer/alignment/alignment-store';
import { alignmentsOf } from '../../../src/renderer/data/alignments';
import { isUncertain, mergeWithNext, splitLink, unlink } from '../../../src/renderer/alignment/link-edits';
import { TargumDatabase } from '../../../src/renderer/data/database';
import type { AlignmentLinkRecord, AlignmentRecord, ArticleRecord } from '../../../src/renderer/data/records';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';

const phrasebookDir = path.join(sourceRootDir, 'test/fixtures/phrasebook');
const seedEnglish = readFileSync(path.join(phrasebookDir, 'seed-000.en.txt'), 'utf8');
/** The phrasebook's English of each Hebrew and Arabic sentence of the seeds. */
const phrasebook = new Map(
  readFileSync(path.join(phrasebookDir, 'phrasebook.tsv'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split('\t') as [string, string, string])
    .map(([, source, english]) => [source, english]),
);

let databases = 0;

async function library(): Promise<{ db: TargumDatabase; name: string; hebrew: ArticleRecord }> {
  const name = `alignment-${++databases}`;
  const db = new TargumDatabase(name);
  await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
  const hebrew = (await db.articles.toArray()).find((article) => article.language === 'he')!;
  return { db, name, hebrew };
}

async function alignedHebrew(): Promise<{ db: TargumDatabase; name: string; hebrew: ArticleRecord; record: AlignmentRecord }> {
  const { db, name, hebrew } = await library();
  const { alignmentId } = await addCounterpart(db, hebrew.id!, { text: seedEnglish, origin: 'paste' });
  return { db, name, hebrew, record: (await db.alignments.get(alignmentId))! };
}

/** Whether every link joins Hebrew sentences with exactly their phrasebook English (1-0 and 0-1 links aside). */
function linkedAsThePhrasebook(record: AlignmentRecord, links: readonly AlignmentLinkRecord[] = record.links): boolean {
  return links
    .filter((link) => link.source.length > 0 && link.target.length > 0)
    .every((link) => link.source.map((index) => phrasebook.get(record.sourceSentences[index]!)).join(' ') === link.target.map((index) => record.targetSentences[index]).join(' '));
}

const shape = (links: readonly AlignmentLinkRecord[]) => links.map((link) => `${link.source.join(',')}:${link.target.join(',')}`);

describe('adding a translation to an article', () => {
  it('stores the English as an article and links the sentences one to one, boilerplate left out', async () => {
    const { db, hebrew, record } = await alignedHebrew();
    const counterpart = (await db.articles.get(record.counterpartId))!;
    expect(counterpart).toMatchObject({ language: 'en', origin: 'paste' });
    expect(counterpart.title).toMatch(/^ISIS today \(Thursday\) conveyed a request/);
    expect(record.articleId).toBe(hebrew.id);

    // 16 Hebrew sentences outside the photo credit and the "found a mistake?" lines.
    expect(record.sourceSentences).toHaveLength(16);
    expect(record.sourceSentences.some((sentence) => sentence.includes('צילום'))).toBe(false);
    const oneToOne = record.links.filter((link) => link.source.length === 1 && link.target.length === 1);
    expect(oneToOne).toHaveLength(16);
    expect(linkedAsThePhrasebook(record)).toBe(true);
    // The English keeps its "Did we make a mistake?" lines, which no Hebrew sentence of the alignment matches.
    expect(shape(record.links.slice(16))).toEqual([':16', ':17', ':18']);
    // Every link is right, and none is under the editor's mark for unsure links; the least sure are the
    // last Hebrew sentence and the first English line after it (whether they make one 1-2 link, lengths
    // alone cannot tell).
    expect(record.links.filter(isUncertain)).toEqual([]);
    const leastSure = [...record.links].sort((a, b) => a.confidence - b.confidence).slice(0, 2);
    expect(shape(leastSure).sort()).toEqual(['15:15', ':16']);
    expect(record).toMatchObject({ revision: 1, undo: [], redo: [] });
    expect((await alignmentsOf(db, hebrew.id!)).map(({ counterpart: article }) => article.id)).toEqual([counterpart.id]);
  });

  it('is surer of its links when the article’s sentences have English', async () => {
    const without = (await alignedHebrew()).record;
    const { db, hebrew } = await library();
    const segments = await db.segments.where('articleId').equals(hebrew.id!).toArray();
    await db.translations.bulkAdd(
      segments.map((segment) => ({ articleId: hebrew.id!, source: segment.text, text: phrasebook.get(segment.text)!, modelId: 'test', precision: 'q8', createdAt: Date.now() })),
    );
    const { alignmentId } = await addCounterpart(db, hebrew.id!, { text: seedEnglish, origin: 'paste' });
    const record = (await db.alignments.get(alignmentId))!;
    expect(linkedAsThePhrasebook(record)).toBe(true);
    // The link the aligner was least sure of from lengths and anchors alone is surer with the English.
    const weakest = without.links.reduce((least, link) => (link.confidence < least.confidence ? link : least));
    expect(record.links.find((link) => shape([link])[0] === shape([weakest])[0])!.confidence).toBeGreaterThan(weakest.confidence);
    const total = (links: AlignmentLinkRecord[]) => links.reduce((sum, link) => sum + link.confidence, 0);
    expect(total(record.links)).toBeGreaterThan(total(without.links));
  });

  it('refuses a counterpart with nothing to read and stores nothing', async () => {
    const { db, hebrew } = await library();
    const articles = await db.articles.count();
    await expect(addCounterpart(db, hebrew.id!, { text: ' \n ', origin: 'paste' })).rejects.toThrow(ArticleImportError);
    await expect(addCounterpart(db, 999, { text: seedEnglish, origin: 'paste' })).rejects.toThrow('This article is no longer in the library.');
    expect(await db.articles.count()).toBe(articles);
    expect(await db.alignments.count()).toBe(0);
  });
});

describe('editing an alignment', () => {
  it('saves every edit with its undo, which works after the library is opened again', async () => {
    const { db, name, record } = await alignedHebrew();
    const original = record.links;
    const merged = await saveLinks(db, record.id!, record.revision, mergeWithNext(original, 2).links, 'merge');
    const split = await saveLinks(db, record.id!, merged.revision, splitLink(merged.links, 2, { source: 1, target: 1 }).links, 'split');
    expect(split.links.slice(2, 4).map((link) => link.manual)).toEqual([true, true]);
    db.close();

    const reopened = new TargumDatabase(name);
    const stored = (await reopened.alignments.get(record.id!))!;
    expect(stored.links).toEqual(split.links);
    const undone = await undoLinks(reopened, record.id!, stored.revision);
    expect(undone.change?.label).toBe('split');
    expect(undone.record.links).toEqual(merged.links);
    const undoneTwice = await undoLinks(reopened, record.id!, undone.record.revision);
    expect(undoneTwice.record.links).toEqual(original);
    expect((await undoLinks(reopened, record.id!, undoneTwice.record.revision)).change).toBeUndefined();

    const redone = await redoLinks(reopened, record.id!, undoneTwice.record.revision);
    expect(redone.record.links).toEqual(merged.links);
    // A new edit ends what can be redone.
    const unlinked = await saveLinks(reopened, record.id!, redone.record.revision, unlink(redone.record.links, 0).links, 'unlink');
    expect(unlinked.redo).toEqual([]);
    expect((await redoLinks(reopened, record.id!, unlinked.revision)).change).toBeUndefined();
  });

  it('refuses an edit made on a copy that is no longer current, and keeps what was stored', async () => {
    const { db, record } = await alignedHebrew();
    const saved = await saveLinks(db, record.id!, record.revision, mergeWithNext(record.links, 0).links, 'merge');
    await expect(saveLinks(db, record.id!, record.revision, unlink(record.links, 4).links, 'unlink')).rejects.toThrow(/changed elsewhere/);
    expect((await db.alignments.get(record.id!))!.links).toEqual(saved.links);
    await expect(saveLinks(db, record.id!, saved.revision, saved.links.slice(1), 'broken')).rejects.toThrow();
    expect((await db.alignments.get(record.id!))!.revision).toBe(saved.revision);
  });
});

describe('re-aligning', () => {
  it('keeps the links the user made and aligns the rest again around them', async () => {
    const { db, record } = await alignedHebrew();
    // The user's: sentences 5 and 6 with their English as one 2-2 link, sentence 9 left unlinked.
    let links = mergeWithNext(record.links, 5).links;
    links = unlink(links, 8).links;
    const users = shape(links.filter((link) => link.manual));
    expect(users).toEqual(['5,6:5,6', '9:', ':9']);
    // Everything else scrambled, as automatic links: every sentence unlinked.
    const scrambled = links.flatMap((link) =>
      link.manual ? [link] : [...link.source.map((index) => ({ source: [index], target: [], confidence: 0.2, manual: false })), ...link.target.map((index) => ({ source: [], target: [index], confidence: 0.2, manual: false }))],
    );
    const saved = await saveLinks(db, record.id!, record.revision, scrambled, 'scramble');

    const { record: realigned, kept, dropped, sentencesChanged } = await realign(db, record.id!, saved.revision);
    expect({ kept, dropped, sentencesChanged }).toEqual({ kept: 3, dropped: 0, sentencesChanged: false });
    expect(shape(realigned.links.filter((link) => link.manual))).toEqual(users);
    expect(realigned.links.filter((link) => link.source.length === 1 && link.target.length === 1)).toHaveLength(13);
    expect(linkedAsThePhrasebook(realigned)).toBe(true);
    // Re-aligning is an edit like the others: undo brings the scrambled links back.
    expect((await undoLinks(db, record.id!, realigned.revision)).record.links).toEqual(scrambled);
  });

  it('after the sentences change, keeps the user’s links whose sentences still read the same', async () => {
    const { db, record } = await alignedHebrew();
    const sentences = record.sourceSentences;
    // As a former segmenter saw the article: sentences 1 and 2 as one.
    const before = [sentences[0]!, `${sentences[1]} ${sentences[2]}`, ...sentences.slice(3)];
    const oldLinks: AlignmentLinkRecord[] = [
      { source: [0], target: [0], confidence: 1, manual: false },
      // The user's link of the joined sentence: its sentence is gone, so it goes.
      { source: [1], target: [1, 2], confidence: 1, manual: true },
      ...record.links.slice(3, 12).map((link) => ({ ...link, source: link.source.map((index) => index - 1) })),
      // The user's unlinking of what is now sentence 12: still there, so kept.
      { source: [11], target: [], confidence: 1, manual: true },
      { source: [], target: [12], confidence: 1, manual: true },
      ...record.links.slice(13).map((link) => ({ ...link, source: link.source.map((index) => index - 1) })),
    ];
    await db.alignments.put({ ...record, sourceSentences: before, links: oldLinks, undo: [{ label: 'merge', index: 1, before: [], after: [] }] });
    expect((await loadAlignment(db, record.id!))!.current).toBe(false);

    const result = await realign(db, record.id!);
    expect(result).toMatchObject({ sentencesChanged: true, kept: 2, dropped: 1 });
    expect(result.record.sourceSentences).toEqual(sentences);
    expect(shape(result.record.links.filter((link) => link.manual))).toEqual(['12:', ':12']);
    expect(linkedAsThePhrasebook(result.record)).toBe(true);
    expect(result.record.undo).toEqual([]);
    expect((await loadAlignment(db, record.id!))!.current).toBe(true);
  });
});

describe('an aligned pair from a bilingual file', () => {
  it('makes both articles and links their sentences as the units were linked', async () => {
    const db = new TargumDatabase(`alignment-${++databases}`);
    const hebrew = readFileSync(path.join(sourceRootDir, 'resources/samples/000_31cd6cf0c36ffd10.txt'), 'utf8').split('\n').filter(Boolean);
    const english = seedEnglish.split('\n').filter(Boolean);
    const [firstEnglish, restOfFirst] = [english[0]!.slice(0, 40), english[0]!.slice(40)];
    const { sourceId, targetId, alignmentId } = await createAlignedPair(db, {
      // Unit 1 holds two sentences; unit 2 is a photo credit (boilerplate, left out of the alignment).
      source: { language: 'he', units: [hebrew[0]!, hebrew[1]!, hebrew[4]!], title: 'זוג מיושר', originalFileName: 'pair.tmx' },
      // The first English sentence comes cut in two units of one paragraph: the segmenter makes it one sentence again.
      target: { language: 'en', units: [firstEnglish, restOfFirst, english[1]!, english[4]!], paragraphs: [0, 0, 1, 2] },
      links: [
        { source: [0], target: [0] },
        { source: [], target: [1], confidence: 0.8 },
        { source: [1], target: [2] },
        { source: [2], target: [3] },
      ],
    });
    const record = (await db.alignments.get(alignmentId))!;
    expect(record).toMatchObject({ articleId: sourceId, counterpartId: targetId });
    expect(await db.articles.get(sourceId)).toMatchObject({ title: 'זוג מיושר', language: 'he', originalFileName: 'pair.tmx' });
    expect((await db.articles.get(targetId))!.originalText.split('\n')[0]).toBe(english[0]);
    expect(record.targetSentences[0]).toBe(english[0]);
    expect(record.links).toEqual([
      { source: [0], target: [0], confidence: 0.8, manual: true },
      { source: [1, 2], target: [1, 2], confidence: 1, manual: true },
    ]);
    expect(linkedAsThePhrasebook(record)).toBe(true);
  });

  it('refuses links that are not an alignment of the units, and stores nothing', async () => {
    const db = new TargumDatabase(`alignment-${++databases}`);
    const side = { language: 'en' as const, units: ['One.', 'Two.'] };
    await expect(createAlignedPair(db, { source: side, target: side, links: [{ source: [1], target: [0] }, { source: [0], target: [1] }] })).rejects.toThrow(/every unit/);
    expect(await db.articles.count()).toBe(0);
  });
});
