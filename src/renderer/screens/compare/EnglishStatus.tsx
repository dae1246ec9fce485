import { useState } from 'react';
import { Link } from 'wouter';
import { languageNames } from '../../../common/text/language';
import type { ModelInfo } from '../../../common/models/model-info';
import { useWorkbench } from '../../workbench/workbench-context';
import { ProgressBar } from '../../components/ProgressBar';
import { modelsFor } from '../../models/use-models';
import { useTask } from '../../tasks/task-store';
import { translationTaskId } from '../../translation/article-translator';
import type { ComparedArticle } from './compared-articles';

/**
 * How much of a chosen article has English (links are made through it), and a Translate action with
 * progress for the sentences that have none; the translation goes on if the reader leaves the screen.
 */
export function EnglishStatus({ article, installed }: { article: ComparedArticle; installed: ModelInfo[] | undefined }) {
  const { translator, tasks } = useWorkbench();
  const record = article.view.article;
  const task = useTask(tasks, translationTaskId(record.id!));
  const running = task !== undefined && !task.finished;
  const usable = record.language === 'en' ? [] : modelsFor(installed, record.language, 'en');
  const [chosenModel, setChosenModel] = useState<string>();
  const modelId = chosenModel && usable.some((model) => model.id === chosenModel) ? chosenModel : usable[0]?.id;
  const missing = article.untranslated.length;
  const translated = article.sentences - missing;

  if (record.language === 'en') return <span className="english-status muted">Written in English</span>;
  if (running) {
    return (
      <span className="english-status">
        <ProgressBar done={task.done} total={task.total} label={`Translation progress of ${record.title}`} />
        <span className="muted progress-count">
          {task.done}/{task.total || missing}
        </span>
        <button type="button" className="button small" onClick={() => translator.cancel(record.id!)}>
          Cancel
        </button>
      </span>
    );
  }
  return (
    <span className="english-status">
      {missing === 0 ? (
        <span className="english-complete">English for all {article.sentences} sentences</span>
      ) : (
        <span className="english-missing">{translated === 0 ? 'No English yet' : `No English for ${missing} of ${article.sentences} sentences`}</span>
      )}
      {missing > 0 && installed !== undefined && usable.length === 0 && (
        <span className="muted">
          · no {languageNames[record.language]} → English model is installed: <Link href="/models">install one</Link>
        </span>
      )}
      {missing > 0 && usable.length > 1 && (
        <select className="compare-model" aria-label={`Model for ${record.title}`} value={modelId} onChange={(event) => setChosenModel(event.target.value)}>
          {usable.map((model) => (
            <option key={model.id} value={model.id}>
              {model.id}
            </option>
          ))}
        </select>
      )}
      {missing > 0 && modelId && (
        <button type="button" className="button small primary" onClick={() => void translator.translate(record, article.untranslated, { modelId })}>
          Translate
        </button>
      )}
      {task?.error && (
        <span role="alert" className="error-text">
          {task.error}
        </span>
      )}
    </span>
  );
}
