import { memo, type ReactNode } from 'react';
import { wordDiff } from '../../../common/text/word-diff';
import type { TextLanguage } from '../../../common/text/language';
import type { SentenceView } from '../../data/article-view';
import type { MemoryRecord } from '../../data/records';
import { memoryOrigin } from '../memory/memory-origin';
import { confidenceLabel, machineConfidence } from './least-sure';
import { SentenceEditor } from './SentenceEditor';
import type { LibrarySettings } from '../../data/settings';

export type ViewMode = LibrarySettings['readerMode'];

export interface RowHandlers {
  activate: (segmentId: number | undefined) => void;
  hover: (segmentId: number | undefined) => void;
  edit: (segmentId: number) => void;
  save: (sentence: SentenceView, text: string, confirm: boolean) => Promise<void>;
  cancelEdit: () => void;
}

interface Props {
  sentences: SentenceView[];
  language: TextLanguage;
  mode: ViewMode;
  compare: boolean;
  /** Whether the words the model was unsure of are marked. */
  unsureMarks: boolean;
  /** The focusable sentence of this row (roving focus), when it is in this row. */
  activeId?: number;
  /** The sentence highlighted on both sides (hovered or focused), when it is in this row. */
  highlightId?: number;
  editingId?: number;
  /** `segmentId:side` of the find matches in this row, the current one first when it is here. */
  findHits?: string;
  findCurrent?: string;
  handlers: RowHandlers;
  /** The source sentence's text as shown (glossed words marked); a new function re-renders the row. */
  renderSource: (text: string) => ReactNode;
}

const statusLabels = { machine: 'Machine translation', edited: 'Edited', confirmed: 'Confirmed' } as const;

function sentenceClass(base: string, props: Props, sentence: SentenceView, side: 'source' | 'english'): string {
  const id = sentence.segment.id!;
  const key = `${id}:${side}`;
  let name = `${base} status-${sentence.state.status}`;
  if (props.highlightId === id) name += ' is-highlighted';
  if (props.findCurrent === key) name += ' find-current';
  else if (props.findHits?.split(' ').includes(key)) name += ' find-hit';
  return name;
}

/** The machine English with the words the model was unsure of marked; corrections and memory English carry no marks. */
function MarkedEnglish({ text, unsure }: { text: string; unsure: ReadonlyArray<{ start: number; end: number }> }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const { start, end } of unsure) {
    if (start < at || end > text.length) continue;
    parts.push(text.slice(at, start));
    parts.push(
      <span key={start} className="unsure-word" title="The model was unsure of this word">
        {text.slice(start, end)}
      </span>,
    );
    at = end;
  }
  parts.push(text.slice(at));
  return <>{parts}</>;
}

function EnglishText({ sentence, compare, unsureMarks }: { sentence: SentenceView; compare: boolean; unsureMarks: boolean }) {
  const { state } = sentence;
  if (state.english === undefined) return <span className="untranslated">…</span>;
  if (compare && state.origin === 'correction' && state.machine && state.machine.text !== state.english) {
    return (
      <span className="word-diff" title={`Machine: ${state.machine.text}`}>
        {wordDiff(state.machine.text, state.english).map((part, index) =>
          part.kind === 'same' ? part.text : part.kind === 'added' ? <ins key={index}>{part.text}</ins> : <del key={index}>{part.text}</del>,
        )}
      </span>
    );
  }
  const unsure = state.machine?.unsure;
  if (unsureMarks && unsure?.length && machineConfidence(sentence) !== undefined) return <MarkedEnglish text={state.english} unsure={unsure} />;
  return state.english;
}

function englishTitle(sentence: SentenceView): string {
  const { state } = sentence;
  const confidence = machineConfidence(sentence);
  const sure = confidence === undefined ? '' : ` (the model was ${confidenceLabel(confidence)})`;
  const memory = state.origin === 'memory' && state.memory ? `, from your translation memory (${memoryOrigin(state.memory)})` : '';
  return `${statusLabels[state.status]}${sure}${memory}. Enter or double-click to edit.`;
}

