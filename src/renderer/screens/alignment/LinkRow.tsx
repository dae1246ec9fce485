import { Fragment, memo } from 'react';
import { type TextLanguage, textDirection } from '../../../common/text/language';
import { isUncertain, type LinkSide, type SplitCut } from '../../alignment/link-edits';
import { BidiText } from '../../components/BidiText';
import type { AlignmentLinkRecord } from '../../data/records';

export interface RowSide {
  language: TextLanguage;
  sentences: readonly string[];
}

interface LinkRowProps {
  link: AlignmentLinkRecord;
  index: number;
  source: RowSide;
  target: RowSide;
  focused: boolean;
  focusSide: LinkSide;
  /** Set while this link is being split: where each side is cut. */
  cut?: SplitCut;
  /** The link was clicked or focused, on one side or in the middle. */
  onSelect: (index: number, side?: LinkSide) => void;
  onCut: (side: LinkSide, position: number) => void;
  /** Given to the link being split. */
  onSplit?: () => void;
  onCancelSplit?: () => void;
}

const sideNames: Record<LinkSide, string> = { source: 'source', target: 'target' };

function Cell({ side, row, indexes, props }: { side: LinkSide; row: RowSide; indexes: number[]; props: LinkRowProps }) {
  const { cut, focused, focusSide, onCut } = props;
  const marker = (position: number) =>
    cut && (
      <button
        type="button"
        tabIndex={-1}
        className="cut-marker"
        aria-pressed={cut[side] === position}
        aria-label={`Cut the ${sideNames[side]} side ${position === 0 ? 'before its first sentence' : `after sentence ${position}`}`}
        onClick={(event) => {
          event.stopPropagation();
          onCut(side, position);
        }}
      />
    );
  return (
    <div
      role="gridcell"
      className={`link-cell link-${side} article-text article-text-${row.language}`}
      lang={row.language}
      dir={textDirection(row.language)}
      data-side={side}
      data-focused={focused && focusSide === side ? '' : undefined}
    >
      {marker(0)}
      {indexes.map((sentence, position) => (
        <Fragment key={sentence}>
          <p className="link-sentence">{row.language === 'en' ? row.sentences[sentence] : <BidiText text={row.sentences[sentence]!} />}</p>
          {marker(position + 1)}
        </Fragment>
      ))}
      {indexes.length === 0 && <p className="link-empty">not linked</p>}
    </div>
  );
}

const sameIndexes = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((value, at) => value === b[at]);

/**
 * Whether a row would look the same: the alignment is read afresh from the database after every edit, so
 * links and sentence lists are new objects even where nothing changed; they are compared by content.
 */
function sameRow(before: LinkRowProps, after: LinkRowProps): boolean {
  const sameSide = (side: LinkSide) =>
    sameIndexes(before.link[side], after.link[side]) &&
    before[side].language === after[side].language &&
    after.link[side].every((sentence) => before[side].sentences[sentence] === after[side].sentences[sentence]);
  return (
    before.index === after.index &&
    before.focused === after.focused &&
    before.focusSide === after.focusSide &&
    before.cut?.source === after.cut?.source &&
    before.cut?.target === after.cut?.target &&
    before.link.confidence === after.link.confidence &&
    before.link.manual === after.link.manual &&
    sameSide('source') &&
    sameSide('target') &&
    before.onSelect === after.onSelect &&
    before.onCut === after.onCut &&
    before.onSplit === after.onSplit &&
    before.onCancelSplit === after.onCancelSplit
  );
}

/** One link: its source sentences, its type, its target sentences; uncertain links underlined with a faint wave. */
export const LinkRow = memo(function LinkRow(props: LinkRowProps) {
  const { link, index, source, target, focused, focusSide, cut } = props;
  const type = `${link.source.length}-${link.target.length}`;
  const uncertain = isUncertain(link);
  const classes = ['link-row', uncertain ? 'is-uncertain' : '', link.manual ? 'is-manual' : '', link.source.length === 0 || link.target.length === 0 ? 'is-unlinked' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div
      role="row"
      className={classes}
      aria-rowindex={index + 1}
      aria-selected={focused}
      tabIndex={focused ? 0 : -1}
      data-link={index}
      data-type={type}
      onFocus={(event) => {
        if (event.target === event.currentTarget && !focused) props.onSelect(index);
      }}
      onClick={(event) => props.onSelect(index, (event.target as Element).closest<HTMLElement>('[data-side]')?.dataset.side as LinkSide | undefined)}
    >
      <Cell side="source" row={source} indexes={link.source} props={props} />
      <div role="gridcell" className="link-meta">
        <span className="badge link-type" title={`${link.source.length} source and ${link.target.length} target sentences`}>
          {type}
        </span>
        {link.manual && (
          <span className="link-mark manual" title="Yours: re-aligning keeps this link">
            yours
          </span>
        )}
        {uncertain && (
          <span className="link-mark uncertain" title={`The aligner is unsure of this link (confidence ${Math.round(link.confidence * 100)}%)`}>
            unsure
          </span>
        )}
      </div>
      <Cell side="target" row={target} indexes={link.target} props={props} />
      {cut && (
        <div role="gridcell" className="split-bar">
          <span>
            Split at the dashed cuts: <kbd>↑</kbd> <kbd>↓</kbd> move the cut on the {focusSide} side, <kbd>←</kbd> <kbd>→</kbd> choose the side, <kbd>Enter</kbd> splits, <kbd>Esc</kbd> cancels.
          </span>
          <button type="button" className="button small primary" onClick={props.onSplit}>
            Split
          </button>
          <button type="button" className="button small" onClick={props.onCancelSplit}>
            Cancel
          </button>
        </div>
      )}
    </div>
  );
}, sameRow);
