import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { addImportedEdits } from '../../../src/renderer/data/article-changes';
import { addArticle, deriveSegments, prepareArticle, renameArticle } from '../../../src/renderer/data/articles';
import { announceLibraryReplaced, markArticlesChanged } from '../../../src/renderer/data/changed-articles';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { deleteArticle, restoreArticle } from '../../../src/renderer/data/delete-article';
import { initialSchema } from '../../../src/renderer/data/migrations/001-initial';
import { libraryIndexOf } from '../../../src/renderer/library/library-index';
import { refreshSearchText, whenSearchTextCurrent } from '../../../src/renderer/library/search-text';
import { addTags, removeTag } from '../../../src/renderer/data/tags';
import { storeTranslations } from '../../../src/renderer/data/translations';

const hebrew = 'ארגון דאעש מסר היום בקשה\n\nארגון דאעש מסר היום (חמישי) בקשה באמצעות מתווכים. הירי של אַרְטִילֶרְיָה נמשך.';
const arabic = 'داعش يحرق مقراته في القلمون\n\nقال مصدر إن تنظيم داعش الإرْهابيّ يحرق مقراته. وأضاف أن المقاتلين ينسحبون.';

let databases = 0;

async function libraryWith(...texts: string[]) {
  const db = new TargumDatabase(`library-index-${++databases}`);
  const ids: number[] = [];
  for (const text of texts) ids.push(await addArticle(db, prepareArticle({ text, origin: 'paste' })));
  const index = libraryIndexOf(db);
  index.start();
  /** The library once every write so far is indexed and its entries read back. */
  const current = async () => {
    await whenSearchTextCurrent(db);
    await index.settled();
    return index.getSnapshot();
  };
  const find = async (query: string) => (await current()).find({ query, order: 'added' }).map((entry) => entry.articleId);
  return { db, ids, current, find };
}

async function segmentsOf(db: TargumDatabase, articleId: number) {
  return (await db.segments.where('articleId').equals(articleId).toArray()).sort((a, b) => a.paragraphIndex - b.paragraphIndex || a.sentenceIndex - b.sentenceIndex);
}

