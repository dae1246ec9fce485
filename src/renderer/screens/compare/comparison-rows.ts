import { linkArticleParagraphs, type ArticleLink, type ComparedParagraph } from '../../../common/align/article-links';
import { factDifferences, type FactDifference } from '../../../common/align/fact-differences';

/** One row of a comparison: paragraphs of both articles linked as reporting the same facts, or paragraphs linked to nothing. */
export type ComparisonRow =
  | { kind: 'linked'; link: ArticleLink; differences: FactDifference[] }
  | { kind: 'unlinked'; left: number[]; right: number[] };

/**
 * The links between two articles' paragraphs in the left article's order, each followed by the paragraphs
 * of either side that come after it and are linked to nothing. Right paragraphs follow the link before them
 * in the right article's order, never an earlier link than a paragraph before them, so each side's
 * unlinked paragraphs read in order even where the two articles tell things in a different order.
 */
export function comparisonRows(left: ComparedParagraph[], right: ComparedParagraph[]): ComparisonRow[] {
  const links = linkArticleParagraphs(left, right);
  // gaps[k]: the unlinked paragraphs shown after link k - 1 (gap 0 comes before the first link).
  const gaps = Array.from({ length: links.length + 1 }, () => ({ left: [] as number[], right: [] as number[] }));
  const linkedLeft = new Set(links.flatMap((link) => link.left));
  const linkedRight = new Set(links.flatMap((link) => link.right));

  left.forEach((_, i) => {
    if (linkedLeft.has(i)) return;
    gaps[links.filter((link) => link.left[0]! < i).length]!.left.push(i);
  });
  let rightGap = 0;
  right.forEach((_, j) => {
    if (linkedRight.has(j)) return;
    let before = -1;
    links.forEach((link, k) => {
      const last = link.right[link.right.length - 1]!;
      if (last < j && (before < 0 || last > links[before]!.right[links[before]!.right.length - 1]!)) before = k;
    });
    rightGap = Math.max(rightGap, before + 1);
    gaps[rightGap]!.right.push(j);
  });

  const rows: ComparisonRow[] = [];
  const addGap = (gap: { left: number[]; right: number[] }) => {
    if (gap.left.length > 0 || gap.right.length > 0) rows.push({ kind: 'unlinked', ...gap });
  };
  addGap(gaps[0]!);
  links.forEach((link, k) => {
    rows.push({ kind: 'linked', link, differences: factDifferences(left, right, link) });
    addGap(gaps[k + 1]!);
  });
  return rows;
}
