import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { importPasted, resolveDuplicate } from '../../../src/renderer/import/import-files';

const article = 'הצבא הודיע על תרגיל בצפון\nהצבא הודיע הבוקר על תרגיל גדול בצפון הארץ. התרגיל יימשך שלושה ימים.\n';

describe('importing an article the library has already', () => {
  it('says so instead of storing it twice, even with other spacing, and stores a different text', async () => {
    const db = new TargumDatabase('import-duplicate');
    const first = await importPasted(db, article);
    expect(first.status).toBe('imported');
    const again = await importPasted(db, article.replace(/ /g, '  ').replace(/\n/g, '\n\n'));
    expect(again).toMatchObject({ status: 'duplicate', existingId: first.status === 'imported' ? first.articleId : -1 });
    expect(await db.articles.count()).toBe(1);
    const other = await importPasted(db, article.replace('שלושה', 'ארבעה'));
    expect(other.status).toBe('imported');
    expect(await db.articles.count()).toBe(2);
  });

  it('keeps both, or replaces the one there, as the reader chooses', async () => {
    const db = new TargumDatabase('import-duplicate-choice');
    const first = await importPasted(db, article);
    const again = await importPasted(db, article);
    if (again.status !== 'duplicate' || first.status !== 'imported') throw new Error('expected a duplicate');
    const kept = await resolveDuplicate(db, again, 'keep-both');
    expect(kept.status).toBe('imported');
    expect(await db.articles.count()).toBe(2);

    const third = await importPasted(db, article);
    if (third.status !== 'duplicate') throw new Error('expected a duplicate');
    const replaced = await resolveDuplicate(db, third, 'replace');
    expect(replaced.status).toBe('imported');
    expect(await db.articles.count()).toBe(2);
    expect(await db.articles.get(third.existingId)).toBeUndefined();
  });
});
