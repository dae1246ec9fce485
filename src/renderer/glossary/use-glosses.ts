import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { buildGlossIndex, type GlossIndex } from '../../common/glossary/gloss-index';
import { useWorkbench } from '../workbench/workbench-context';
import { allGlosses } from '../data/glosses';
import type { GlossRecord } from '../data/records';

export interface Glosses {
  byId: ReadonlyMap<number, GlossRecord>;
  index: GlossIndex;
}

/** Every gloss in the library and the index that finds them in any text, rebuilt when a gloss changes. */
export function useGlosses(): Glosses | undefined {
  const { db } = useWorkbench();
  const records = useLiveQuery(() => allGlosses(db), [db]);
  return useMemo(() => (records ? { byId: new Map(records.map((gloss) => [gloss.id!, gloss])), index: buildGlossIndex(records) } : undefined), [records]);
}
