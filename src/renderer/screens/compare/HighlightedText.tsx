import { Fragment, type ReactNode } from 'react';
import { BidiText } from '../../components/BidiText';

/** A differing fact in a paragraph: which difference of its row it belongs to, and of what kind. */
export interface FactMark {
  start: number;
  end: number;
  kind: 'number' | 'name';
  difference: number;
}

interface Props {
  text: string;
  marks: readonly FactMark[];
  /** Right-to-left text: Latin runs between the marks are isolated, as the reader does. */
  rtl: boolean;
  /** The difference the reader points at in the row's list, outlined. */
  active?: number;
}

/** Text with its differing facts marked; a mark overlapping an earlier one is left out. */
export function HighlightedText({ text, marks, rtl, active }: Props) {
  const plain = (start: number, end: number) => (rtl ? <BidiText key={`t${start}`} text={text.slice(start, end)} /> : <Fragment key={`t${start}`}>{text.slice(start, end)}</Fragment>);
  const parts: ReactNode[] = [];
  let last = 0;
  for (const mark of [...marks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (mark.start < last || mark.end <= mark.start) continue;
    if (mark.start > last) parts.push(plain(last, mark.start));
    parts.push(
      <mark key={`m${mark.start}`} className={`fact-mark fact-${mark.kind}${mark.difference === active ? ' is-active' : ''}`} data-difference={mark.difference}>
        {text.slice(mark.start, mark.end)}
      </mark>,
    );
    last = mark.end;
  }
  if (last < text.length) parts.push(plain(last, text.length));
  return parts;
}
