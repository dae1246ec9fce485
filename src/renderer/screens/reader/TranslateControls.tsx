import { useEffect, useState } from 'react';
import type { ModelInfo } from '../../../common/models/model-info';
import { useWorkbench } from '../../workbench/workbench-context';
import { ProgressBar } from '../../components/ProgressBar';
import type { ArticleRecord } from '../../data/records';
import type { SentenceView } from '../../data/article-view';
import { useTask } from '../../tasks/task-store';
import { translationTaskId } from '../../translation/article-translator';

interface Props {
  article: ArticleRecord;
  /** The sentences shown (boilerplate hidden unless the reader shows it). */
  sentences: SentenceView[];
  /** How many sentences carry the reader's correction or confirmation. */
  corrections: number;
  models: ModelInfo[];
  modelId: string;
  onModelChange: (modelId: string) => void;
  visibleSegmentIds: () => number[];
  onVisibleChange: (listener: (indices: number[]) => void) => () => void;
}

/** Model picker, Translate / Cancel, and the article's progress, in the reader's toolbar. */
export function TranslateControls(props: Props) {
  const { translator, tasks } = useWorkbench();
  const { article, sentences } = props;
  const task = useTask(tasks, translationTaskId(article.id!));
  const running = task !== undefined && !task.finished;
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    if (!running) return;
    return props.onVisibleChange(() => translator.prioritize(article.id!, props.visibleSegmentIds()));
  }, [running, translator, article.id, props]);

  const missing = sentences.filter((sentence) => !sentence.state.machine);
  const start = () => {
    setAsking(false);
    const todo = (missing.length > 0 ? missing : sentences).map((sentence) => sentence.segment);
    void translator.translate(article, todo, { modelId: props.modelId, firstIds: props.visibleSegmentIds() });
  };
  // Corrections are never replaced by a new machine translation; the reader is told before one is made.
  const onTranslate = () => (missing.length === 0 && props.corrections > 0 ? setAsking(true) : start());

  return (
    <div className="translate-controls">
      <label className="model-picker">
        <span className="visually-hidden">Model</span>
        <select value={props.modelId} onChange={(event) => props.onModelChange(event.target.value)} disabled={running} aria-label="Model">
          {props.models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.demo ? `${model.id} (demo)` : model.id}
            </option>
          ))}
        </select>
      </label>
      {running ? (
        <>
          <ProgressBar done={task.done} total={task.total} label="Translation progress" />
          <span className="muted progress-count">
            {task.done}/{task.total || sentences.length}
          </span>
          <button type="button" className="button" onClick={() => translator.cancel(article.id!)}>
            Cancel
          </button>
        </>
      ) : asking ? (
        <span className="inline-confirm" role="alertdialog" aria-label="Translate again?">
          Your {props.corrections === 1 ? 'correction stays' : `${props.corrections} corrections stay`}; the new machine English is kept beside{' '}
          {props.corrections === 1 ? 'it' : 'them'}.
          <button type="button" className="button small primary" onClick={start}>
            Translate again
          </button>
          <button type="button" className="button small" onClick={() => setAsking(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" className="button primary" onClick={onTranslate}>
          {missing.length === sentences.length ? 'Translate' : missing.length > 0 ? `Translate ${missing.length} more` : 'Translate again'}
        </button>
      )}
      {task?.error && task.errorCode !== 'no-model' && (
        <span role="alert" className="error-text">
          {task.error}
        </span>
      )}
    </div>
  );
}
