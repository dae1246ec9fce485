import { Link } from 'wouter';
import { textDirection } from '../../common/text/language';
import type { ArticleRecord } from '../data/records';

/** An article's title at the top of a screen: one line, in its own script, direction and font. */
export function ArticleHeading({ article, id }: { article: ArticleRecord; id?: string }) {
  return (
    <h1 id={id} className="article-heading" lang={article.language} dir={textDirection(article.language)}>
      {article.title}
    </h1>
  );
}

/** What a screen about one article shows when the article has been deleted meanwhile. */
export function ArticleGone() {
  return (
    <p className="empty-state">
      This article is no longer in the library. <Link href="/">Back to the library</Link>
    </p>
  );
}