function StatusMark({ sentence }: { sentence: SentenceView }) {
  const { state } = sentence;
  if (state.status === 'confirmed') return <span className="status-mark confirmed" role="img" aria-label="Confirmed">✓</span>;
  if (state.status === 'edited') return <span className="status-mark edited" role="img" aria-label="Edited">•</span>;
  if (state.origin === 'memory') return <span className="status-mark memory" role="img" aria-label="From memory">TM</span>;
  return null;
}

/** An unreviewed imported translation of the sentence: offered beside the English, never as it. */
function ReferenceSuggestion({ reference }: { reference: MemoryRecord }) {
  return (
    <span className="memory-reference" data-testid="memory-reference">
      <span className="memory-reference-label">Reference, {memoryOrigin(reference)}:</span>{' '}
      <span lang="en" dir="ltr">
        {reference.target}
      </span>
    </span>
  );
}

function RowView(props: Props) {
  const { sentences, language, mode, handlers } = props;
  const direction = language === 'en' ? 'ltr' : 'rtl';

  const focusProps = (sentence: SentenceView, side: 'source' | 'english') => ({
    'data-segment-id': sentence.segment.id,
    'data-side': side,
    tabIndex: props.activeId === sentence.segment.id ? 0 : -1,
    onFocus: () => handlers.activate(sentence.segment.id!),
    onBlur: () => handlers.activate(undefined),
    onMouseEnter: () => handlers.hover(sentence.segment.id!),
    onMouseLeave: () => handlers.hover(undefined),
  });

  const source = (sentence: SentenceView) => (
    <span key={sentence.segment.id} className={sentenceClass('sentence', props, sentence, 'source')} {...focusProps(sentence, 'source')}>
      {props.renderSource(sentence.segment.text)}
    </span>
  );

  const english = (sentence: SentenceView) =>
    props.editingId === sentence.segment.id ? (
      <SentenceEditor
        key={sentence.segment.id}
        initialText={sentence.state.english ?? ''}
        draftId={sentence.segment.id}
        onSave={(text, confirm) => handlers.save(sentence, text, confirm)}
        onCancel={handlers.cancelEdit}
      />
    ) : (
      <span
        key={sentence.segment.id}
        className={sentenceClass('sentence', props, sentence, 'english')}
        data-status={sentence.state.status}
        data-conflict={sentence.state.inConflict}
        data-origin={sentence.state.origin}
        title={englishTitle(sentence)}
        onDoubleClick={() => handlers.edit(sentence.segment.id!)}
        {...focusProps(sentence, 'english')}
      >
        {sentence.state.inConflict && (
          <span className="status-mark conflict" role="img" aria-label="In conflict" title="Team members corrected this sentence apart: History shows both versions">
            ⚠
          </span>
        )}
        <StatusMark sentence={sentence} />
        <EnglishText sentence={sentence} compare={props.compare} unsureMarks={props.unsureMarks} />
        {sentence.state.reference && sentence.state.status !== 'confirmed' && <ReferenceSuggestion reference={sentence.state.reference} />}
      </span>
    );

  const sourceCell = (
    <div className={`source-cell article-text article-text-${language}`} role="cell" lang={language} dir={direction} key="source">
      {sentences.map((sentence) => [source(sentence), ' '])}
    </div>
  );
  const englishCell = (
    <div className="target-cell article-text article-text-en" role="cell" lang="en" dir="ltr" key="english">
      {sentences.map((sentence) => [english(sentence), ' '])}
    </div>
  );

  if (mode === 'interlinear') {
    return (
      <div className="interlinear-cell" role="cell">
        {sentences.map((sentence) => (
          <div className="interlinear-pair" key={sentence.segment.id}>
            <div className={`article-text article-text-${language}`} lang={language} dir={direction}>
              {source(sentence)}
            </div>
            <div className="article-text interlinear-english" lang="en" dir="ltr">
              {english(sentence)}
            </div>
          </div>
        ))}
      </div>
    );
  }
  if (mode === 'source') return sourceCell;
  if (mode === 'english') return englishCell;
  return (
    <>
      {sourceCell}
      {englishCell}
    </>
  );
}

/** One paragraph pair: a row of the reading grid, re-rendered only when something in it changes. */
export const ParagraphRow = memo(RowView);
