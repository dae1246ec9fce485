import { VirtualList } from '../../components/VirtualList';
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

/** The articles found, only those near the screen in the document: ten thousand scroll like ten. */
export function ArticleList({ entries, request, terms, libraryTags, activeTag, onFilterTag, onDelete }: Props) {
  return (
    <VirtualList
      items={entries}
      itemKey={(entry) => entry.articleId}
      estimateSize={128}
      label="Articles"
      viewportClassName="library-viewport"
      listClassName="article-list"
      itemClassName="article-item"
      resetKey={request}
    >
      {(entry) => <ArticleRow entry={entry} terms={terms} libraryTags={libraryTags} activeTag={activeTag} onFilterTag={onFilterTag} onDelete={() => onDelete(entry)} />}
    </VirtualList>
  );
}
