import { findGlossMatches, type GlossIndex } from '../../common/glossary/gloss-index';
import { articleLabels } from './articles';
import type { TargumDatabase } from './database';
import type { GlossRecord } from './records';
import { glossChange, queueTeamChanges } from './team-outbox';

export function allGlosses(db: TargumDatabase): Promise<GlossRecord[]> {
  return db.glosses.toArray();
}

/** Adds or replaces a gloss (outside any article's undo log: the Glossary screen's edits). */
export async function putGloss(db: TargumDatabase, gloss: GlossRecord): Promise<void> {
  await db.transaction('rw', db.glosses, db.teamOutbox, async () => {
    const before = gloss.id === undefined ? undefined : await db.glosses.get(gloss.id);
    await db.glosses.put(gloss);
    await queueTeamChanges(db, [...(before ? [glossChange(before)] : []), glossChange(gloss)]);
  });
}

export async function deleteGloss(db: TargumDatabase, glossId: number): Promise<void> {
  await db.transaction('rw', db.glosses, db.teamOutbox, async () => {
    const gone = await db.glosses.get(glossId);
    if (!gone) return;
    await db.glosses.delete(glossId);
    await queueTeamChanges(db, [glossChange(gone)]);
  });
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
  return db.transaction('rw', db.glosses, db.teamOutbox, async () => {
    const ids = await db.glosses.bulkAdd([...glosses], { allKeys: true });
    await queueTeamChanges(db, glosses.map(glossChange));
    return ids;
  });
}

/** Undoes an import: removes the glosses it added, in one transaction. */
export function removeImportedGlosses(db: TargumDatabase, ids: readonly number[]): Promise<void> {
  return db.transaction('rw', db.glosses, db.teamOutbox, async () => {
    const gone = (await db.glosses.bulkGet([...ids])).filter((gloss): gloss is GlossRecord => gloss !== undefined);
    await db.glosses.bulkDelete([...ids]);
    await queueTeamChanges(db, gone.map(glossChange));
  });
}
