import { useState } from 'react';
import { useWorkbench } from '../../workbench/workbench-context';
import type { ArticleRecord, EditRecord } from '../../data/records';
import { saveSegment } from '../../data/article-changes';
import { resolveCorrectionConflict } from '../../data/team-mirror';
import type { SentenceView } from '../../data/article-view';
import { confidenceLabel } from './least-sure';
import { SidePanel } from './SidePanel';
import { describeWriteError } from '../../data/write-errors';
import { memoryOrigin } from '../memory/memory-origin';

const statusNames = { machine: 'Back to machine English', edited: 'Edited', confirmed: 'Confirmed' } as const;
const time = (timestamp: number) => new Date(timestamp).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The focused sentence's machine English and every change the reader made to it, newest first. */
export function HistoryPanel(props: { sentence?: SentenceView; history: Map<string, EditRecord[]>; article: ArticleRecord; onClose: () => void }) {
  const { db } = useWorkbench();
  const [error, setError] = useState<string>();
  const [merging, setMerging] = useState<string>();
  const { sentence } = props;
  const edits = sentence ? [...(props.history.get(sentence.segment.text) ?? [])].reverse() : [];
  const machine = sentence?.state.machine;

  const revert = async () => {
    if (!sentence) return;
    try {
      setError(undefined);
      await saveSegment(db, props.article, sentence.segment.text, sentence.state.value, null);
    } catch (failure) {
      setError(`Not saved: ${describeWriteError(failure)}`);
    }
  };

  const latest = edits[0];
  const conflicts = latest?.team?.conflicts ?? [];
  const keep = async (value: { text: string; status: 'edited' | 'confirmed' }) => {
    if (!sentence) return;
    try {
      setError(undefined);
      await resolveCorrectionConflict(db, props.article.id!, sentence.segment.text, value);
      setMerging(undefined);
    } catch (failure) {
      setError(`Not resolved: ${describeWriteError(failure)}`);
    }
  };

  return (
    <SidePanel label="Sentence history" title="History" onClose={props.onClose}>
      {!sentence ? (
        <p className="muted">Focus a sentence to see its history.</p>
      ) : (
        <>
          <p className="history-source" lang={props.article.language} dir="rtl">
            {sentence.segment.text}
          </p>
          {latest && latest.status !== 'machine' && conflicts.length > 0 && (
            <section className="sentence-conflict" aria-label="Conflict on this sentence">
              <p>
                <span className="badge conflict-badge">in conflict</span> Members corrected this sentence while apart: keep one version, or merge them
                from one.
              </p>
              <ul>
                {[{ content: { text: latest.text, status: latest.status }, by: latest.team!.by, at: latest.team!.at }, ...conflicts].map((version, index) => (
                  <li key={index}>
                    <span lang="en" dir="ltr">
                      {version.content.text}
                    </span>{' '}
                    <span className="muted">
                      — {version.by}, {time(version.at)}
                    </span>{' '}
                    <button type="button" className="button small" onClick={() => void keep(version.content)}>
                      Keep this
                    </button>{' '}
                    <button type="button" className="button small" onClick={() => setMerging(version.content.text)}>
                      Merge from this…
                    </button>
                  </li>
                ))}
              </ul>
              {merging !== undefined && (
                <form
                  className="sentence-merge"
                  onSubmit={(event) => {
                    event.preventDefault();
                    if (merging.trim()) void keep({ text: merging.trim(), status: 'edited' });
                  }}
                >
                  <textarea aria-label="Merged English of the sentence" lang="en" dir="ltr" rows={3} value={merging} onChange={(event) => setMerging(event.target.value)} />
                  <button type="submit" className="button small" disabled={!merging.trim()}>
                    Keep the merge
                  </button>{' '}
                  <button type="button" className="button small" onClick={() => setMerging(undefined)}>
                    Cancel
                  </button>
                </form>
              )}
            </section>
          )}
          <ol className="history-list">
            {edits.map((edit) => (
              <li key={edit.id} className={`history-entry status-${edit.status}`}>
                <span className="history-meta">
                  {statusNames[edit.status]}
                  {edit.team ? ` by ${edit.team.by}` : ''} · <time dateTime={new Date(edit.createdAt).toISOString()}>{time(edit.createdAt)}</time>
                </span>
                {edit.status !== 'machine' && (
                  <span lang="en" dir="ltr">
                    {edit.text}
                  </span>
                )}
              </li>
            ))}
            {machine && (
              <li className="history-entry status-machine">
                <span className="history-meta">
                  Machine · {machine.modelId} ({machine.precision}){machine.confidence === undefined ? '' : ` · ${confidenceLabel(machine.confidence)}`} · <time dateTime={new Date(machine.createdAt).toISOString()}>{time(machine.createdAt)}</time>
                </span>
                <span lang="en" dir="ltr">
                  {machine.text}
                </span>
              </li>
            )}
            {sentence.state.memory && (
              <li className="history-entry">
                <span className="history-meta">In your translation memory, {memoryOrigin(sentence.state.memory)}</span>
                <span lang="en" dir="ltr">
                  {sentence.state.memory.target}
                </span>
              </li>
            )}
            {sentence.state.reference && (
              <li className="history-entry">
                <span className="history-meta">Reference (not reviewed), {memoryOrigin(sentence.state.reference)}</span>
                <span lang="en" dir="ltr">
                  {sentence.state.reference.target}
                </span>
              </li>
            )}
          </ol>
          {sentence.state.value && (
            <button type="button" className="button small" onClick={() => void revert()}>
              Return to the machine translation
            </button>
          )}
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
        </>
      )}
    </SidePanel>
  );
}
