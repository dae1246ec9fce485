import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type Key, type ReactNode } from 'react';

/** Lists this short are rendered whole: find in page and screen readers see every row. */
const wholeList = 12;

interface Props<T> {
  items: readonly T[];
  itemKey: (item: T) => Key;
  /** A row's height before it is measured, in pixels. */
  estimateSize: number;
  label: string;
  viewportClassName: string;
  listClassName: string;
  itemClassName: string;
  /** When this changes (a new query or filter), the list goes back to its top. */
  resetKey?: string;
  children: (item: T) => ReactNode;
}

/** A list of which only the rows near the screen are in the document: ten thousand scroll like ten. */
export function VirtualList<T>({ items, itemKey, estimateSize, label, viewportClassName, listClassName, itemClassName, resetKey, children }: Props<T>) {
  const viewport = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are measured as they render; nothing here is compiled by the React Compiler
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => estimateSize,
    overscan: items.length <= wholeList ? wholeList : 3,
    getItemKey: (index) => itemKey(items[index]!),
  });
  useEffect(() => {
    viewport.current?.scrollTo({ top: 0 });
  }, [resetKey]);
  return (
    <div className={viewportClassName} ref={viewport}>
      <ul className={listClassName} aria-label={label} style={{ blockSize: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <li
            key={item.key}
            className={itemClassName}
            data-index={item.index}
            ref={virtualizer.measureElement}
            aria-setsize={items.length}
            aria-posinset={item.index + 1}
            style={{ transform: `translateY(${item.start}px)` }}
          >
            {children(items[item.index]!)}
          </li>
        ))}
      </ul>
    </div>
  );
}
