import type { GlossaryEntry } from '../../common/glossary/glossary-export';
import { glossKey } from '../../common/glossary/gloss-key';
import type { GlossRecord } from '../data/records';

/** What importing a glossary file would do, before anything is written. */
export interface GlossImportPlan {
  /** The glosses to add, in the file's order. */
  added: GlossRecord[];
  /** Entries whose term (in its language) is glossed already, in the library or earlier in the file: left as they are. */
  existing: Array<{ entry: GlossaryEntry; glossed: Pick<GlossRecord, 'surface' | 'meaning'> }>;
  /** Entries whose term holds no word to match (only punctuation or symbols). */
  wordless: GlossaryEntry[];
}

const keyOf = (language: string, key: string) => `${language}\u0000${key}`;

/**
 * Sorts a file's entries into new glosses and those already glossed. A gloss is stored under its term's own
 * form (as "only this form" in the gloss form): a term given bare (צבא, جيش) follows every prefixed form.
 */
export function planGlossImport(entries: readonly GlossaryEntry[], stored: readonly GlossRecord[], now = Date.now()): GlossImportPlan {
  const glossed = new Map(stored.map((gloss) => [keyOf(gloss.language, gloss.key), gloss as Pick<GlossRecord, 'surface' | 'meaning'>]));
  const plan: GlossImportPlan = { added: [], existing: [], wordless: [] };
  for (const entry of entries) {
    const key = glossKey(entry.surface, entry.language);
    if (key === '') {
      plan.wordless.push(entry);
      continue;
    }
    const known = glossed.get(keyOf(entry.language, key));
    if (known) {
      plan.existing.push({ entry, glossed: known });
      continue;
    }
    const record: GlossRecord = { key, surface: entry.surface, language: entry.language, meaning: entry.meaning, ...(entry.note ? { note: entry.note } : {}), ...(entry.lemma ? { lemma: entry.lemma } : {}), createdAt: now };
    glossed.set(keyOf(entry.language, key), record);
    plan.added.push(record);
  }
  return plan;
}
