import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import type { LibraryEntry } from '../../library/library-index';
import { ArticleRow } from './ArticleRow';

interface Props {
  entries: readonly LibraryEntry[];
  /** The query the entries were found with; its folded terms mark the passages shown. */
  query: string;
  terms: readonly string[];
  libraryTags: readonly string[];
  activeTag?: string;
  onFilterTag: (tag: string) => void;
  onDelete: (entry: LibraryEntry) => void;
}

/** The articles found, only those near the screen in the document: ten thousand scroll like ten. */
export function ArticleList({ entries, query, terms, libraryTags, activeTag, onFilterTag, onDelete }: Props) {
  const viewport = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- rows are measured as they render; nothing here is compiled by the React Compiler
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => viewport.current,
    estimateSize: () => 128,
    overscan: 6,
    getItemKey: (index) => entries[index]!.articleId,
  });
  return (
    <div className="library-viewport" ref={viewport}>
      <ul className="article-list" aria-label="Articles" data-results-for={query} style={{ blockSize: virtualizer.getTotalSize() }}>
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
