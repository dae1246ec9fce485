import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { composeArticleView, loadArticleParts } from '../../../src/renderer/data/article-view';
import { addArticle, prepareArticle } from '../../../src/renderer/data/articles';
import { onArticlesChanged } from '../../../src/renderer/data/changed-articles';
import { TargumDatabase } from '../../../src/renderer/data/database';
import type { TranslationRecord } from '../../../src/renderer/data/records';
import { newestBySource } from '../../../src/renderer/data/segment-state';
import { onTranslationsStored, storeTranslations } from '../../../src/renderer/data/translations';
import { libraryIndexOf } from '../../../src/renderer/library/library-index';
import { whenSearchTextCurrent } from '../../../src/renderer/library/search-text';

const text = 'ארגון דאעש מסר היום בקשה\n\nארגון דאעש מסר היום בקשה באמצעות מתווכים. הירי נמשך.\n\nהצבא הגיב מיד. המתווכים שתקו.';

let databases = 0;

async function article() {
  const db = new TargumDatabase(`translations-${++databases}`);
  const articleId = await addArticle(db, prepareArticle({ text, origin: 'paste' }));
  const segments = (await db.segments.where('articleId').equals(articleId).toArray()).sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
  const row = (index: number, english: string): Omit<TranslationRecord, 'id'> => ({
    articleId,
    source: segments[index]!.text,
    text: english,
    modelId: 'tiny',
    precision: 'q8',
    createdAt: Date.now(),
  });
  return { db, articleId, segments, row };
}

describe('storing machine translations in batches', () => {
  it('stores a batch in one transaction, tells its listeners once with the stored rows, and queues its article once for the search', async () => {
    const { db, articleId, row } = await article();
    const heard: TranslationRecord[][] = [];
    const changed: Array<readonly number[]> = [];
    onTranslationsStored(db, (rows) => heard.push([...rows]));
    onArticlesChanged(db, (ids) => changed.push(ids));

    const stored = await storeTranslations(db, [row(1, 'ISIS made a request today through mediators.'), row(2, 'The firing goes on.')]);
    expect(heard).toEqual([stored]);
    expect(await db.translations.bulkGet(stored.map((record) => record.id!))).toEqual(stored);
    expect(changed).toEqual([[articleId]]);
    expect(await db.translations.count()).toBe(2);

    const index = libraryIndexOf(db);
    index.start();
    await whenSearchTextCurrent(db);
    await index.settled();
    expect(index.getSnapshot().find({ query: 'mediators firing', order: 'added' }).map((entry) => entry.articleId)).toEqual([articleId]);
  });

  it('stores nothing of a batch whose write fails, and tells no one', async () => {
    const { db, row } = await article();
    const [first] = await storeTranslations(db, [row(1, 'stored before')]);
    const heard: unknown[] = [];
    onTranslationsStored(db, (rows) => heard.push(rows));
    // A row whose id is taken makes the batch fail as a full disk would: nothing of it may be kept.
    await expect(storeTranslations(db, [row(2, 'never kept'), { ...row(3, 'never kept either'), id: first!.id } as TranslationRecord])).rejects.toThrow();
    expect((await db.translations.toArray()).map((record) => record.text)).toEqual(['stored before']);
    expect(heard).toEqual([]);
  });

  it('merges a batch into the article as shown, redrawing only the paragraphs whose English changed', async () => {
    const { db, articleId, row } = await article();
    const parts = (await loadArticleParts(db, articleId))!;
    const before = composeArticleView(parts, new Map());
    const batch = await storeTranslations(db, [row(3, 'The army answered at once.')]);
    const after = composeArticleView(parts, newestBySource(batch), before);

    expect(after.paragraphs[0]).toBe(before.paragraphs[0]);
    expect(after.paragraphs[1]).toBe(before.paragraphs[1]);
    expect(after.paragraphs[2]).not.toBe(before.paragraphs[2]);
    expect(after.paragraphs[2]![0]!.state).toMatchObject({ english: 'The army answered at once.', origin: 'machine' });
    expect(after.progress.translated).toBe(before.progress.translated + 1);
  });
});

describe('a batch stored in another window', () => {
  it('is heard by the listeners of this one', async () => {
    const { db, articleId, row } = await article();
    const otherWindow = new TargumDatabase(db.name);
    const heard = new Promise<readonly TranslationRecord[]>((resolve) => onTranslationsStored(otherWindow, resolve));
    const stored = await storeTranslations(db, [row(1, 'Heard over there.')]);
    expect(await heard).toEqual(stored);
    expect(stored[0]!.articleId).toBe(articleId);
    otherWindow.close();
  });
});
