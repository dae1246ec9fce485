import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { createAlignedPair } from '../../../src/renderer/alignment/aligned-pair';
import { TargumDatabase } from '../../../src/renderer/db/database';
import { deleteArticle, restoreArticle } from '../../../src/renderer/db/delete-article';

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
});