describe('the library index', () => {
  it('lists every article, newest first, and finds them by a folded part of any word', async () => {
    const { ids, current, find } = await libraryWith(hebrew, arabic);
    const library = await current();
    expect(library.find({ query: '', order: 'added' }).map((entry) => entry.title)).toEqual(['داعش يحرق مقراته في القلمون', 'ארגון דאעש מסר היום בקשה']);
    expect(await find('الارهابي')).toEqual([ids[1]]);
    expect(await find('ארטילריה')).toEqual([ids[0]]);
    expect(await find('דאעש מתווכ')).toEqual([ids[0]]);
    expect(await find('דאעש القلمون')).toEqual([]);
  });

  it('searches the current English: the machine translation, or the correction that replaced it', async () => {
    const { db, ids, current, find } = await libraryWith(hebrew);
    const [, first] = await segmentsOf(db, ids[0]!);
    const translate = (source: string, text: string, createdAt: number) =>
      storeTranslations(db, [{ articleId: ids[0]!, source, text, modelId: 'tiny', precision: 'q8', createdAt }]);
    const article = (await db.articles.get(ids[0]!))!;
    await translate(first!.text, 'ISIS today conveyed a request through intermediaries', 1);
    expect(await find('intermediaries')).toEqual(ids);

    await addImportedEdits(db, article, [{ source: first!.text, text: 'ISIS asked mediators today', status: 'confirmed' }]);
    expect(await find('mediators')).toEqual(ids);
    expect(await find('intermediaries')).toEqual([]);
    const entry = (await current()).entries.get(ids[0]!)!;
    expect([entry.confirmed, entry.sentences]).toEqual([1, (await segmentsOf(db, ids[0]!)).length]);

    // Withdrawing the correction brings the machine's English back, unconfirmed.
    await addImportedEdits(db, article, [{ source: first!.text, text: '', status: 'machine' }]);
    expect(await find('intermediaries')).toEqual(ids);
    expect((await current()).entries.get(ids[0]!)!.confirmed).toBe(0);
  });

  it('follows renames, tags and deletion with undo', async () => {
    const { db, ids, current, find } = await libraryWith(hebrew, arabic);
    await renameArticle(db, ids[0]!, 'דאעש מבקש לסגת מקלמון');
    expect((await current()).entries.get(ids[0]!)!.title).toBe('דאעש מבקש לסגת מקלמון');
    expect(await find('לסגת')).toEqual([ids[0]]);

    await addTags(db, ids[0]!, 'Syria, #Qalamoun ');
    await addTags(db, ids[1]!, 'syria', (await current()).tags);
    let library = await current();
    expect(library.tags).toEqual(['Qalamoun', 'Syria']);
    expect(library.find({ query: '', tag: 'Syria', order: 'added' })).toHaveLength(2);
    await removeTag(db, ids[0]!, 'Syria');
    library = await current();
    expect(library.find({ query: '', tag: 'Syria', order: 'added' }).map((entry) => entry.articleId)).toEqual([ids[1]]);

    const deleted = await deleteArticle(db, ids[1]!);
    expect(await find('الارهابي')).toEqual([]);
    expect((await current()).size).toBe(1);
    await restoreArticle(db, deleted!);
    expect(await find('الارهابي')).toEqual([ids[1]]);
    expect((await current()).entries.get(ids[1]!)!.tags).toEqual(['Syria']);
  });

  it('keeps the entry as it was when a write fails', async () => {
    const { db, ids, current, find } = await libraryWith(hebrew);
    await expect(
      db.transaction('rw', db.articles, db.searchQueue, async () => {
        await db.articles.update(ids[0]!, { title: 'never saved' });
        await markArticlesChanged(db, [ids[0]!]);
        throw new Error('the write fails');
      }),
    ).rejects.toThrow('the write fails');
    expect((await current()).entries.get(ids[0]!)!.title).toBe('ארגון דאעש מסר היום בקשה');
    expect(await find('never')).toEqual([]);
    expect(await db.searchQueue.count()).toBe(0);
  });

  it('repairs entries after an article is deleted without Dexie', async () => {
    const { db, ids, current } = await libraryWith(hebrew, arabic);
    await current();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.backendDB().transaction(['articles'], 'readwrite');
      transaction.objectStore('articles').delete(ids[0]!);
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    // The next visit to the library notices.
    const reopened = new TargumDatabase(db.name);
    const index = libraryIndexOf(reopened);
    index.start();
    index.reconcile();
    await index.settled();
    await whenSearchTextCurrent(reopened);
    await index.settled();
    expect([...index.getSnapshot().entries.keys()]).toEqual([ids[1]]);
  });

  it('takes in a translation written without Dexie once asked to refresh the article', async () => {
    const { db, ids, current, find } = await libraryWith(hebrew);
    const [, first] = await segmentsOf(db, ids[0]!);
    await current();
    await new Promise<void>((resolve, reject) => {
      const transaction = db.backendDB().transaction(['translations'], 'readwrite');
      transaction.objectStore('translations').add({ articleId: ids[0]!, source: first!.text, text: 'through intermediaries', modelId: 'tiny', precision: 'q8', createdAt: 1 });
      transaction.oncomplete = () => resolve();
      transaction.onerror = () => reject(transaction.error);
    });
    expect(await find('intermediaries')).toEqual([]);
    await refreshSearchText(db, ids);
    expect(await find('intermediaries')).toEqual(ids);
  });

  it('searches a restored backup with its own vocabulary, and goes on adding to it', async () => {
    const other = await libraryWith(arabic);
    await other.current();
    const backup = await Promise.all(other.db.tables.map(async (table) => ({ name: table.name, rows: await table.toArray() })));
    const { db, current, find } = await libraryWith(hebrew);
    await current();
    // As a restore does: every table emptied and filled from the backup, in one transaction, and then announced.
    await db.transaction('rw', db.tables, async () => {
      for (const { name, rows } of backup) {
        await db.table(name).clear();
        await db.table(name).bulkPut(rows);
      }
    });
    await announceLibraryReplaced(db);
    await current();
    expect(await find('ארטילריה')).toEqual([]);
    expect(await find('الارهابي')).toEqual(other.ids);
    const added = await addArticle(db, prepareArticle({ text: hebrew, origin: 'paste' }));
    expect(await find('ארטילריה')).toEqual([added]);
    expect(await find('مقراته')).toEqual(other.ids);
  });

  it('indexes the articles of a library made before it existed, and rebuilds entries made with other folding rules', async () => {
    const name = `library-index-${++databases}`;
    const before = new Dexie(name);
    before.version(1).stores(initialSchema.stores);
    await before.open();
    const prepared = prepareArticle({ text: arabic, origin: 'paste' });
    const articleId = (await before.table('articles').add(prepared.record)) as number;
    await before.table('segments').bulkAdd(deriveSegments(articleId, prepared.article));
    before.close();

    const db = new TargumDatabase(name);
    const index = libraryIndexOf(db);
    index.start();
    await index.settled();
    await whenSearchTextCurrent(db);
    await index.settled();
    expect(index.getSnapshot().find({ query: 'الارهابي', order: 'added' }).map((entry) => entry.articleId)).toEqual([articleId]);

    await db.entryWords.update(articleId, { folding: 'older rules', words: new Int32Array() });
    await index.settled();
    await whenSearchTextCurrent(db);
    await index.settled();
    expect((await db.entryWords.get(articleId))!.folding).not.toBe('older rules');
    expect(index.getSnapshot().find({ query: 'الارهابي', order: 'added' })).toHaveLength(1);
  });
});

describe('the preview under a title', () => {
  it('is the first sentences of the story, never a date, credit or caption line', async () => {
    const hebrewPage = ['תיעוד מהזירה בצפון', 'הכוחות נכנסו לכפר הלילה', 'יום שלישי, כ"ח בחשון תשפ"ה', 'צילום מסך', 'הכוחות נכנסו לכפר הלילה אחרי קרב ארוך. שני חיילים נפצעו.'];
    const arabicPage = ['دخول القوات إلى القرية ليلاً', 'الثلاثاء 28/10/2025', 'رويترز', '(صورة) القوات عند مدخل القرية', 'دخلت القوات إلى القرية ليلاً بعد معركة طويلة. وأصيب جنديان.'];
    const { current } = await libraryWith(hebrewPage.join('\n\n'), arabicPage.join('\n\n'));
    const entries = (await current()).find({ query: '', order: 'added' });
    expect(entries.map((entry) => [entry.title, entry.excerpt])).toEqual([
      ['دخول القوات إلى القرية ليلاً', 'دخلت القوات إلى القرية ليلاً بعد معركة طويلة. وأصيب جنديان.'],
      ['הכוחות נכנסו לכפר הלילה', 'הכוחות נכנסו לכפר הלילה אחרי קרב ארוך. שני חיילים נפצעו.'],
    ]);
  });
});
