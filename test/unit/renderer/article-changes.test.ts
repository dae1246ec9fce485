import 'fake-indexeddb/auto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { TargumDatabase } from '../../../src/renderer/data/database';
import type { ArticleRecord } from '../../../src/renderer/data/records';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';
import { redoChange, saveGloss, saveSegment, undoChange } from '../../../src/renderer/data/article-changes';
import { loadArticleView, type SentenceView } from '../../../src/renderer/data/article-view';
import { storeTranslations } from '../../../src/renderer/data/translations';

let databases = 0;

async function library(): Promise<{ db: TargumDatabase; hebrew: ArticleRecord; arabic: ArticleRecord }> {
  const db = new TargumDatabase(`changes-${++databases}`);
  await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
  const articles = await db.articles.toArray();
  return { db, hebrew: articles.find((article) => article.language === 'he')!, arabic: articles.find((article) => article.language === 'ar')! };
}

async function sentence(db: TargumDatabase, article: ArticleRecord, index: number): Promise<SentenceView> {
  const view = await loadArticleView(db, article.id!);
  return view!.paragraphs.flat()[index]!;
}

async function machine(db: TargumDatabase, article: ArticleRecord, source: string, text: string): Promise<void> {
  await storeTranslations(db, [{ articleId: article.id!, source, text, modelId: 'test-model', precision: 'q8', createdAt: Date.now() }]);
}

describe('correcting a sentence', () => {
  it('keeps the machine English beside the correction and counts statuses for the article', async () => {
    const { db, hebrew } = await library();
    const first = await sentence(db, hebrew, 0);
    await machine(db, hebrew, first.segment.text, 'ISIS conveyed a request today.');
    expect((await sentence(db, hebrew, 0)).state).toMatchObject({ english: 'ISIS conveyed a request today.', status: 'machine', origin: 'machine' });

    await saveSegment(db, hebrew, first.segment.text, null, { text: 'ISIS sent a request today (Thursday).', status: 'edited' });
    const edited = await sentence(db, hebrew, 0);
    expect(edited.state).toMatchObject({ english: 'ISIS sent a request today (Thursday).', status: 'edited', origin: 'correction' });
    expect(edited.state.machine?.text).toBe('ISIS conveyed a request today.');

    await saveSegment(db, hebrew, first.segment.text, edited.state.value, { text: edited.state.english!, status: 'confirmed' });
    const view = await loadArticleView(db, hebrew.id!);
    expect(view!.progress).toMatchObject({ confirmed: 1, edited: 0 });
    expect(view!.history.get(first.segment.text)!.map((edit) => edit.status)).toEqual(['edited', 'confirmed']);
  });

  it('never lets a new machine translation replace a correction', async () => {
    const { db, hebrew } = await library();
    const first = await sentence(db, hebrew, 0);
    await saveSegment(db, hebrew, first.segment.text, null, { text: 'My own English.', status: 'edited' });
    await machine(db, hebrew, first.segment.text, 'A later machine translation.');
    const state = (await sentence(db, hebrew, 0)).state;
    expect(state.english).toBe('My own English.');
    expect(state.machine?.text).toBe('A later machine translation.');
  });

  it('undoes and redoes edits, confirmations and glosses in order, from the stored history (as after a reload)', async () => {
    const { db, hebrew } = await library();
    const source = (await sentence(db, hebrew, 1)).segment.text;
    await saveSegment(db, hebrew, source, null, { text: 'First try.', status: 'edited' });
    await saveSegment(db, hebrew, source, { text: 'First try.', status: 'edited' }, { text: 'Second try.', status: 'confirmed' });
    await saveGloss(db, hebrew, null, { key: 'צבא', surface: 'צבא', language: 'he', meaning: 'army', createdAt: Date.now() });

    // A new database object over the same IndexedDB database stands in for a reload.
    const reopened = new TargumDatabase(db.name);
    expect((await undoChange(reopened, hebrew))?.kind).toBe('gloss');
    expect(await reopened.glosses.count()).toBe(0);
    expect((await undoChange(reopened, hebrew))?.kind).toBe('segment');
    expect((await sentence(reopened, hebrew, 1)).state).toMatchObject({ english: 'First try.', status: 'edited' });
    await undoChange(reopened, hebrew);
    expect((await sentence(reopened, hebrew, 1)).state.value).toBeNull();
    expect(await undoChange(reopened, hebrew)).toBeUndefined();

    await redoChange(reopened, hebrew);
    await redoChange(reopened, hebrew);
    expect((await sentence(reopened, hebrew, 1)).state).toMatchObject({ english: 'Second try.', status: 'confirmed' });
    await redoChange(reopened, hebrew);
    expect((await reopened.glosses.toArray()).map((gloss) => gloss.meaning)).toEqual(['army']);
    // The segment's history keeps every step, undos included.
    expect((await loadArticleView(reopened, hebrew.id!))!.history.get(source)!.map((edit) => edit.status)).toEqual([
      'edited',
      'confirmed',
      'edited',
      'machine',
      'edited',
      'confirmed',
    ]);
  });

  it('a new change clears what could be redone', async () => {
    const { db, hebrew } = await library();
    const source = (await sentence(db, hebrew, 0)).segment.text;
    await saveSegment(db, hebrew, source, null, { text: 'One.', status: 'edited' });
    await undoChange(db, hebrew);
    await saveSegment(db, hebrew, source, null, { text: 'Two.', status: 'edited' });
    expect(await redoChange(db, hebrew)).toBeUndefined();
    expect((await sentence(db, hebrew, 0)).state.english).toBe('Two.');
  });
});

describe('the translation memory', () => {
  it('offers a confirmed translation wherever the same sentence appears again, marked as memory', async () => {
    const { db, hebrew } = await library();
    const source = (await sentence(db, hebrew, 0)).segment.text;
    await saveSegment(db, hebrew, source, null, { text: 'Confirmed English.', status: 'confirmed' });

    const copyId = await db.articles.add({ ...hebrew, id: undefined, title: 'A copy' });
    // Written with different spacing and niqqud-free punctuation, it is still the same sentence.
    await db.segments.add({ articleId: copyId, paragraphIndex: 0, sentenceIndex: 0, text: `  ${source.replace(/ /g, '  ')} `, segmenterVersion: 1 });
    await machine(db, { ...hebrew, id: copyId }, `  ${source.replace(/ /g, '  ')} `, 'Machine English.');
    const copy = (await loadArticleView(db, copyId))!.paragraphs[0]![0]!;
    expect(copy.state).toMatchObject({ english: 'Confirmed English.', origin: 'memory', status: 'machine' });
  });

  it('forgets a confirmation that is undone', async () => {
    const { db, hebrew } = await library();
    const source = (await sentence(db, hebrew, 0)).segment.text;
    await saveSegment(db, hebrew, source, null, { text: 'Confirmed English.', status: 'confirmed' });
    expect(await db.memory.count()).toBe(1);
    await undoChange(db, hebrew);
    expect(await db.memory.count()).toBe(0);
    await redoChange(db, hebrew);
    expect((await db.memory.toArray()).map((entry) => entry.target)).toEqual(['Confirmed English.']);
  });
});
