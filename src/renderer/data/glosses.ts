import { findGlossMatches, type GlossIndex } from '../../common/glossary/gloss-index';
import { articleLabels } from './articles';
import type { TargumDatabase } from './database';
import type { GlossRecord } from './records';

export function allGlosses(db: TargumDatabase): Promise<GlossRecord[]> {
  return db.glosses.toArray();
}

/** Adds or replaces a gloss (outside any article's undo log: the Glossary screen's edits). */
export async function putGloss(db: TargumDatabase, gloss: GlossRecord): Promise<void> {
  await db.glosses.put(gloss);
}

export async function deleteGloss(db: TargumDatabase, glossId: number): Promise<void> {
  await db.glosses.delete(glossId);
}

export interface GlossOccurrence {
  articleId: number;
  segmentId: number;
  sentence: string;
}

/** Where every gloss occurs across the library, by gloss id, in library order. */
export async function findGlossOccurrences(db: TargumDatabase, index: GlossIndex): Promise<Map<number, GlossOccurrence[]>> {
  const occurrences = new Map<number, GlossOccurrence[]>();
  if (index.size === 0) return occurrences;
  const labels = await articleLabels(db);
  await db.segments.each((segment) => {
    const language = labels.get(segment.articleId)?.language;
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

/** Adds the planned glosses in one transaction (all or none); resolves to their ids, for undo. */
export function addImportedGlosses(db: TargumDatabase, glosses: readonly GlossRecord[]): Promise<number[]> {
  return db.transaction('rw', db.glosses, () => db.glosses.bulkAdd([...glosses], { allKeys: true }));
}

/** Undoes an import: removes the glosses it added, in one transaction. */
export function removeImportedGlosses(db: TargumDatabase, ids: readonly number[]): Promise<void> {
  return db.transaction('rw', db.glosses, () => db.glosses.bulkDelete([...ids]));
}
