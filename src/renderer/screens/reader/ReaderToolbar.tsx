import { Link } from 'wouter';
import type { ArticleRecord } from '../../data/records';
import { saveFile } from '../../files/save-file';
import { ShareWithTeamButton } from '../../team/ShareWithTeamButton';
import type { ViewMode } from './ParagraphRow';

export type ReaderPanel = 'history' | 'glosses' | 'export';

const modeLabels: Record<ViewMode, string> = { 'side-by-side': 'Side by side', interlinear: 'Interlinear', source: 'Source', english: 'English' };

interface Props {
  article: ArticleRecord;
  mode: ViewMode;
  onMode: (mode: ViewMode) => void;
  swapped: boolean;
  onSwap: () => void;
  compare: boolean;
  onCompare: () => void;
  panel: ReaderPanel | undefined;
  onPanel: (panel: ReaderPanel | undefined) => void;
  /** Paragraphs of site boilerplate, and whether they are shown. */
  boilerplate: number;
  showBoilerplate: boolean;
  onShowBoilerplate: () => void;
}

const panelButtons: Array<{ panel: ReaderPanel; label: string }> = [
  { panel: 'glosses', label: 'Glosses' },
  { panel: 'history', label: 'History' },
  { panel: 'export', label: 'Export' },
];

/** How the article is shown (view, sides, comparison, boilerplate), its panels, and the ways out of it. */
export function ReaderToolbar(props: Props) {
  const { article, mode, panel, boilerplate, showBoilerplate } = props;
  return (
    <div className="reader-options" role="toolbar" aria-label="Reading view">
      <div className="segmented" role="radiogroup" aria-label="View">
        {(Object.keys(modeLabels) as ViewMode[]).map((value) => (
          <button key={value} type="button" role="radio" aria-checked={mode === value} className="segmented-option" onClick={() => props.onMode(value)}>
            {modeLabels[value]}
          </button>
        ))}
      </div>
      <button type="button" className="button small" aria-pressed={props.swapped} onClick={props.onSwap} disabled={mode !== 'side-by-side'}>
        Swap sides
      </button>
      <button type="button" className="button small" aria-pressed={props.compare} onClick={props.onCompare}>
        Compare with machine
      </button>
      {panelButtons.map(({ panel: which, label }) => (
        <button key={which} type="button" className="button small" aria-pressed={panel === which} onClick={() => props.onPanel(panel === which ? undefined : which)}>
          {label}
        </button>
      ))}
      <Link href={`/article/${article.id}/parallel`} className="button small">
        Parallel version
      </Link>
      <ShareWithTeamButton articleId={article.id!} />
      {article.originalFile && (
        <button type="button" className="button small" onClick={() => saveFile(article.originalFileName ?? 'original', article.originalFile!)}>
          Original file
        </button>
      )}
      {boilerplate > 0 && (
        <span className="boilerplate-toggle muted">
          {`${boilerplate} ${boilerplate === 1 ? 'line' : 'lines'} of site boilerplate ${showBoilerplate ? 'shown' : 'hidden'}.`}{' '}
          <button type="button" className="link-button" onClick={props.onShowBoilerplate}>
            {showBoilerplate ? 'Hide them' : 'Show them'}
          </button>
        </span>
      )}
    </div>
  );
}
