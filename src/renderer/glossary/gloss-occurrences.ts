import { findGlossMatches, type GlossIndex } from '../../common/glossary/gloss-index';
import type { TargumDatabase } from '../db/database';

export interface GlossOccurrence {
  articleId: number;
  segmentId: number;
  sentence: string;
}

/** Where every gloss occurs across the library, by gloss id, in library order. */
export async function findGlossOccurrences(db: TargumDatabase, index: GlossIndex): Promise<Map<number, GlossOccurrence[]>> {
  const occurrences = new Map<number, GlossOccurrence[]>();
  if (index.size === 0) return occurrences;
  const languages = new Map((await db.articles.toArray()).map((article) => [article.id!, article.language]));
  await db.segments.each((segment) => {
    const language = languages.get(segment.articleId);
    if (!language || segment.boilerplate) return;
    for (const match of findGlossMatches(segment.text, language, index)) {
      for (const id of match.glossIds) {
        const list = occurrences.get(id) ?? occurrences.set(id, []).get(id)!;
        list.push({ articleId: segment.articleId, segmentId: segment.id!, sentence: segment.text });
      }
    }
  });
  return occurrences;
}
