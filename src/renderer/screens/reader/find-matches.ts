import { foldText } from '../../../common/text/fold';
import type { SentenceView } from '../../data/article-view';

export interface FindMatch {
  row: number;
  segmentId: number;
  side: 'source' | 'english';
}

/** Every sentence whose source or English holds the query, in reading order, ignoring what search folds away. */
export function findMatches(rows: readonly SentenceView[][], query: string): FindMatch[] {
  const needle = foldText(query.trim());
  if (!needle) return [];
  const matches: FindMatch[] = [];
  rows.forEach((sentences, row) => {
    for (const sentence of sentences) {
      if (foldText(sentence.segment.text).includes(needle)) matches.push({ row, segmentId: sentence.segment.id!, side: 'source' });
      if (sentence.state.english && foldText(sentence.state.english).includes(needle)) matches.push({ row, segmentId: sentence.segment.id!, side: 'english' });
    }
  });
  return matches;
}
