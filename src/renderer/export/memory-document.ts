import type { BilingualDocument } from '../../common/formats/bilingual-document';
import type { TextLanguage } from '../../common/text/language';
import type { MemoryRecord } from '../data/records';

/**
 * The translation memory as bilingual documents, one per source language (a TMX has one source language). Reviewed
 * entries are written as confirmed and references as edited, so that Targum reads them back the same way.
 */
export function memoryDocuments(entries: readonly MemoryRecord[], toolVersion: string, createdAt = new Date().toISOString()): BilingualDocument[] {
  const byLanguage = new Map<TextLanguage, MemoryRecord[]>();
  for (const entry of entries) byLanguage.set(entry.language, [...(byLanguage.get(entry.language) ?? []), entry]);
  return [...byLanguage].map(([language, group]) => ({
    kind: 'translation',
    title: '',
    sourceLanguage: language,
    targetLanguage: 'en',
    segtype: 'sentence',
    createdAt,
    toolVersion,
    units: group.map((entry, index) => ({
      source: entry.source,
      target: entry.target,
      status: entry.standing === 'reviewed' ? 'confirmed' : 'edited',
      ...(entry.standing === 'reviewed' ? { confirmedAt: new Date(entry.updatedAt).toISOString() } : {}),
      notes: [],
      paragraph: index,
    })),
  }));
}
