import type { FactDifference, FactMention } from '../../../common/align/fact-differences';

interface Props {
  differences: readonly FactDifference[];
  /** What each side is called in "only in …": both outlets, or both titles. */
  leftName: string;
  rightName: string;
  onActive: (difference: number | undefined) => void;
}

const mentions = (list: readonly FactMention[]) => (list.length > 0 ? list.map((mention) => mention.text).join(', ') : '—');

/** What a linked pair reports differently: figures side against side, then names only one side mentions. */
export function DifferenceList({ differences, leftName, rightName, onActive }: Props) {
  if (differences.length === 0) return <p className="fact-differences muted">Same figures and names on both sides.</p>;
  const pointAt = (index: number | undefined) => ({
    tabIndex: 0,
    onMouseEnter: () => onActive(index),
    onMouseLeave: () => onActive(undefined),
    onFocus: () => onActive(index),
    onBlur: () => onActive(undefined),
  });
  const indexed = differences.map((difference, index) => ({ difference, index }));
  const names = (side: 'left' | 'right') => indexed.filter(({ difference }) => difference.kind === 'name' && difference[side].length > 0);
  return (
    <ul className="fact-differences" aria-label="What differs">
      {indexed
        .filter(({ difference }) => difference.kind === 'number')
        .map(({ difference, index }) => (
          <li key={index} className="fact-figures" {...pointAt(index)}>
            <span className="fact-kind">{difference.subject}</span>
            <span className="fact-side fact-number">{mentions(difference.left)}</span>
            <span className="fact-against"> ↔ </span>
            <span className="fact-side fact-number">{mentions(difference.right)}</span>
          </li>
        ))}
      {(['left', 'right'] as const).map((side) => {
        const only = names(side);
        if (only.length === 0) return null;
        return (
          <li key={side} className="fact-names">
            <span className="fact-kind">
              only in <bdi>{side === 'left' ? leftName : rightName}</bdi>
            </span>
            <span className="fact-name-list">
              {only.map(({ difference, index }) => (
                <span key={index} className="fact-name" {...pointAt(index)}>
                  {difference[side][0]!.text}
                </span>
              ))}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
