import { textDirection } from '../../../common/text/language';
import type { ModelInfo } from '../../../common/models/model-info';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { ComparedArticle } from './compared-articles';
import { EnglishStatus } from './EnglishStatus';

interface Props {
  articles: readonly ComparedArticle[];
  installed: ModelInfo[] | undefined;
  onMakeFirst: (articleId: number) => void;
  onRemove: (articleId: number) => void;
}

/** The articles being compared, the first one (compared with each other) at the top, each with how much English it has. */
export function ChosenArticles({ articles, installed, onMakeFirst, onRemove }: Props) {
  return (
    <section className="compare-panel chosen-articles" aria-labelledby="compare-chosen-heading">
      <h2 id="compare-chosen-heading">Compared</h2>
      {articles.length < 2 && (
        <p className="muted compare-hint">
          Choose two or more articles about the same event. The first is compared with each of the others: paragraphs reporting the same facts are
          linked through their English, and differing figures, names and places are highlighted.
        </p>
      )}
      <ol className="chosen-list">
        {articles.map((article, index) => {
          const { id, title, language, outlet, date } = article.view.article;
          return (
            <li key={id} className="chosen-article" aria-label={title}>
              <div className="chosen-head">
                <span className="chosen-position">{index === 0 ? 'First' : index + 1}</span>
                <span className="chosen-title" lang={language} dir={textDirection(language)}>
                  {title}
                </span>
                <LanguageBadge language={language} />
              </div>
              <div className="chosen-foot">
                {(outlet || date) && (
                  <span className="muted">
                    {outlet && <bdi>{outlet}</bdi>}
                    {outlet && date && ' · '}
                    {date && <bdi dir="ltr">{date}</bdi>}
                  </span>
                )}
                <EnglishStatus article={article} installed={installed} />
                <span className="chosen-actions">
                  {index > 0 && (
                    <button type="button" className="link-button" onClick={() => onMakeFirst(id!)}>
                      Compare the others with this
                    </button>
                  )}
                  <button type="button" className="link-button" onClick={() => onRemove(id!)} aria-label={`Remove ${title} from the comparison`}>
                    Remove
                  </button>
                </span>
              </div>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
