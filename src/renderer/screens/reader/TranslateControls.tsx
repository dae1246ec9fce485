import { useEffect } from 'react';
import type { ModelInfo } from '../../../common/models/model-info';
import { useWorkbench } from '../../app/workbench-context';
import { ProgressBar } from '../../components/ProgressBar';
import type { ArticleRecord, SegmentRecord, TranslationRecord } from '../../db/records';
import { useTask } from '../../tasks/task-store';
import { translationTaskId } from '../../translation/article-translator';

interface Props {
  article: ArticleRecord;
  segments: SegmentRecord[];
  translations: Map<string, TranslationRecord> | undefined;
  models: ModelInfo[];
  modelId: string;
  onModelChange: (modelId: string) => void;
  translatedCount: number;
  visibleSegmentIds: () => number[];
  onVisibleChange: (listener: (indices: number[]) => void) => () => void;
}

/** Model picker, Translate / Cancel, and the article's progress, in the reader's toolbar. */
export function TranslateControls(props: Props) {
  const { translator, tasks } = useWorkbench();
  const { article, segments, translations } = props;
  const task = useTask(tasks, translationTaskId(article.id!));
  const running = task !== undefined && !task.finished;

  useEffect(() => {
    if (!running) return;
    return props.onVisibleChange(() => translator.prioritize(article.id!, props.visibleSegmentIds()));
  }, [running, translator, article.id, props]);

  const missing = segments.filter((segment) => !translations?.has(segment.text));
  const start = () => {
    const todo = missing.length > 0 ? missing : segments;
    void translator.translate(article, todo, { modelId: props.modelId, firstIds: props.visibleSegmentIds() });
  };

  return (
    <div className="translate-controls">
      <label className="model-picker">
        <span className="visually-hidden">Model</span>
        <select value={props.modelId} onChange={(event) => props.onModelChange(event.target.value)} disabled={running} aria-label="Model">
          {props.models.map((model) => (
            <option key={model.id} value={model.id}>
              {model.id}
            </option>
          ))}
        </select>
      </label>
      {running ? (
        <>
          <ProgressBar done={task.done} total={task.total} label="Translation progress" />
          <span className="muted progress-count">
            {task.done}/{task.total || segments.length}
          </span>
          <button type="button" className="button" onClick={() => translator.cancel(article.id!)}>
            Cancel
          </button>
        </>
      ) : (
        <button type="button" className="button primary" onClick={start}>
          {missing.length === segments.length ? 'Translate' : missing.length > 0 ? `Translate ${missing.length} more` : 'Translate again'}
        </button>
      )}
      {task?.error && (
        <span role="alert" className="error-text">
          {task.error}
        </span>
      )}
    </div>
  );
}
