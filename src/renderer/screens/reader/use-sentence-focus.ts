import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SentenceView } from '../../data/article-view';
import type { ViewMode } from './ParagraphRow';
import type { ReadingListHandle } from './ReadingList';

export type Side = 'source' | 'english';

/**
 * Which sentence is active (the one the keyboard is on), and moving focus to it: a sentence scrolled into
 * view is focused once its row is drawn, on the side the reader was last on.
 */
export function useSentenceFocus(rows: SentenceView[][], mode: ViewMode, editing: boolean, initialSegmentId?: number) {
  const list = useRef<ReadingListHandle>(null);
  const [activeId, setActiveId] = useState<number | undefined>(initialSegmentId);
  const focusSide = useRef<Side>('english');
  const pendingFocus = useRef<number | undefined>(initialSegmentId);

  const order = useMemo(() => rows.flat(), [rows]);
  const rowOf = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((sentences, row) => sentences.forEach((sentence) => map.set(sentence.segment.id!, row)));
    return map;
  }, [rows]);
  const byId = useMemo(() => new Map(order.map((sentence) => [sentence.segment.id!, sentence])), [order]);
  const active = activeId !== undefined && rowOf.has(activeId) ? activeId : order[0]?.segment.id;

  const focusSentence = useCallback(
    (segmentId: number) => {
      const row = rowOf.get(segmentId);
      if (row === undefined) return;
      pendingFocus.current = segmentId;
      setActiveId(segmentId);
      list.current?.scrollToRow(row);
    },
    [rowOf],
  );

  // Focus follows the active sentence once its row is rendered (it may have just been scrolled in).
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === undefined || editing) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const side = mode === 'source' ? 'source' : mode === 'english' ? 'english' : focusSide.current;
      const element = document.querySelector<HTMLElement>(`[data-segment-id="${target}"][data-side="${side}"]`);
      if (element) {
        element.focus();
        pendingFocus.current = undefined;
      } else if (frames++ < 10) {
        handle = requestAnimationFrame(attempt);
      }
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  });

  const move = useCallback(
    (from: number | undefined, step: number) => {
      const index = order.findIndex((sentence) => sentence.segment.id === from);
      const next = order[Math.max(0, Math.min(order.length - 1, index + step))];
      if (next) focusSentence(next.segment.id!);
    },
    [order, focusSentence],
  );

  /** Focuses the sentence again after the next render (an editor closed over it). */
  const refocus = useCallback((segmentId: number | undefined) => {
    pendingFocus.current = segmentId;
  }, []);

  const rememberSide = useCallback((side: Side) => {
    focusSide.current = side;
  }, []);

  return { list, order, rowOf, byId, active, setActiveId, focusSentence, move, refocus, rememberSide };
}
