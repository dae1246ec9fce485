import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'wouter';
import { languageNames, type SourceLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../app/workbench-context';
import { ArticleGone, ArticleHeading } from '../../components/ArticleHeading';
import { LanguageBadge } from '../../components/LanguageBadge';
import { useLibrarySetting } from '../../db/settings';
import { saveFile } from '../../files/save-file';
import { GlossedText } from '../../glossary/GlossedText';
import { useGlosses } from '../../glossary/use-glosses';
import { modelsFor, useModels } from '../../models/use-models';
import { redoChange, saveSegment, undoChange, type ArticleChange } from '../../segments/article-changes';
import type { SegmentValue } from '../../segments/segment-state';
import { useArticleView, type ArticleView, type SentenceView } from '../../segments/use-article-view';
import { ExportPanel } from './ExportPanel';
import { FindBar } from './FindBar';
import { GlossesPanel } from './GlossesPanel';
import { GlossLayer } from './GlossLayer';
import { findMatches } from './find-matches';
import { HistoryPanel } from './HistoryPanel';
import { MissingModelNotice } from './MissingModelNotice';
import { ParagraphRow, type RowHandlers, type ViewMode } from './ParagraphRow';
import { ReadingList, type ReadingListHandle } from './ReadingList';
import { TranslateControls } from './TranslateControls';
import { useVisibleRows } from './use-visible-rows';
import { useTask } from '../../tasks/task-store';
import { translationTaskId } from '../../translation/article-translator';
import './reader.css';
import { describeWriteError } from '../../db/write-errors';
import { isEditable } from '../../components/editable-target';

export function ReaderScreen({ articleId, segmentId }: { articleId: number; segmentId?: number }) {
  const view = useArticleView(articleId);
  if (view === undefined) return null;
  if (view === null) return <ArticleGone />;
  const { language } = view.article;
  if (language === 'en') return <p className="empty-state">This article is in English already.</p>;
  return <Reader key={articleId} view={view} language={language} initialSegmentId={segmentId} />;
}

const modeLabels: Record<ViewMode, string> = { 'side-by-side': 'Side by side', interlinear: 'Interlinear', source: 'Source', english: 'English' };

function describeChange(change: ArticleChange): string {
  if (change.kind === 'gloss') return change.after && change.before ? 'gloss edit' : change.after ? 'new gloss' : 'gloss deletion';
  if (change.after?.status === 'confirmed') return 'confirmation';
  return change.after ? 'edit' : 'return to the machine translation';
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
  const mode = storedMode ?? 'side-by-side';
  const [showBoilerplate, setShowBoilerplate] = useState(false);
  const [compare, setCompare] = useState(false);
  const [panel, setPanel] = useState<'history' | 'glosses' | 'export' | undefined>();
  const [body, setBody] = useState<HTMLDivElement | null>(null);
  const glosses = useGlosses();
  const [activeId, setActiveId] = useState<number | undefined>(initialSegmentId);
  const [hoverId, setHoverId] = useState<number>();
  const [focusedId, setFocusedId] = useState<number>();
  const [editingId, setEditingId] = useState<number>();
  const [find, setFind] = useState<{ query: string; index: number }>();
  const [announcement, setAnnouncement] = useState('');
  const list = useRef<ReadingListHandle>(null);
  const focusSide = useRef<'source' | 'english'>('english');
  const pendingFocus = useRef<number | undefined>(initialSegmentId);
  const visibleRows = useVisibleRows();

  const rows = useMemo(
    () => (showBoilerplate ? view.paragraphs : view.paragraphs.filter((sentences) => !sentences[0]!.segment.boilerplate)),
    [view.paragraphs, showBoilerplate],
  );
  const hiddenCount = useMemo(() => view.paragraphs.filter((sentences) => sentences[0]!.segment.boilerplate).length, [view.paragraphs]);
  const order = useMemo(() => rows.flat(), [rows]);
  const rowOf = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((sentences, row) => sentences.forEach((sentence) => map.set(sentence.segment.id!, row)));
    return map;
  }, [rows]);
  const byId = useMemo(() => new Map(order.map((sentence) => [sentence.segment.id!, sentence])), [order]);
  const active = activeId !== undefined && rowOf.has(activeId) ? activeId : order[0]?.segment.id;

  const matches = useMemo(() => (find ? findMatches(rows, find.query) : []), [rows, find]);
  const currentMatch = find && matches.length > 0 ? matches[Math.min(find.index, matches.length - 1)] : undefined;
  const hitsByRow = useMemo(() => {
    const hits = new Map<number, string>();
    for (const match of matches) hits.set(match.row, `${hits.get(match.row) ?? ''} ${match.segmentId}:${match.side}`.trim());
    return hits;
  }, [matches]);

  const focusSentence = useCallback(
    (segmentId: number) => {
      const row = rowOf.get(segmentId);
      if (row === undefined) return;
      pendingFocus.current = segmentId;
      setActiveId(segmentId);
      list.current?.scrollToRow(row);
    },
    [rowOf],
  );

  // Focus follows the active sentence once its row is rendered (it may have just been scrolled in).
  useEffect(() => {
    const target = pendingFocus.current;
    if (target === undefined || editingId !== undefined) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const side = mode === 'source' ? 'source' : mode === 'english' ? 'english' : focusSide.current;
      const element = document.querySelector<HTMLElement>(`[data-segment-id="${target}"][data-side="${side}"]`);
      if (element) {
        element.focus();
        pendingFocus.current = undefined;
      } else if (frames++ < 10) {
        handle = requestAnimationFrame(attempt);
      }
    };
    handle = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(handle);
  });

  const move = useCallback(
    (from: number | undefined, step: number) => {
      const index = order.findIndex((sentence) => sentence.segment.id === from);
      const next = order[Math.max(0, Math.min(order.length - 1, index + step))];
      if (next) focusSentence(next.segment.id!);
    },
    [order, focusSentence],
  );

  const save = useCallback(
    async (sentence: SentenceView, text: string, confirm: boolean) => {
      const before = sentence.state.value;
      const after: SegmentValue | null = text === '' && !confirm ? null : { text, status: confirm ? 'confirmed' : 'edited' };
      const unchanged = after ? before?.text === after.text && before.status === after.status : before === null;
      const sameAsShown = !confirm && before === null && text === (sentence.state.english ?? '');
      if (!unchanged && !sameAsShown) await saveSegment(db, article, sentence.segment.text, before, after);
      setEditingId(undefined);
      pendingFocus.current = sentence.segment.id;
      if (confirm) move(sentence.segment.id, 1);
    },
    [db, article, move],
  );

  const confirmActive = useCallback(async () => {
    const sentence = active !== undefined ? byId.get(active) : undefined;
    if (!sentence?.state.english) return;
    try {
      await save(sentence, sentence.state.english, true);
    } catch (error) {
      setAnnouncement(`Not confirmed: ${describeWriteError(error)}`);
    }
  }, [active, byId, save]);

  const undoOrRedo = useCallback(
    async (redo: boolean) => {
      try {
        const change = redo ? await redoChange(db, article) : await undoChange(db, article);
        setAnnouncement(change ? `${redo ? 'Redid' : 'Undid'} the ${describeChange(change)}.` : `Nothing to ${redo ? 'redo' : 'undo'}.`);
      } catch (error) {
        setAnnouncement(`Could not ${redo ? 'redo' : 'undo'}: ${describeWriteError(error)}`);
      }
    },
    [db, article],
  );

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key.toLowerCase() === 'f') {
        event.preventDefault();
        setFind((current) => current ?? { query: '', index: 0 });
        requestAnimationFrame(() => document.querySelector<HTMLInputElement>('.find-bar input')?.select());
      } else if (mod && (event.key.toLowerCase() === 'z' || event.key.toLowerCase() === 'y') && !isEditable(event.target)) {
        event.preventDefault();
        void undoOrRedo(event.key.toLowerCase() === 'y' || event.shiftKey);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [undoOrRedo]);

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const segmentId = Number(target.dataset.segmentId);
    if (!target.dataset.segmentId || editingId !== undefined) return;
    focusSide.current = target.dataset.side === 'source' ? 'source' : 'english';
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      move(segmentId, event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void confirmActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      setEditingId(segmentId);
    }
  };

  const handlers = useRef<RowHandlers>(undefined);
  useLayoutEffect(() => {
    handlers.current = {
      activate: (segmentId) => {
        setFocusedId(segmentId);
        if (segmentId !== undefined) setActiveId(segmentId);
      },
      hover: (segmentId) => setHoverId(segmentId),
      edit: (segmentId) => setEditingId(segmentId),
      save,
      cancelEdit: () => {
        pendingFocus.current = editingId;
        setEditingId(undefined);
      },
    };
  }, [save, editingId]);
  // Rows keep one handlers object; its functions always see this render's state.
  const stableHandlers = useMemo<RowHandlers>(
    () => ({
      activate: (id) => handlers.current?.activate(id),
      hover: (id) => handlers.current?.hover(id),
      edit: (id) => handlers.current?.edit(id),
      save: (sentence, text, confirm) => handlers.current!.save(sentence, text, confirm),
      cancelEdit: () => handlers.current?.cancelEdit(),
    }),
    [],
  );
  const renderSource = useCallback((text: string) => <GlossedText text={text} language={language} glosses={glosses} />, [language, glosses]);

  useEffect(() => {
    if (currentMatch) list.current?.scrollToRow(currentMatch.row);
  }, [currentMatch]);

  const usable = modelsFor(models.installed ?? [], article.language, 'en');
  const visibleSegmentIds = useCallback(
    () => visibleRows.get().flatMap((row) => rows[row]?.map((sentence) => sentence.segment.id!) ?? []),
    [visibleRows, rows],
  );
  const onVisibleRows = useCallback((indices: number[]) => visibleRows.set(indices), [visibleRows]);
  const highlightId = hoverId ?? focusedId;
  const { progress } = view;
  const corrections = order.filter((sentence) => sentence.state.value !== null).length;

  return (
    <article className={`reader mode-${mode}${swapped ? ' swapped' : ''}`} aria-labelledby="reader-title">
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
            onModelChange={setModelId}
            visibleSegmentIds={visibleSegmentIds}
            onVisibleChange={visibleRows.onChange}
          />
        )}
      </header>
      <div className="reader-options" role="toolbar" aria-label="Reading view">
        <div className="segmented" role="radiogroup" aria-label="View">
          {(Object.keys(modeLabels) as ViewMode[]).map((value) => (
            <button key={value} type="button" role="radio" aria-checked={mode === value} className="segmented-option" onClick={() => void setMode(value)}>
              {modeLabels[value]}
            </button>
          ))}
        </div>
        <button type="button" className="button small" aria-pressed={swapped ?? false} onClick={() => void setSwapped(!swapped)} disabled={mode !== 'side-by-side'}>
          Swap sides
        </button>
        <button type="button" className="button small" aria-pressed={compare} onClick={() => setCompare(!compare)}>
          Compare with machine
        </button>
        <button type="button" className="button small" aria-pressed={panel === 'glosses'} onClick={() => setPanel(panel === 'glosses' ? undefined : 'glosses')}>
          Glosses
        </button>
        <button type="button" className="button small" aria-pressed={panel === 'history'} onClick={() => setPanel(panel === 'history' ? undefined : 'history')}>
          History
        </button>
        <button type="button" className="button small" aria-pressed={panel === 'export'} onClick={() => setPanel(panel === 'export' ? undefined : 'export')}>
          Export
        </button>
        <Link href={`/article/${article.id}/parallel`} className="button small">
          Parallel version
        </Link>
        {article.originalFile && (
          <button type="button" className="button small" onClick={() => saveFile(article.originalFileName ?? 'original', article.originalFile!)}>
            Original file
          </button>
        )}
        {hiddenCount > 0 && (
          <span className="boilerplate-toggle muted">
            {`${hiddenCount} ${hiddenCount === 1 ? 'line' : 'lines'} of site boilerplate ${showBoilerplate ? 'shown' : 'hidden'}.`}{' '}
            <button type="button" className="link-button" onClick={() => setShowBoilerplate(!showBoilerplate)}>
              {showBoilerplate ? 'Hide them' : 'Show them'}
            </button>
          </span>
        )}
      </div>
      {find && (
        <FindBar
          query={find.query}
          position={currentMatch ? Math.min(find.index, matches.length - 1) + 1 : 0}
          count={matches.length}
          onQuery={(query) => setFind({ query, index: 0 })}
          onStep={(step) => setFind({ query: find.query, index: (Math.min(find.index, matches.length - 1) + step + matches.length) % Math.max(1, matches.length) })}
          onClose={() => {
            setFind(undefined);
            if (currentMatch) focusSentence(currentMatch.segmentId);
          }}
        />
      )}
      {models.installed !== undefined && (usable.length === 0 || translationTask?.errorCode === 'no-model') && (
        <MissingModelNotice language={language} catalog={models.catalog} onInstalled={models.refresh} />
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      <div className="reader-body" onKeyDown={onListKeyDown} ref={setBody}>
        <ReadingList
          handle={list}
          label="Source and English, paragraph by paragraph"
          rowCount={rows.length}
          rowKey={(index) => rows[index]![0]!.segment.paragraphIndex}
          rowClassName={(index) => (rows[index]![0]!.segment.boilerplate ? 'reading-row boilerplate' : 'reading-row')}
          onVisibleRows={onVisibleRows}
          header={
            <div className="reading-row reading-head" role="row" aria-rowindex={1}>
              {mode !== 'english' && (
                <div className="column-label source-label" role="columnheader">
                  {languageNames[article.language]}
                </div>
              )}
              {mode !== 'source' && mode !== 'interlinear' && (
                <div className="column-label english-label" role="columnheader">
                  English{' '}
                  <span className="muted">
                    · {progress.translated === 0 ? 'not translated yet' : `${progress.translated} of ${progress.sentences} sentences translated`}
                  </span>
                </div>
              )}
            </div>
          }
          renderRow={(index) => {
            const sentences = rows[index]!;
            const inRow = (id: number | undefined) => (id !== undefined && rowOf.get(id) === index ? id : undefined);
            return (
              <ParagraphRow
                sentences={sentences}
                language={article.language}
                mode={mode}
                compare={compare}
                activeId={inRow(active)}
                highlightId={inRow(highlightId)}
                editingId={inRow(editingId)}
                findHits={hitsByRow.get(index)}
                findCurrent={currentMatch?.row === index ? `${currentMatch.segmentId}:${currentMatch.side}` : undefined}
                handlers={stableHandlers}
                renderSource={renderSource}
              />
            );
          }}
        />
        {panel === 'glosses' && <GlossesPanel rows={rows} language={language} glosses={glosses} onJump={focusSentence} onClose={() => setPanel(undefined)} />}
        {panel === 'export' && <ExportPanel view={view} language={language} glosses={glosses} onClose={() => setPanel(undefined)} />}
        {panel === 'history' && (
          <HistoryPanel sentence={active !== undefined ? byId.get(active) : undefined} history={view.history} article={article} onClose={() => setPanel(undefined)} />
        )}
      </div>
      <GlossLayer article={article} language={language} glosses={glosses} container={body} />
    </article>
  );
}
