import { Fragment } from 'react';
import { findGlossMatches } from '../../common/glossary/gloss-index';
import { BidiText } from '../components/BidiText';
import type { Glosses } from './use-glosses';
import type { TextLanguage } from '../../common/text/language';

/**
 * Source text with its glossed words and phrases marked. A mark is focusable and names its gloss ids, so
 * the reader can show the gloss on hover or focus; the text itself is unchanged.
 */
export function GlossedText({ text, language, glosses }: { text: string; language: TextLanguage; glosses: Glosses | undefined }) {
  const matches = glosses && glosses.index.size > 0 ? findGlossMatches(text, language, glosses.index) : [];
  if (matches.length === 0) return <BidiText text={text} />;
  const parts = [];
  let last = 0;
  for (const match of matches) {
    if (match.start > last) parts.push(<BidiText key={`t${last}`} text={text.slice(last, match.start)} />);
    const meaning = glosses!.byId.get(match.glossIds[0]!)?.meaning ?? '';
    parts.push(
      <mark key={`g${match.start}`} className={`gloss-mark gloss-${match.kind}`} tabIndex={0} data-gloss-ids={match.glossIds.join(' ')} aria-description={`Gloss: ${meaning}`}>
        {text.slice(match.start, match.end)}
      </mark>,
    );
    last = match.end;
  }
  if (last < text.length) parts.push(<BidiText key={`t${last}`} text={text.slice(last)} />);
  return <Fragment>{parts}</Fragment>;
}
