import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addArticle, articleLabels, prepareArticle, renameArticle } from '../../../src/renderer/data/articles';
import { TargumDatabase } from '../../../src/renderer/data/database';

describe('the articles repository', () => {
  it('names every article by id with its title and language, without reading texts or files, and follows a rename', async () => {
    const db = new TargumDatabase('articles-labels');
    const hebrew = await addArticle(db, prepareArticle({ text: 'ארגון דאעש מסר היום בקשה\n\nהירי נמשך.', origin: 'paste' }));
    const arabic = await addArticle(
      db,
      prepareArticle({ text: 'داعش يحرق مقراته في القلمون\n\nقال مصدر إن التنظيم ينسحب.', origin: 'file', originalFile: new Blob(['x'.repeat(1000)]) }),
    );
    expect(await articleLabels(db)).toEqual(
      new Map([
        [hebrew, { title: 'ארגון דאעש מסר היום בקשה', language: 'he' }],
        [arabic, { title: 'داعش يحرق مقراته في القلمون', language: 'ar' }],
      ]),
    );
    await renameArticle(db, hebrew, 'דאעש מבקש לסגת');
    expect((await articleLabels(db)).get(hebrew)).toEqual({ title: 'דאעש מבקש לסגת', language: 'he' });
  });
});
