import { ArticleHeading } from '../../components/ArticleHeading';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { ArticleView, SentenceView } from '../../data/article-view';
import type { ModelInfo } from '../../../common/models/model-info';
import type { ModelsState } from '../../models/use-models';
import { TranslateControls } from './TranslateControls';
import type { VisibleRows } from './use-visible-rows';

interface Props {
  view: ArticleView;
  /** The sentences shown. */
  order: SentenceView[];
  models: ModelsState;
  /** The installed models that translate this article. */
  usable: ModelInfo[];
  modelId: string | undefined;
  onModelChange: (modelId: string) => void;
  visibleSegmentIds: () => number[];
  visibleRows: VisibleRows;
}

/** The article's title, language and progress, and translating it. */
export function ReaderHeader({ view, order, models, usable, modelId, onModelChange, visibleSegmentIds, visibleRows }: Props) {
  const { article, progress } = view;
  const corrections = order.filter((sentence) => sentence.state.value !== null).length;
  return (
    <header className="reader-toolbar">
      <ArticleHeading article={article} id="reader-title" />
      <LanguageBadge language={article.language} />
      <span className="reader-progress muted" aria-label="Confirmed sentences">
        {progress.confirmed}/{progress.sentences} confirmed
      </span>
      {models.installed !== undefined && usable.length > 0 && (
        <TranslateControls
          article={article}
          sentences={order}
          corrections={corrections}
          models={usable}
          modelId={modelId ?? usable[0]!.id}
          onModelChange={onModelChange}
          visibleSegmentIds={visibleSegmentIds}
          onVisibleChange={visibleRows.onChange}
        />
      )}
    </header>
  );
}
