import { useCallback, useMemo, useState } from 'react';
import { languageNames, type SourceLanguage } from '../../../common/text/language';
import { ArticleGone } from '../../components/ArticleHeading';
import type { ArticleView } from '../../data/article-view';
import { useLibrarySetting } from '../../data/settings';
import { GlossedText } from '../../glossary/GlossedText';
import { useGlosses } from '../../glossary/use-glosses';
import { modelsFor, useModels } from '../../models/use-models';
import { useArticleView } from '../../segments/use-article-view';
import { useWorkbench } from '../../workbench/workbench-context';
import { ExportPanel } from './ExportPanel';
import { FindBar } from './FindBar';
import { GlossesPanel } from './GlossesPanel';
import { GlossLayer } from './GlossLayer';
import { HistoryPanel } from './HistoryPanel';
import { MissingModelNotice } from './MissingModelNotice';
import { DemoModelNotice } from './DemoModelNotice';
import { ParagraphRow, type ViewMode } from './ParagraphRow';
import { ReaderHeader } from './ReaderHeader';
import { ReaderToolbar, type ReaderPanel } from './ReaderToolbar';
import { ReadingList } from './ReadingList';
import { nextLeastSure } from './least-sure';
import { useFind } from './use-find';
import { useReaderKeys } from './use-reader-keys';
import { useRowHandlers } from './use-row-handlers';
import { useSentenceChanges } from './use-sentence-changes';
import { useSentenceFocus } from './use-sentence-focus';
import { useVisibleRows } from './use-visible-rows';
import { useTask } from '../../tasks/task-store';
import { translationTaskId } from '../../translation/article-translator';
import './reader.css';

export function ReaderScreen({ articleId, segmentId }: { articleId: number; segmentId?: number }) {
  const view = useArticleView(articleId);
  if (view === undefined) return null;
  if (view === null) return <ArticleGone />;
  const { language } = view.article;
  if (language === 'en') return <p className="empty-state">This article is in English already.</p>;
  return <Reader key={articleId} view={view} language={language} initialSegmentId={segmentId} />;
}

/** The column labels above the sentences. */
function ReadingHead({ view, mode }: { view: ArticleView; mode: ViewMode }) {
  const { progress } = view;
  return (
    <div className="reading-row reading-head" role="row" aria-rowindex={1}>
      {mode !== 'english' && (
        <div className="column-label source-label" role="columnheader">
          {languageNames[view.article.language]}
        </div>
      )}
      {mode !== 'source' && mode !== 'interlinear' && (
        <div className="column-label english-label" role="columnheader">
          English{' '}
          <span className="muted">· {progress.translated === 0 ? 'not translated yet' : `${progress.translated} of ${progress.sentences} sentences translated`}</span>
        </div>
      )}
    </div>
  );
}

