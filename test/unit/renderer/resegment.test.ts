import 'fake-indexeddb/auto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOILERPLATE_VERSION } from '../../../src/common/import/boilerplate/classify';
import { SEGMENTER_VERSION } from '../../../src/common/text/segmenter';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { addArticle, prepareArticle } from '../../../src/renderer/data/articles';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { resegmentLibrary } from '../../../src/renderer/data/resegment';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';

let databases = 0;

async function sentencesOf(db: TargumDatabase, articleId: number) {
  const segments = await db.segments.where('articleId').equals(articleId).toArray();
  return segments.sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
}

describe('re-deriving sentences after the segmenter improves', () => {
  it('rebuilds every article from its original text and leaves corrections and glosses as they were', async () => {
    const db = new TargumDatabase(`resegment-${++databases}`);
    await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
    await resegmentLibrary(db);
    const hebrew = (await db.articles.toArray()).find((article) => article.language === 'he')!;
    const current = await sentencesOf(db, hebrew.id!);

    // An older segmenter missed a boundary: a paragraph's sentences were stored as one.
    const paragraphIndex = current.find((segment) => segment.sentenceIndex === 1)!.paragraphIndex;
    const paragraph = current.filter((segment) => segment.paragraphIndex === paragraphIndex);
    await db.segments.bulkDelete(paragraph.map((segment) => segment.id!));
    await db.segments.add({ articleId: hebrew.id!, paragraphIndex, sentenceIndex: 0, text: paragraph.map((s) => s.text).join(' '), segmenterVersion: 0 });
    await db.settings.put({ key: 'segmentedWith', value: SEGMENTER_VERSION - 1 });
    const edit = { articleId: hebrew.id!, source: current[3]!.text, text: 'My English.', status: 'confirmed' as const, createdAt: 1 };
    await db.edits.add(edit);
    await db.glosses.add({ key: 'צבא', surface: 'צבא', language: 'he', meaning: 'army', createdAt: 1 });

    expect(await resegmentLibrary(db)).toBe(5);
    const rebuilt = await sentencesOf(db, hebrew.id!);
    expect(rebuilt.map((segment) => [segment.paragraphIndex, segment.sentenceIndex, segment.text, segment.boilerplate])).toEqual(
      current.map((segment) => [segment.paragraphIndex, segment.sentenceIndex, segment.text, segment.boilerplate]),
    );
    expect(rebuilt.every((segment) => segment.segmenterVersion === SEGMENTER_VERSION)).toBe(true);
    expect(await db.edits.toArray()).toEqual([{ ...edit, id: 1 }]);
    expect(await db.glosses.count()).toBe(1);
    expect(await resegmentLibrary(db)).toBe(0);
  });

  it('a library from before the version was kept is taken as segmented by version 1', async () => {
    const db = new TargumDatabase(`resegment-${++databases}`);
    await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
    expect(await resegmentLibrary(db, { segmenter: 1 })).toBe(0);
    expect(await resegmentLibrary(db, { segmenter: 2 })).toBe(5);
    expect(await resegmentLibrary(db, { segmenter: 2 })).toBe(0);
  });
});

describe('marking boilerplate again when its rules improve', () => {
  const page = [
    'תיעוד מחזרת המשפחות לקיבוץ',
    'המשפחות חוזרות הביתה אחרי שנה בגלות',
    'דובר צה"ל',
    'המשפחות חוזרות הביתה אחרי שנה בגלות',
    'עשרות משפחות חזרו היום לבתיהן בקיבוץ. הן התגוררו יותר משנה במלונות ברחבי הארץ.',
  ].join('\n\n');

  it('re-marks an article stored under older rules at start, and leaves its sentences, edits and glosses as they were', async () => {
    const db = new TargumDatabase(`resegment-${++databases}`);
    await resegmentLibrary(db);
    const articleId = await addArticle(db, prepareArticle({ text: page, origin: 'paste' }));
    const marked = await sentencesOf(db, articleId);
    expect(marked.map((segment) => segment.boilerplate)).toEqual(['caption', undefined, 'credit', 'repeated-headline', undefined, undefined]);

    // As the older rules stored it: no caption or standalone credit, and the caption taken for the title.
    await db.segments.bulkPut(marked.map(({ boilerplate, ...segment }) => (boilerplate === 'repeated-headline' ? { ...segment, boilerplate } : segment)));
    await db.articles.update(articleId, { title: 'תיעוד מחזרת המשפחות לקיבוץ', boilerplateVersion: undefined });
    await db.settings.put({ key: 'markedWith', value: 1 });
    const edit = { articleId, source: marked[4]!.text, text: 'Dozens of families returned home today.', status: 'confirmed' as const, createdAt: 1 };
    await db.edits.add(edit);
    await db.glosses.add({ key: 'קיבוץ', surface: 'בקיבוץ', language: 'he', meaning: 'kibbutz', createdAt: 1 });

    expect(await resegmentLibrary(db)).toBe(1);
    const remarked = await sentencesOf(db, articleId);
    expect(remarked).toEqual(marked);
    const article = (await db.articles.get(articleId))!;
    expect(article.title).toBe('המשפחות חוזרות הביתה אחרי שנה בגלות');
    expect(article.boilerplateVersion).toBe(BOILERPLATE_VERSION);
    expect(await db.edits.toArray()).toEqual([{ ...edit, id: 1 }]);
    expect(await db.glosses.count()).toBe(1);
    expect(await resegmentLibrary(db)).toBe(0);
  });

  it('keeps a title the reader gave the article', async () => {
    const db = new TargumDatabase(`resegment-${++databases}`);
    await resegmentLibrary(db);
    const articleId = await addArticle(db, prepareArticle({ text: page, origin: 'paste' }));
    await db.articles.update(articleId, { title: 'Families return', boilerplateVersion: 1 });
    await db.settings.put({ key: 'markedWith', value: 1 });
    expect(await resegmentLibrary(db)).toBe(1);
    expect((await db.articles.get(articleId))!.title).toBe('Families return');
  });
});
