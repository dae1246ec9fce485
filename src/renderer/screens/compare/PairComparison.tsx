import { useMemo, useState } from 'react';
import { languageNames, textDirection } from '../../../common/text/language';
import type { ComparedArticle } from './compared-articles';
import { comparisonRows, type ComparisonRow } from './comparison-rows';
import { DifferenceList } from './DifferenceList';
import { ParagraphCell } from './ParagraphCell';

interface Props {
  left: ComparedArticle;
  right: ComparedArticle;
  showEnglish: boolean;
}

function Title({ article }: { article: ComparedArticle }) {
  const { title, language } = article.view.article;
  return (
    <bdi className={`compare-title compare-title-${language}`} lang={language} dir={textDirection(language)}>
      {title}
    </bdi>
  );
}

/** At most this many characters of a title name its side in "only in …". */
const TITLE_LABEL_LENGTH = 40;

/**
 * What "only in …" calls each side, both the same way: the outlets when both articles have one (and they
 * differ), else the titles, shortened.
 */
function sideNames(left: ComparedArticle, right: ComparedArticle): [string, string] {
  const outlets = [left.view.article.outlet, right.view.article.outlet];
  if (outlets[0] && outlets[1] && outlets[0] !== outlets[1]) return [outlets[0], outlets[1]];
  const short = (title: string) => (title.length > TITLE_LABEL_LENGTH ? `${title.slice(0, TITLE_LABEL_LENGTH).trimEnd()}…` : title);
  return [short(left.view.article.title), short(right.view.article.title)];
}
const paragraphList = (indices: readonly number[]) => indices.map((index) => index + 1).join(', ');

function LinkedRow({ row, left, right, showEnglish }: Props & { row: Extract<ComparisonRow, { kind: 'linked' }> }) {
  const [active, setActive] = useState<number>();
  const { link, differences } = row;
  const [leftName, rightName] = sideNames(left, right);
  return (
    <div className="compare-row linked" role="group" aria-label={`Paragraphs ${paragraphList(link.left)} ↔ ${paragraphList(link.right)}`}>
      <ParagraphCell article={left} paragraphs={link.left} side="left" differences={differences} showEnglish={showEnglish} active={active} />
      <ParagraphCell article={right} paragraphs={link.right} side="right" differences={differences} showEnglish={showEnglish} active={active} />
      <div className="compare-facts">
        <DifferenceList differences={differences} leftName={leftName} rightName={rightName} onActive={setActive} />
      </div>
    </div>
  );
}

/** The first article against one other: linked paragraphs side by side with what differs, unlinked paragraphs muted between them. */
export function PairComparison({ left, right, showEnglish }: Props) {
  const rows = useMemo(() => comparisonRows(left.paragraphs, right.paragraphs), [left.paragraphs, right.paragraphs]);
  const linked = rows.filter((row) => row.kind === 'linked');
  const figures = linked.reduce((sum, row) => sum + row.differences.filter((difference) => difference.kind === 'number').length, 0);
  const names = linked.reduce((sum, row) => sum + row.differences.filter((difference) => difference.kind === 'name').length, 0);
  const withoutEnglish = [left, right].filter((article) => article.paragraphs.every((paragraph) => paragraph.english === ''));
  const label = `${left.view.article.title} ↔ ${right.view.article.title}`;

  return (
    <section className="pair-comparison" aria-label={label}>
      {/* Left to right like the columns below, whatever the titles' own direction. */}
      <h2 className="pair-heading" dir="ltr">
        <Title article={left} /> <span className="muted">↔</span> <Title article={right} />
      </h2>
      {withoutEnglish.length > 0 ? (
        <p className="notice pair-notice">
          {withoutEnglish.map((article, index) => (
            <span key={article.view.article.id}>
              {index > 0 && ' and '}
              <Title article={article} />
            </span>
          ))}{' '}
          {withoutEnglish.length > 1 ? 'have' : 'has'} no English yet, so no paragraph can be linked: translate {withoutEnglish.length > 1 ? 'them' : 'it'} above.
        </p>
      ) : (
        <>
          <p className="pair-summary muted">
            {linked.length === 0
              ? 'No paragraphs report the same facts.'
              : `${linked.length} linked ${linked.length === 1 ? 'passage' : 'passages'} · ${figures} ${figures === 1 ? 'figure differs' : 'figures differ'} · ${names} ${names === 1 ? 'name' : 'names'} on one side only`}
            {[left, right].map((article) =>
              article.untranslated.length > 0 ? (
                <span key={article.view.article.id}>
                  {' '}
                  · <Title article={article} />: {article.untranslated.length} sentences without English are left out
                </span>
              ) : null,
            )}
          </p>
          <div className="compare-grid">
            <div className="compare-row compare-head">
              {[left, right].map((article) => {
                const { id, outlet, date, language } = article.view.article;
                return (
                  <div key={id} className="compare-cell compare-column-head">
                    <Title article={article} />
                    <span className="muted">
                      {languageNames[language]}
                      {outlet && (
                        <>
                          {' · '}
                          <bdi>{outlet}</bdi>
                        </>
                      )}
                      {date && (
                        <>
                          {' · '}
                          <bdi dir="ltr">{date}</bdi>
                        </>
                      )}
                    </span>
                  </div>
                );
              })}
            </div>
            {rows.map((row, index) =>
              row.kind === 'linked' ? (
                <LinkedRow key={index} row={row} left={left} right={right} showEnglish={showEnglish} />
              ) : (
                <div key={index} className="compare-row unlinked" role="group" aria-label="Paragraphs not linked">
                  <ParagraphCell article={left} paragraphs={row.left} side="left" differences={[]} showEnglish={showEnglish} />
                  <ParagraphCell article={right} paragraphs={row.right} side="right" differences={[]} showEnglish={showEnglish} />
                </div>
              ),
            )}
          </div>
        </>
      )}
    </section>
  );
}
