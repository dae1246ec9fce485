import type { SegmentStatus } from '../../common/formats/translation-output';
import type { EditRecord, MemoryRecord, TranslationRecord } from '../db/records';

/** A sentence's English as the reader left it: a correction, or a confirmation of the English shown. */
export interface SegmentValue {
  text: string;
  status: Exclude<SegmentStatus, 'machine'>;
}

/** Where the English shown for a sentence comes from. */
export type EnglishOrigin = 'correction' | 'memory' | 'machine';

export interface SegmentState {
  english?: string;
  status: SegmentStatus;
  origin?: EnglishOrigin;
  /** The reader's current correction or confirmation, when there is one. */
  value: SegmentValue | null;
  machine?: TranslationRecord;
  memory?: MemoryRecord;
}

/** Records by source sentence, the newest of each (edits and translations are append-only). */
export function newestBySource<T extends { source: string; createdAt: number; id?: number }>(records: readonly T[]): Map<string, T> {
  const newest = new Map<string, T>();
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
 * The reader's correction wins; without one, a translation from memory (confirmed elsewhere) is offered
 * before the machine's.
 */
export function segmentState(edit: EditRecord | undefined, machine: TranslationRecord | undefined, memory: MemoryRecord | undefined): SegmentState {
  const value = valueOf(edit);
  if (value) return { english: value.text, status: value.status, origin: 'correction', value, machine, memory };
  if (memory) return { english: memory.target, status: 'machine', origin: 'memory', value, machine, memory };
  if (machine) return { english: machine.text, status: 'machine', origin: 'machine', value, machine, memory };
  return { status: 'machine', value, machine, memory };
}
