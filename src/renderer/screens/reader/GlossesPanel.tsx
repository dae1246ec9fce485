import { useMemo } from 'react';
import { findGlossMatches } from '../../../common/glossary/gloss-index';
import type { SourceLanguage } from '../../../common/text/language';
import type { Glosses } from '../../glossary/use-glosses';
import type { SentenceView } from '../../data/article-view';
import { SidePanel } from './SidePanel';

interface Props {
  rows: readonly SentenceView[][];
  language: SourceLanguage;
  glosses: Glosses | undefined;
  onJump: (segmentId: number) => void;
  onClose: () => void;
}

/** The glosses found in the open article, in order of first appearance, each with its count; a click goes to the first. */
export function GlossesPanel({ rows, language, glosses, onJump, onClose }: Props) {
  const found = useMemo(() => {
    const byGloss = new Map<number, { count: number; firstSegmentId: number }>();
    if (!glosses || glosses.index.size === 0) return byGloss;
    for (const sentence of rows.flat()) {
      for (const match of findGlossMatches(sentence.segment.text, language, glosses.index)) {
        for (const id of match.glossIds) {
          const known = byGloss.get(id);
          if (known) known.count += 1;
          else byGloss.set(id, { count: 1, firstSegmentId: sentence.segment.id! });
        }
      }
    }
    return byGloss;
  }, [rows, language, glosses]);

  return (
    <SidePanel label="Glosses in this article" title="Glosses" onClose={onClose}>
      {found.size === 0 ? (
        <p className="muted">No glossed words here yet. Select a word in the source and press G to add a gloss.</p>
      ) : (
        <ul className="gloss-list" aria-label="Glosses in this article">
          {[...found].map(([id, { count, firstSegmentId }]) => {
            const gloss = glosses!.byId.get(id)!;
            return (
              <li key={id}>
                <button type="button" className="gloss-list-item" onClick={() => onJump(firstSegmentId)}>
                  <bdi className="gloss-list-surface" lang={gloss.language}>
                    {gloss.surface}
                  </bdi>{' '}
                  <span>{gloss.meaning}</span> <span className="muted">×{count}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </SidePanel>
  );
}
