import type { FactDifference } from '../../../common/align/fact-differences';
import { textDirection } from '../../../common/text/language';
import type { ComparedArticle } from './compared-articles';
import { HighlightedText, type FactMark } from './HighlightedText';

/** The marks of one side's paragraph: figures in its original text (where written in digits) and figures and names in its English. */
function marksOf(differences: readonly FactDifference[], side: 'left' | 'right', paragraph: number): { original: FactMark[]; english: FactMark[] } {
  const original: FactMark[] = [];
  const english: FactMark[] = [];
  differences.forEach((difference, index) =>
    difference[side].forEach((mention) => {
      if (mention.paragraph !== paragraph) return;
      english.push({ start: mention.start, end: mention.end, kind: difference.kind, difference: index });
      if (mention.original) original.push({ ...mention.original, kind: difference.kind, difference: index });
    }),
  );
  return { original, english };
}

interface Props {
  article: ComparedArticle;
  paragraphs: readonly number[];
  side: 'left' | 'right';
  differences: readonly FactDifference[];
  showEnglish: boolean;
  active?: number;
}

/** One side of a comparison row: its paragraphs in their own script and direction, each with its English under it. */
export function ParagraphCell({ article, paragraphs, side, differences, showEnglish, active }: Props) {
  const { language } = article.view.article;
  const direction = textDirection(language);
  return (
    <div className={`compare-cell compare-cell-${side}`}>
      {paragraphs.map((index) => {
        const paragraph = article.paragraphs[index]!;
        const marks = marksOf(differences, side, index);
        return (
          <div className="compared-paragraph" key={index}>
            <p className={`article-text article-text-${language}`} lang={language} dir={direction}>
              <span className="paragraph-number" title={`Paragraph ${index + 1}`}>
                {index + 1}
              </span>
              <HighlightedText text={paragraph.text} marks={language === 'en' ? marks.english : marks.original} rtl={direction === 'rtl'} active={active} />
            </p>
            {showEnglish && language !== 'en' && (
              <p className="compared-english" lang="en" dir="ltr">
                {paragraph.english ? <HighlightedText text={paragraph.english} marks={marks.english} rtl={false} active={active} /> : <span className="muted">No English yet</span>}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
