import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useWorkbench } from '../workbench/workbench-context';
import { getAlignment } from '../data/alignments';
import type { AlignmentRecord } from '../data/records';
import { loadAlignmentSide, realign, redoLinks, saveLinks, sentencesMatch, undoLinks, type Realignment } from './alignment-store';
import { LinkEditError, type LinkEdit } from './link-edits';

/** What became of the latest action, for the status line. */
export interface ActionOutcome {
  kind: 'saved' | 'refused' | 'failed';
  message: string;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * One alignment as the editor sees it, kept current from the database, and its actions. Actions run one
 * after another, each on the alignment as the one before left it, and each is saved before it shows: a
 * write that fails leaves the alignment as stored and says so.
 */
export function useAlignment(alignmentId: number) {
  const { db } = useWorkbench();
  // The record and the articles' sentences are watched apart: an edit rewrites the record only.
  const stored = useLiveQuery(async () => (await getAlignment(db, alignmentId)) ?? null, [db, alignmentId]);
  const [articleId, counterpartId] = [stored?.articleId, stored?.counterpartId];
  const sides = useLiveQuery(async () => {
    if (articleId === undefined || counterpartId === undefined) return undefined;
    const [source, target] = await Promise.all([loadAlignmentSide(db, articleId), loadAlignmentSide(db, counterpartId)]);
    return source && target ? { articleId, counterpartId, source, target } : null;
  }, [db, articleId, counterpartId]);
  const [written, setWritten] = useState<AlignmentRecord>();
  const [outcome, setOutcome] = useState<ActionOutcome>();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  // What this screen wrote last shows until the database catches up with it (or moves past it).
  const record = written && written.id === alignmentId && (!stored || written.revision > stored.revision) ? written : (stored ?? undefined);
  const loaded = useMemo(() => {
    const stale = sides === undefined || (sides !== null && stored && (sides.articleId !== stored.articleId || sides.counterpartId !== stored.counterpartId));
    if (stored === undefined || (stored && stale)) return undefined;
    if (stored === null || sides === null || !record || !sides) return null;
    return { record, source: sides.source, target: sides.target, current: sentencesMatch(record, sides.source, sides.target) };
  }, [stored, sides, record]);
  // The alignment actions start from: what was last saved here, or a newer version from elsewhere.
  const latest = useRef<AlignmentRecord | undefined>(undefined);
  useEffect(() => {
    if (record && (!latest.current || latest.current.id !== record.id || latest.current.revision < record.revision)) latest.current = record;
  }, [record]);

  const run = useCallback(<T>(action: (current: AlignmentRecord) => Promise<T>): Promise<T | undefined> => {
    const next = queue.current.then(async () => {
      const current = latest.current;
      if (!current || current.id !== alignmentId) return undefined;
      return action(current);
    });
    queue.current = next.catch(() => undefined);
    return next;
  }, [alignmentId]);

  const accept = (saved: AlignmentRecord) => {
    latest.current = saved;
    setWritten(saved);
  };

  /** Applies an editor operation and saves it; resolves to the link to focus, or undefined when nothing changed. */
  const edit = useCallback(
    (label: string, operation: (links: AlignmentRecord['links']) => LinkEdit) =>
      run(async (current) => {
        let result: LinkEdit;
        try {
          result = operation(current.links);
        } catch (error) {
          if (!(error instanceof LinkEditError)) throw error;
          setOutcome({ kind: 'refused', message: error.message });
          return undefined;
        }
        try {
          accept(await saveLinks(db, current.id!, current.revision, result.links, label));
          setOutcome({ kind: 'saved', message: `${label[0]!.toUpperCase()}${label.slice(1)} saved.` });
          return result.focus;
        } catch (error) {
          setOutcome({ kind: 'failed', message: `The ${label} was not saved: ${messageOf(error)}` });
          return undefined;
        }
      }),
    [db, run],
  );

  const history = useCallback(
    (direction: 'undo' | 'redo') =>
      run(async (current) => {
        try {
          const { record: saved, change } = await (direction === 'undo' ? undoLinks : redoLinks)(db, current.id!, current.revision);
          if (!change) {
            setOutcome({ kind: 'refused', message: direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.' });
            return undefined;
          }
          accept(saved);
          setOutcome({ kind: 'saved', message: `${direction === 'undo' ? 'Undid' : 'Redid'} the ${change.label}.` });
          return change.index;
        } catch (error) {
          setOutcome({ kind: 'failed', message: `Could not ${direction}: ${messageOf(error)}` });
          return undefined;
        }
      }),
    [db, run],
  );

  const realignNow = useCallback(
    () =>
      run(async (current): Promise<Realignment | undefined> => {
        try {
          const result = await realign(db, current.id!, current.revision);
          accept(result.record);
          const kept = result.kept === 1 ? '1 link of yours' : `${result.kept} links of yours`;
          const changed = result.sentencesChanged ? 'The sentences had changed since the alignment was saved: re-aligned' : 'Re-aligned';
          const dropped = result.dropped > 0 ? `; ${result.dropped} whose sentences are gone could not be kept` : '';
          setOutcome({ kind: 'saved', message: `${changed}, keeping ${kept}${dropped}.` });
          return result;
        } catch (error) {
          setOutcome({ kind: 'failed', message: `Could not re-align: ${messageOf(error)}` });
          return undefined;
        }
      }),
    [db, run],
  );

  return {
    /** undefined while loading, null when the alignment or one of its articles is gone. */
    loaded,
    outcome,
    edit,
    undo: useCallback(() => history('undo'), [history]),
    redo: useCallback(() => history('redo'), [history]),
    realign: realignNow,
    /** Shows why an action was not taken. */
    refuse: useCallback((message: string) => setOutcome({ kind: 'refused', message }), []),
  };
}
