import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAlignedPair } from '../../../src/renderer/alignment/aligned-pair';
import { saveSegment, undoChange } from '../../../src/renderer/data/article-changes';
import { addArticle, prepareArticle } from '../../../src/renderer/data/articles';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { deleteArticle, restoreArticle } from '../../../src/renderer/data/delete-article';

describe('deleting an article that is part of an alignment', () => {
  it('takes the alignment with it from either side, and Undo brings both back', async () => {
    const db = new TargumDatabase('delete-aligned');
    const pair = await createAlignedPair(db, {
      source: { language: 'he', units: ['ארגון דאעש מסר היום בקשה.', 'הבקשה מעידה על מצבם.'] },
      target: { language: 'en', units: ['ISIS made a request today.', 'The request shows their state.'] },
      links: [
        { source: [0], target: [0] },
        { source: [1], target: [1] },
      ],
    });
    const deleted = await deleteArticle(db, pair.targetId);
    expect(deleted!.alignments.map((alignment) => alignment.id)).toEqual([pair.alignmentId]);
    expect(await db.alignments.count()).toBe(0);
    await restoreArticle(db, deleted!);
    expect((await db.alignments.get(pair.alignmentId))?.counterpartId).toBe(pair.targetId);
  });

  it('takes its undo log with it, and Undo brings the log back so that its changes can still be undone', async () => {
    const db = new TargumDatabase('delete-undo-log');
    const articleId = await addArticle(db, prepareArticle({ text: 'ארגון דאעש מסר היום בקשה.', origin: 'paste' }));
    const article = (await db.articles.get(articleId))!;
    const [segment] = await db.segments.where('articleId').equals(articleId).toArray();
    await saveSegment(db, article, segment!.text, null, { text: 'ISIS sent a request today.', status: 'edited' });
    expect((await db.undoLogs.get(articleId))!.done).toHaveLength(1);

    const deleted = await deleteArticle(db, articleId);
    expect(await db.undoLogs.count()).toBe(0);
    await restoreArticle(db, deleted!);
    expect(await undoChange(db, article)).toMatchObject({ kind: 'segment', source: segment!.text });
    expect((await db.undoLogs.get(articleId))!.undone).toHaveLength(1);
  });
});
