import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';

export interface ReadingListHandle {
  scrollToRow: (index: number) => void;
}

interface Props {
  rowCount: number;
  rowKey: (index: number) => number;
  rowClassName: (index: number) => string;
  renderRow: (index: number) => ReactNode;
  /** Called with the indices of the rows on screen whenever they change. */
  onVisibleRows: (indices: number[]) => void;
  header: ReactNode;
  handle: Ref<ReadingListHandle>;
  label: string;
}

/**
 * The article's paragraph rows, only those near the screen in the document: a 2,000-paragraph article reads
 * as smoothly as a short one. Rows are measured as they render, so each keeps its real height.
 */
export function ReadingList({ rowCount, rowKey, rowClassName, renderRow, onVisibleRows, header, handle, label }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // The compiler leaves this component unmemoised because of the virtualizer's functions; its rows are memoised themselves.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scroller.current,
    estimateSize: () => 150,
    overscan: 4,
    getItemKey: rowKey,
  });

  useImperativeHandle(handle, () => ({ scrollToRow: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }) }), [virtualizer]);

  const range = virtualizer.range;
  useEffect(() => {
    if (!range) return;
    const indices: number[] = [];
    for (let index = range.startIndex; index <= range.endIndex; index += 1) indices.push(index);
    onVisibleRows(indices);
  }, [range?.startIndex, range?.endIndex, onVisibleRows, range]);

  return (
    <div className="reading-scroller" ref={scroller}>
      <div className="reading-grid" role="table" aria-label={label} aria-rowcount={rowCount + 1}>
        {header}
        <div className="reading-rows" style={{ blockSize: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <div
              key={item.key}
              className={rowClassName(item.index)}
              role="row"
              aria-rowindex={item.index + 2}
              data-index={item.index}
              ref={virtualizer.measureElement}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              {renderRow(item.index)}
            </div>
          ))}
        </div>
      </div>
    </div>
  );
}
