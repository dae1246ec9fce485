import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import type { LibraryEntry } from '../../library/library-index';
import { ArticleRow } from './ArticleRow';

interface Props {
  entries: readonly LibraryEntry[];
  /** What was asked for (query, filters, order): when it changes, the list goes back to its top. */
  request: string;
  /** The folded terms of the query the entries were found with: they mark the passages shown. */
  terms: readonly string[];
  libraryTags: readonly string[];
  activeTag?: string;
  onFilterTag: (tag: string) => void;
  onDelete: (entry: LibraryEntry) => void;
}

const wholeList = 12;

/** The articles found, only those near the screen in the document: ten thousand scroll like ten. */
export function ArticleList({ entries, request, terms, libraryTags, activeTag, onFilterTag, onDelete }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are measured as they render; nothing here is compiled by the React Compiler
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => 128,
    // A short list is rendered whole (find in page and screen readers see every row); a long one near the screen only.
    overscan: entries.length <= wholeList ? wholeList : 3,
    getItemKey: (index) => entries[index]!.articleId,
  });
  useEffect(() => {
    viewport.current?.scrollTo({ top: 0 });
  }, [request]);
  return (
    <div className="library-viewport" ref={viewport}>
      <ul className="article-list" aria-label="Articles" style={{ blockSize: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const entry = entries[item.index]!;
          return (
            <li
              key={item.key}
              className="article-item"
              data-index={item.index}
              ref={virtualizer.measureElement}
              aria-setsize={entries.length}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)` }}
            >
              <ArticleRow entry={entry} terms={terms} libraryTags={libraryTags} activeTag={activeTag} onFilterTag={onFilterTag} onDelete={() => onDelete(entry)} />
            </li>
          );
        })}
      </ul>
    </div>
  );
}