function Reader({ view, language, initialSegmentId }: { view: ArticleView; language: SourceLanguage; initialSegmentId?: number }) {
  const { db, tasks } = useWorkbench();
  const { article } = view;
  const models = useModels();
  // The services' answer counts too: a model removed elsewhere since the list was read.
  const translationTask = useTask(tasks, translationTaskId(article.id!));
  const [modelId, setModelId] = useState<string>();
  const [storedMode, setMode] = useLibrarySetting(db, 'readerMode');
  const [swapped, setSwapped] = useLibrarySetting(db, 'readerSwapped');
  const [unsureMarks] = useLibrarySetting(db, 'unsureMarks');
  const mode = storedMode ?? 'side-by-side';
  const [showBoilerplate, setShowBoilerplate] = useState(false);
  const [compare, setCompare] = useState(false);
  const [panel, setPanel] = useState<ReaderPanel>();
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const glosses = useGlosses();
  const [hoverId, setHoverId] = useState<number>();
  const [focusedId, setFocusedId] = useState<number>();
  const [editingId, setEditingId] = useState<number>();
  const visibleRows = useVisibleRows();

  const rows = useMemo(
    () => (showBoilerplate ? view.paragraphs : view.paragraphs.filter((sentences) => !sentences[0]!.segment.boilerplate)),
    [view.paragraphs, showBoilerplate],
  );
  const hiddenCount = useMemo(() => view.paragraphs.filter((sentences) => sentences[0]!.segment.boilerplate).length, [view.paragraphs]);

  const focus = useSentenceFocus(rows, mode, editingId !== undefined, initialSegmentId);
  const { list, order, rowOf, byId, active } = focus;
  const stopEditing = useCallback(() => setEditingId(undefined), []);
  const changes = useSentenceChanges(article, focus, stopEditing);
  const find = useFind(rows, list, focus.focusSentence);
  const { order: sentenceOrder, focusSentence, rememberSide } = focus;
  // From the sentence that has the focus, else from the least sure of all.
  const goToLeastSure = useCallback(() => {
    const next = nextLeastSure(sentenceOrder, focusedId);
    if (next === undefined) return;
    rememberSide('english');
    focusSentence(next);
  }, [sentenceOrder, focusedId, focusSentence, rememberSide]);
  const onListKeyDown = useReaderKeys({
    openFind: find.open,
    undoOrRedo: changes.undoOrRedo,
    editing: editingId !== undefined,
    move: focus.move,
    rememberSide: focus.rememberSide,
    confirmActive: changes.confirmActive,
    edit: setEditingId,
    nextLeastSure: goToLeastSure,
  });
  const handlers = useRowHandlers({
    activate: (segmentId) => {
      setFocusedId(segmentId);
      if (segmentId !== undefined) focus.setActiveId(segmentId);
    },
    hover: setHoverId,
    edit: setEditingId,
    save: changes.save,
    cancelEdit: () => {
      focus.refocus(editingId);
      setEditingId(undefined);
    },
  });
  const renderSource = useCallback((text: string) => <GlossedText text={text} language={language} glosses={glosses} />, [language, glosses]);

  const usable = modelsFor(models.installed ?? [], article.language, 'en');
  const chosenModel = usable.find((model) => model.id === modelId) ?? usable[0];
  const visibleSegmentIds = useCallback(
    () => visibleRows.get().flatMap((row) => rows[row]?.map((sentence) => sentence.segment.id!) ?? []),
    [visibleRows, rows],
  );
  const onVisibleRows = useCallback((indices: number[]) => visibleRows.set(indices), [visibleRows]);
  const highlightId = hoverId ?? focusedId;
  const current = find.current;

  return (
    <article className={`reader mode-${mode}${swapped ? ' swapped' : ''}`} aria-labelledby="reader-title">
      <ReaderHeader
        view={view}
        order={order}
        models={models}
        usable={usable}
        modelId={modelId}
        onModelChange={setModelId}
        visibleSegmentIds={visibleSegmentIds}
        visibleRows={visibleRows}
      />
      <ReaderToolbar
        article={article}
        mode={mode}
        onMode={(value) => void setMode(value)}
        swapped={swapped ?? false}
        onSwap={() => void setSwapped(!swapped)}
        compare={compare}
        onCompare={() => setCompare(!compare)}
        panel={panel}
        onPanel={setPanel}
        boilerplate={hiddenCount}
        showBoilerplate={showBoilerplate}
        onShowBoilerplate={() => setShowBoilerplate(!showBoilerplate)}
      />
      {find.bar && <FindBar {...find.bar} />}
      {models.installed !== undefined && (usable.length === 0 || translationTask?.errorCode === 'no-model') ? (
        <MissingModelNotice language={language} catalog={models.catalog} onInstalled={models.refresh} />
      ) : (
        chosenModel?.demo &&
        article.origin !== 'sample' && <DemoModelNotice language={language} catalog={models.catalog} onInstalled={models.refresh} />
      )}
      {chosenModel?.dtypeNote && (
        <p role="note" className="muted reader-note">
          {chosenModel.dtypeNote}.
        </p>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {changes.announcement}
      </p>
      <div className="reader-body" onKeyDown={onListKeyDown} ref={setBody}>
        <ReadingList
          handle={list}
          label="Source and English, paragraph by paragraph"
          rowCount={rows.length}
          rowKey={(index) => rows[index]![0]!.segment.paragraphIndex}
          rowClassName={(index) => (rows[index]![0]!.segment.boilerplate ? 'reading-row boilerplate' : 'reading-row')}
          onVisibleRows={onVisibleRows}
          header={<ReadingHead view={view} mode={mode} />}
          renderRow={(index) => {
            const inRow = (id: number | undefined) => (id !== undefined && rowOf.get(id) === index ? id : undefined);
            return (
              <ParagraphRow
                sentences={rows[index]!}
                language={article.language}
                mode={mode}
                compare={compare}
                unsureMarks={unsureMarks ?? true}
                activeId={inRow(active)}
                highlightId={inRow(highlightId)}
                editingId={inRow(editingId)}
                findHits={find.hitsByRow.get(index)}
                findCurrent={current?.row === index ? `${current.segmentId}:${current.side}` : undefined}
                handlers={handlers}
                renderSource={renderSource}
              />
            );
          }}
        />
        {panel === 'glosses' && <GlossesPanel rows={rows} language={language} glosses={glosses} onJump={focus.focusSentence} onClose={() => setPanel(undefined)} />}
        {panel === 'export' && <ExportPanel view={view} language={language} glosses={glosses} onClose={() => setPanel(undefined)} />}
        {panel === 'history' && (
          <HistoryPanel sentence={active !== undefined ? byId.get(active) : undefined} history={view.history} article={article} onClose={() => setPanel(undefined)} />
        )}
      </div>
      <GlossLayer article={article} language={language} glosses={glosses} container={body} />
    </article>
  );
}
