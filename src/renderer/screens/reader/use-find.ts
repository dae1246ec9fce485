import { useCallback, useEffect, useMemo, useState, type RefObject } from 'react';
import type { SentenceView } from '../../data/article-view';
import { findMatches } from './find-matches';
import type { ReadingListHandle } from './ReadingList';

/** Find in the article (Ctrl+F): the query, its matches by row, and the current one scrolled into view. */
export function useFind(rows: SentenceView[][], list: RefObject<ReadingListHandle | null>, focusSentence: (segmentId: number) => void) {
  const [find, setFind] = useState<{ query: string; index: number }>();
  const matches = useMemo(() => (find ? findMatches(rows, find.query) : []), [rows, find]);
  const position = find && matches.length > 0 ? Math.min(find.index, matches.length - 1) : undefined;
  const current = position === undefined ? undefined : matches[position];
  const hitsByRow = useMemo(() => {
    const hits = new Map<number, string>();
    for (const match of matches) hits.set(match.row, `${hits.get(match.row) ?? ''} ${match.segmentId}:${match.side}`.trim());
    return hits;
  }, [matches]);

  useEffect(() => {
    if (current) list.current?.scrollToRow(current.row);
  }, [current, list]);

  const open = useCallback(() => {
    setFind((shown) => shown ?? { query: '', index: 0 });
    requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.find-bar input')?.select());
  }, []);

  /** What the find bar shows and does, while it is open. */
  const bar = find && {
    query: find.query,
    position: position === undefined ? 0 : position + 1,
    count: matches.length,
    onQuery: (query: string) => setFind({ query, index: 0 }),
    onStep: (step: number) => setFind({ query: find.query, index: (Math.min(find.index, matches.length - 1) + step + matches.length) % Math.max(1, matches.length) }),
    onClose: () => {
      setFind(undefined);
      if (current) focusSentence(current.segmentId);
    },
  };

  return { open, bar, hitsByRow, current };
}
