import { buildArticle } from '../../common/import/article-import';
import { SEGMENTER_VERSION } from '../../common/text/segmenter';
import { deriveSegments } from './articles';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';

/** The segmenter version the library's sentences were derived with; libraries from before it was kept used version 1. */
const segmentedWithKey = 'segmentedWith';

/**
 * When Targum's segmenter has improved since the library's sentences were derived, derives them again from
 * each article's original text, one article per transaction. Corrections, machine translations, memory and
 * glosses are keyed by the sentence text, not by row, so they stay as they are and still apply wherever a
 * sentence reads the same. Resolves to the number of articles re-derived.
 */
export async function resegmentLibrary(db: TargumDatabase, version: number = SEGMENTER_VERSION): Promise<number> {
  const stored = (await db.settings.get(segmentedWithKey))?.value as number | undefined;
  const articleIds = await db.articles.toCollection().primaryKeys();
  if (stored === undefined && articleIds.length === 0) {
    await db.settings.put({ key: segmentedWithKey, value: version });
    return 0;
  }
  if ((stored ?? 1) >= version) return 0;
  let rebuilt = 0;
  for (const articleId of articleIds) {
    await db.transaction('rw', db.articles, db.segments, db.searchQueue, async () => {
      const article = await db.articles.get(articleId);
      if (!article) return;
      const derived = deriveSegments(articleId, buildArticle(article.originalText, article.language));
      await db.segments.where('articleId').equals(articleId).delete();
      await db.segments.bulkAdd(derived.map((segment) => ({ ...segment, segmenterVersion: version })));
      await markArticlesChanged(db, [articleId]);
    });
    rebuilt += 1;
  }
  await db.settings.put({ key: segmentedWithKey, value: version });
  return rebuilt;
}
