import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { SourceLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import type { ArticleRecord, GlossRecord } from '../../data/records';
import { GlossForm } from '../../glossary/GlossForm';
import type { Glosses } from '../../glossary/use-glosses';
import { saveGloss } from '../../data/article-changes';
import { describeWriteError } from '../../data/write-errors';

import { placeBeside, type Anchor } from './floating-placement';
type Layer =
  | { kind: 'selection'; surface: string; anchor: Anchor }
  | { kind: 'add'; surface: string; anchor: Anchor }
  | { kind: 'edit'; gloss: GlossRecord; anchor: Anchor }
  | { kind: 'show'; glossIds: number[]; anchor: Anchor; mark: HTMLElement };

const anchorOf = (rect: DOMRect): Anchor => ({ top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right });

function Floating({ anchor, children, label, onLeave, onEnter }: { anchor: Anchor; children: ReactNode; label: string; onLeave?: () => void; onEnter?: () => void }) {
  const width = 320;
  const left = Math.max(8, Math.min(anchor.left, window.innerWidth - width - 8));
  const panel = useRef<HTMLDivElement>(null);
  // Placed once its height is known (and again when its content grows), beside the word.
  const [placement, setPlacement] = useState<{ top: number; maxHeight: number }>();
  useLayoutEffect(() => {
    const element = panel.current;
    if (!element) return;
    const place = () => {
      const border = element.offsetHeight - element.clientHeight;
      const next = placeBeside(anchor, element.scrollHeight + border, window.innerHeight);
      setPlacement((current) => (current?.top === next.top && current.maxHeight === next.maxHeight ? current : next));
    };
    place();
    const observer = new ResizeObserver(place);
    for (const child of element.children) observer.observe(child);
    window.addEventListener('resize', place);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [anchor]);
  const style = placement ? { top: placement.top, maxBlockSize: placement.maxHeight } : { top: anchor.bottom + 6, visibility: 'hidden' as const };
  return (
    <div ref={panel} className="floating-panel" role="dialog" aria-label={label} style={{ ...style, left, inlineSize: width }} onMouseLeave={onLeave} onMouseEnter={onEnter}>
      {children}
    </div>
  );
}

/** The source text selected inside the reading list, when there is some. */
function sourceSelection(): { surface: string; anchor: Anchor } | undefined {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return undefined;
  const range = selection.getRangeAt(0);
  const start = range.startContainer.parentElement?.closest('[data-side=source]');
  const end = range.endContainer.parentElement?.closest('[data-side=source]');
  const surface = selection.toString().replace(/\s+/g, ' ').trim();
  if (!start || !end || !surface || surface.length > 80) return undefined;
  return { surface, anchor: anchorOf(range.getBoundingClientRect()) };
}

interface Props {
  article: ArticleRecord;
  language: SourceLanguage;
  glosses: Glosses | undefined;
  /** The reading list, where selections and gloss marks are watched. */
  container: HTMLElement | null;
}

/**
 * Glosses in the reader: select a word or phrase in the source (double-click or drag) and press G or the
 * button that appears; hover or focus a marked word to see its gloss, with Edit and Delete.
 */
export function GlossLayer({ article, language, glosses, container }: Props) {
  const { db } = useWorkbench();
  const [layer, setLayer] = useState<Layer>();
  const [error, setError] = useState<string>();
  const closeTimer = useRef<number>(undefined);

  const cancelClose = () => window.clearTimeout(closeTimer.current);
  const closeSoon = useCallback(() => {
    window.clearTimeout(closeTimer.current);
    closeTimer.current = window.setTimeout(() => setLayer((current) => (current?.kind === 'show' ? undefined : current)), 250);
  }, []);

  const startAdding = useCallback(() => {
    const selected = sourceSelection();
    if (selected) setLayer({ kind: 'add', ...selected });
    return selected !== undefined;
  }, []);

  useEffect(() => {
    if (!container) return;
    const onSelect = () =>
      setLayer((current) => {
        if (current && current.kind !== 'selection' && current.kind !== 'show') return current;
        const selected = sourceSelection();
        return selected ? { kind: 'selection', ...selected } : current?.kind === 'selection' ? undefined : current;
      });
    const showGloss = (event: Event) => {
      const mark = (event.target as HTMLElement).closest?.<HTMLElement>('.gloss-mark');
      if (!mark) return;
      cancelClose();
      const glossIds = mark.dataset.glossIds!.split(' ').map(Number);
      setLayer((current) => (current && current.kind !== 'show' && current.kind !== 'selection' ? current : { kind: 'show', glossIds, anchor: anchorOf(mark.getBoundingClientRect()), mark }));
    };
    const hideGloss = (event: Event) => {
      if ((event.target as HTMLElement).closest?.('.gloss-mark')) closeSoon();
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'g' && !event.ctrlKey && !event.metaKey && !event.altKey && startAdding()) event.preventDefault();
    };
    const listeners: Array<[string, (event: never) => void]> = [
      ['mouseup', onSelect],
      ['keyup', onSelect],
      ['mouseover', showGloss],
      ['focusin', showGloss],
      ['mouseout', hideGloss],
      ['focusout', hideGloss],
      ['keydown', onKeyDown],
    ];
    for (const [type, listener] of listeners) container.addEventListener(type, listener as EventListener);
    return () => listeners.forEach(([type, listener]) => container.removeEventListener(type, listener as EventListener));
  }, [container, startAdding, closeSoon]);

  const save = async (before: GlossRecord | null, after: GlossRecord | null) => {
    await saveGloss(db, article, before, after);
    setLayer(undefined);
    window.getSelection()?.removeAllRanges();
  };

  const remove = async (gloss: GlossRecord) => {
    try {
      setError(undefined);
      await save(gloss, null);
    } catch (failure) {
      setError(`Not deleted: ${describeWriteError(failure)}`);
    }
  };

  if (!layer) return null;
  if (layer.kind === 'selection') {
    return (
      <button
        type="button"
        className="button small primary floating-button"
        style={{ top: layer.anchor.bottom + 6, left: Math.max(8, layer.anchor.left) }}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setLayer({ kind: 'add', surface: layer.surface, anchor: layer.anchor })}
      >
        Add gloss <kbd>G</kbd>
      </button>
    );
  }
  if (layer.kind === 'add' || layer.kind === 'edit') {
    const gloss = layer.kind === 'edit' ? layer.gloss : undefined;
    return (
      <Floating anchor={layer.anchor} label={gloss ? 'Edit gloss' : 'Add gloss'}>
        <GlossForm
          surface={gloss?.surface ?? (layer.kind === 'add' ? layer.surface : '')}
          language={language}
          gloss={gloss}
          onSave={(next) => save(gloss ?? null, next)}
          onCancel={() => setLayer(undefined)}
        />
      </Floating>
    );
  }
  const shown = layer.glossIds.map((id) => glosses?.byId.get(id)).filter((gloss) => gloss !== undefined);
  return (
    <Floating anchor={layer.anchor} label="Gloss" onEnter={cancelClose} onLeave={closeSoon}>
      {shown.map((gloss) => (
        <div key={gloss.id} className="gloss-card" onFocus={cancelClose} onBlur={closeSoon}>
          <p className="gloss-meaning" lang="en">
            {gloss.meaning}
          </p>
          {gloss.note && <p className="gloss-note">{gloss.note}</p>}
          <p className="muted gloss-meta">
            <bdi lang={gloss.language}>{gloss.surface}</bdi>
            {gloss.lemma && (
              <>
                {' '}
                · lemma <bdi lang={gloss.language}>{gloss.lemma}</bdi>
              </>
            )}
            {gloss.team && <> · by {gloss.team.by}</>}
            {gloss.team?.conflicts?.length ? <> · in conflict (see the Glossary)</> : null}
          </p>
          <div className="form-actions">
            <button type="button" className="button small" onClick={() => setLayer({ kind: 'edit', gloss, anchor: layer.anchor })}>
              Edit
            </button>
            <button type="button" className="button small" onClick={() => void remove(gloss)}>
              Delete
            </button>
          </div>
        </div>
      ))}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </Floating>
  );
}
