import type { SegmentStatus } from '../../common/formats/translation-output';
import type { EditRecord, MemoryRecord, SegmentValue, TranslationRecord } from './records';

/** Where the English shown for a sentence comes from. */
export type EnglishOrigin = 'correction' | 'memory' | 'machine';

export interface SegmentState {
  english?: string;
  status: SegmentStatus;
  origin?: EnglishOrigin;
  /** The reader's current correction or confirmation, when there is one. */
  value: SegmentValue | null;
  machine?: TranslationRecord;
  /** A reviewed memory entry for the sentence. */
  memory?: MemoryRecord;
  /** An unreviewed imported entry for the sentence: a suggestion, never shown as its English. */
  reference?: MemoryRecord;
  /** Team members corrected the sentence apart, and no one has settled it yet. */
  inConflict?: true;
}

/** Records by source sentence, the newest of each (edits and translations are append-only), added to those known already. */
export function newestBySource<T extends { source: string; createdAt: number; id?: number }>(records: readonly T[], known: ReadonlyMap<string, T> = new Map()): Map<string, T> {
  const newest = new Map(known);
  for (const record of records) {
    const known = newest.get(record.source);
    if (!known || known.createdAt < record.createdAt || (known.createdAt === record.createdAt && (known.id ?? 0) < (record.id ?? 0))) {
      newest.set(record.source, record);
    }
  }
  return newest;
}

export function valueOf(edit: EditRecord | undefined): SegmentValue | null {
  return edit && edit.status !== 'machine' ? { text: edit.text, status: edit.status } : null;
}

/**
 * The reader's correction wins; without one, a reviewed translation from memory is offered before the
 * machine's. An unreviewed (reference) entry is kept apart, as a suggestion.
 */
export function segmentState(edit: EditRecord | undefined, machine: TranslationRecord | undefined, entry: MemoryRecord | undefined): SegmentState {
  const value = valueOf(edit);
  const memory = entry?.standing === 'reviewed' ? entry : undefined;
  const found = memory ? { memory } : entry ? { reference: entry } : {};
  if (value) return { english: value.text, status: value.status, origin: 'correction', value, machine, ...found, ...(edit?.team?.conflicts?.length ? { inConflict: true as const } : {}) };
  if (memory) return { english: memory.target, status: 'machine', origin: 'memory', value, machine, ...found };
  if (machine) return { english: machine.text, status: 'machine', origin: 'machine', value, machine, ...found };
  return { status: 'machine', value, machine, ...found };
}
