import { useEffect, useState } from 'react';
import { useModels } from '../../models/use-models';
import { ArticlePicker } from './ArticlePicker';
import { ChosenArticles } from './ChosenArticles';
import { setChosenArticles, useChosenArticles } from './compare-selection';
import { useComparedArticles, type ComparedArticle } from './compared-articles';
import { PairComparison } from './PairComparison';
import '../reader/reader.css';
import './compare.css';

/** Comparing outlets: several articles about one event, the first side by side with each of the others. */
export function CompareScreen() {
  const chosen = useChosenArticles();
  const loaded = useComparedArticles(chosen);
  const models = useModels();
  const [showEnglish, setShowEnglish] = useState(true);

  // An article deleted from the library leaves the comparison.
  useEffect(() => {
    if (loaded && loaded.length === chosen.length && loaded.includes(null)) setChosenArticles(chosen.filter((_, index) => loaded[index] !== null));
  }, [loaded, chosen]);

  const articles = (loaded ?? []).filter((article): article is ComparedArticle => article !== null);
  const toggle = (articleId: number) => setChosenArticles(chosen.includes(articleId) ? chosen.filter((id) => id !== articleId) : [...chosen, articleId]);
  const makeFirst = (articleId: number) => setChosenArticles([articleId, ...chosen.filter((id) => id !== articleId)]);
  const [first, ...others] = articles;

  return (
    <section className="compare" aria-labelledby="compare-heading">
      <header className="screen-header">
        <h1 id="compare-heading">Compare</h1>
        {others.length > 0 && (
          <label className="choice">
            <input type="checkbox" checked={showEnglish} onChange={(event) => setShowEnglish(event.target.checked)} />
            Show English under each paragraph
          </label>
        )}
      </header>
      <div className="compare-setup">
        <ArticlePicker chosen={chosen} onToggle={toggle} />
        <ChosenArticles articles={articles} installed={models.installed} onMakeFirst={makeFirst} onRemove={toggle} />
      </div>
      {first && others.map((other) => <PairComparison key={other.view.article.id} left={first} right={other} showEnglish={showEnglish} />)}
    </section>
  );
}
