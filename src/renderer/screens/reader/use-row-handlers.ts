import { useLayoutEffect, useMemo, useRef } from 'react';
import type { RowHandlers } from './ParagraphRow';

/**
 * One handlers object for every row, for the rows' whole life (so that a memoised row is not drawn again for
 * new functions), whose functions always call this render's.
 */
export function useRowHandlers(current: RowHandlers): RowHandlers {
  const latest = useRef<RowHandlers>(current);
  useLayoutEffect(() => {
    latest.current = current;
  });
  return useMemo<RowHandlers>(
    () => ({
      activate: (id) => latest.current.activate(id),
      hover: (id) => latest.current.hover(id),
      edit: (id) => latest.current.edit(id),
      save: (sentence, text, confirm) => latest.current.save(sentence, text, confirm),
      cancelEdit: () => latest.current.cancelEdit(),
    }),
    [],
  );
}
