import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { correspondingShare } from '../../../common/align/align-texts';
import { languageNames } from '../../../common/text/language';
import {
  canSplit,
  confirmLink,
  defaultSplitCut,
  isUncertain,
  isValidCut,
  linkWithNeighbour,
  mergeWithNext,
  moveSentence,
  splitLink,
  unlink,
  type LinkEdit,
  type LinkSide,
  type SplitCut,
} from '../../alignment/link-edits';
import { useAlignment } from '../../alignment/use-alignment';
import type { AlignmentLinkRecord } from '../../data/records';
import { AlignmentTeamVersions } from './AlignmentTeamVersions';
import { linkSummary } from './link-summary';
import { LinkRow, type RowSide } from './LinkRow';
import { isEditable } from '../../components/editable-target';

/** The alignment of an article with one counterpart: the links side by side, edited with the mouse or the keyboard. */
export function AlignmentEditor({ alignmentId }: { alignmentId: number }) {
  const { loaded, outcome, edit, undo, redo, realign, refuse } = useAlignment(alignmentId);
  const [focus, setFocus] = useState<{ index: number; side: LinkSide }>({ index: 0, side: 'source' });
  const [split, setSplit] = useState<{ index: number; cut: SplitCut }>();
  const grid = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const staleHandled = useRef(false);

  const record = loaded?.record;
  const links = useMemo(() => record?.links ?? [], [record]);
  const index = Math.min(focus.index, Math.max(0, links.length - 1));

  // Sentences re-derived since the alignment was saved: align again at once, keeping the user's links.
  const stale = loaded ? !loaded.current : false;
  useEffect(() => {
    if (!stale || staleHandled.current) return;
    staleHandled.current = true;
    void realign();
  }, [stale, realign]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    grid.current?.querySelector<HTMLElement>(`[data-link="${index}"]`)?.focus();
  });

  const focusLink = useCallback((next: number, side?: LinkSide) => {
    wantFocus.current = true;
    setFocus((current) => ({ index: next, side: side ?? current.side }));
  }, []);

  const apply = useCallback(
    (label: string, operation: (links: AlignmentLinkRecord[]) => LinkEdit) => {
      setSplit(undefined);
      void edit(label, operation).then((next) => focusLink(next ?? index));
    },
    [edit, focusLink, index],
  );
  const step = (direction: 'undo' | 'redo') => {
    setSplit(undefined);
    void (direction === 'undo' ? undo() : redo()).then((next) => focusLink(next ?? index));
  };

  const actions = {
    merge: () => apply('merge', (current) => mergeWithNext(current, index)),
    split: () => {
      const link = links[index];
      if (!link) return;
      if (!canSplit(link)) return refuse('A link of one sentence cannot be split.');
      setSplit({ index, cut: defaultSplitCut(link) });
      focusLink(index, link.source.length > 1 || link.target.length === 0 ? 'source' : link.target.length > 1 ? 'target' : focus.side);
    },
    unlink: () => apply('unlinking', (current) => unlink(current, index)),
    link: () => apply('link', (current) => linkWithNeighbour(current, index)),
    moveUp: () => apply('move', (current) => moveSentence(current, index, focus.side, 'previous')),
    moveDown: () => apply('move', (current) => moveSentence(current, index, focus.side, 'next')),
    confirm: () => apply('confirmation', (current) => confirmLink(current, index)),
    nextUncertain: (direction: 1 | -1) => {
      for (let offset = 1; offset <= links.length; offset++) {
        const candidate = (index + direction * offset + links.length) % links.length;
        if (isUncertain(links[candidate]!)) return focusLink(candidate);
      }
      refuse('No link is marked unsure.');
    },
  };

  const moveCut = (delta: number) => {
    if (!split) return;
    const link = links[split.index]!;
    const cut = { ...split.cut, [focus.side]: split.cut[focus.side] + delta };
    if (cut[focus.side] >= 0 && cut[focus.side] <= link[focus.side].length) setSplit({ ...split, cut });
  };
  const applySplit = () => {
    if (!split) return;
    const link = links[split.index];
    if (!link || !isValidCut(link, split.cut)) return refuse('Put the cuts so that each part keeps at least one sentence.');
    const { index: at, cut } = split;
    apply('split', (current) => splitLink(current, at, cut));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (isEditable(event.target) || links.length === 0) return;
    const command = event.ctrlKey || event.metaKey;
    const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
    let handled = true;
    if (command && key === 'z') step(event.shiftKey ? 'redo' : 'undo');
    else if (command && key === 'y') step('redo');
    else if (command) handled = false;
    else if (split && key === 'ArrowUp' && !event.altKey) moveCut(-1);
    else if (split && key === 'ArrowDown' && !event.altKey) moveCut(1);
    else if (split && key === 'Enter') applySplit();
    else if (split && key === 'Escape') {
      setSplit(undefined);
      focusLink(index);
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') focusLink(index, key === 'ArrowLeft' ? 'source' : 'target');
    else if (split) handled = false;
    else if (event.altKey && key === 'ArrowUp') actions.moveUp();
    else if (event.altKey && key === 'ArrowDown') actions.moveDown();
    else if (key === 'ArrowUp') focusLink(Math.max(0, index - 1));
    else if (key === 'ArrowDown') focusLink(Math.min(links.length - 1, index + 1));
    else if (key === 'Home') focusLink(0);
    else if (key === 'End') focusLink(links.length - 1);
    else if (event.altKey) handled = false;
    else if (key === 'm') actions.merge();
    else if (key === 's') actions.split();
    else if (key === 'u') actions.unlink();
    else if (key === 'l') actions.link();
    else if (key === 'c') actions.confirm();
    else if (key === 'n') actions.nextUncertain(event.shiftKey ? -1 : 1);
    else handled = false;
    if (handled) event.preventDefault();
  };

  const onSelect = useCallback((next: number, side?: LinkSide) => {
    setFocus((current) => ({ index: next, side: side ?? current.side }));
    setSplit((current) => (current && current.index !== next ? undefined : current));
  }, []);
  const onCut = useCallback((side: LinkSide, position: number) => {
    setSplit((current) => current && { ...current, cut: { ...current.cut, [side]: position } });
    setFocus((current) => ({ ...current, side }));
  }, []);
  const cancelSplit = useCallback(() => {
    setSplit(undefined);
    wantFocus.current = true;
  }, []);

  const sides = useMemo(
    () =>
      loaded && record
        ? {
            source: { language: loaded.source.article.language, sentences: record.sourceSentences } satisfies RowSide,
            target: { language: loaded.target.article.language, sentences: record.targetSentences } satisfies RowSide,
          }
        : undefined,
    [loaded, record],
  );

  if (loaded === undefined) return null;
  if (loaded === null || !record || !sides) return <p className="empty-state">This alignment is no longer in the library.</p>;

  const uncertain = links.filter(isUncertain).length;
  const manual = links.filter((link) => link.manual).length;
  const corresponding = correspondingShare({ links });
  const lastUndo = record.undo.at(-1);
  const lastRedo = record.redo.at(-1);
  const untranslated = loaded.source.article.language !== 'en' && !loaded.source.side.translation;
  const keepFocus = (event: { preventDefault: () => void }) => event.preventDefault();

  return (
    <section className="alignment-editor" aria-label="Alignment" onKeyDown={onKeyDown}>
      <div className="alignment-toolbar" role="toolbar" aria-label="Edit links" onMouseDown={keepFocus}>
        <button type="button" className="button small" onClick={actions.merge}>
          Merge with next <kbd>M</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.split} aria-pressed={split !== undefined}>
          Split… <kbd>S</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.unlink}>
          Unlink <kbd>U</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.link}>
          Link <kbd>L</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.moveUp} title={`Move the first ${focus.side} sentence of the link to the previous link`}>
          Sentence to previous <kbd>Alt+↑</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.moveDown} title={`Move the last ${focus.side} sentence of the link to the next link`}>
          Sentence to next <kbd>Alt+↓</kbd>
        </button>
        <button type="button" className="button small" onClick={actions.confirm}>
          Confirm <kbd>C</kbd>
        </button>
        <span className="toolbar-gap" />
        <button type="button" className="button small" onClick={() => step('undo')} disabled={!lastUndo} title={lastUndo ? `Undo the ${lastUndo.label}` : 'Nothing to undo'}>
          Undo
        </button>
        <button type="button" className="button small" onClick={() => step('redo')} disabled={!lastRedo} title={lastRedo ? `Redo the ${lastRedo.label}` : 'Nothing to redo'}>
          Redo
        </button>
        <button type="button" className="button small" onClick={() => void realign()} title="Align again with the English the articles have now, keeping your links">
          Re-align
        </button>
      </div>
      <p className="alignment-help muted">
        <kbd>↑</kbd> <kbd>↓</kbd> links · <kbd>←</kbd> <kbd>→</kbd> side · <kbd>M</kbd> merge with next · <kbd>S</kbd> split · <kbd>U</kbd> unlink · <kbd>L</kbd> link
        unlinked neighbours · <kbd>Alt+↑</kbd> <kbd>Alt+↓</kbd> move a sentence to the previous or next link · <kbd>C</kbd> confirm · <kbd>N</kbd> next unsure ·{' '}
        <kbd>Ctrl+Z</kbd> undo · <kbd>Shift+Ctrl+Z</kbd> redo
      </p>
      {corresponding < 0.5 && (
        <p className="alignment-mismatch" role="note">
          Most of these two texts do not correspond ({Math.round(corresponding * 100)}% of their sentences linked with some confidence): they may not be translations of
          each other.
        </p>
      )}
      <p className="alignment-summary">
        <span>{linkSummary(links)}</span>
        <span className={uncertain > 0 ? 'uncertain-count' : 'muted'}>{uncertain === 0 ? 'none unsure' : `${uncertain} unsure`}</span>
        <span className="muted">{manual === 0 ? 'none made by you' : `${manual} made or confirmed by you`}</span>
        {untranslated && <span className="muted">Translate the article, then re-align, for surer links.</span>}
      </p>
      <AlignmentTeamVersions alignment={record} />
      <p className={`alignment-outcome ${outcome?.kind === 'failed' ? 'error-text' : 'muted'}`} role="status" aria-live="polite">
        {outcome?.message ?? (stale ? 'The sentences have changed since this alignment was saved; aligning again…' : '')}
      </p>
      <div className="link-grid" role="grid" aria-label="Links" aria-rowcount={links.length} ref={grid}>
        <div role="row" className="link-head">
          <div role="columnheader" className="column-label">
            {languageNames[sides.source.language]}
          </div>
          <div role="columnheader" className="column-label link-meta">
            Link
          </div>
          <div role="columnheader" className="column-label">
            {languageNames[sides.target.language]}
          </div>
        </div>
        {links.map((link, position) => (
          <LinkRow
            key={position}
            link={link}
            index={position}
            source={sides.source}
            target={sides.target}
            focused={position === index}
            focusSide={position === index ? focus.side : 'source'}
            cut={split?.index === position ? split.cut : undefined}
            onSelect={onSelect}
            onCut={onCut}
            onSplit={split?.index === position ? applySplit : undefined}
            onCancelSplit={split?.index === position ? cancelSplit : undefined}
          />
        ))}
      </div>
    </section>
  );
}
