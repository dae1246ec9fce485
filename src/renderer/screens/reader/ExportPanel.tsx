import { useState } from 'react';
import { bilingualFromTranslation, defaultExportChoices, type ExportChoices } from '../../../common/formats/bilingual-document';
import { bilingualFormatLabels, bilingualFormats, exportBilingual, type BilingualFormat } from '../../../common/formats/bilingual-writers';
import type { SourceLanguage } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { ProgressBar } from '../../components/ProgressBar';
import { articleDocument } from '../../export/article-document';
import { saveFile } from '../../files/save-file';
import type { Glosses } from '../../glossary/use-glosses';
import type { ArticleView } from '../../data/article-view';
import { SidePanel } from './SidePanel';

type Status = { kind: 'idle' } | { kind: 'working'; done: number; total: number } | { kind: 'done' | 'failed'; message: string };

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Export the article's aligned text in a translator's or researcher's format, with the choices the formats share. */
export function ExportPanel({ view, language, glosses, onClose }: { view: ArticleView; language: SourceLanguage; glosses: Glosses | undefined; onClose: () => void }) {
  const { appInfo } = useWorkbench();
  const [format, setFormat] = useState<BilingualFormat>('tmx');
  const [choices, setChoices] = useState<ExportChoices>(defaultExportChoices);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [confidenceColumn, setConfidenceColumn] = useState(false);
  const choose = (change: Partial<ExportChoices>) => setChoices({ ...choices, ...change });

  const run = async () => {
    setStatus({ kind: 'working', done: 0, total: view.progress.sentences });
    try {
      const document = bilingualFromTranslation(
        articleDocument(view, language, glosses),
        { title: view.article.title, outlet: view.article.outlet, toolVersion: appInfo.version },
        choices,
      );
      if (document.units.length === 0) throw new Error(choices.unconfirmed ? 'the article has no sentences to export' : 'no sentence is confirmed yet');
      const files = await exportBilingual(document, format, { onProgress: (done, total) => setStatus({ kind: 'working', done, total }), pause: nextFrame, header: true, confidence: confidenceColumn });
      for (const file of files) saveFile(file.name, new Blob([file.data as BlobPart], { type: file.mimeType }));
      setStatus({ kind: 'done', message: `Saved ${files.map((file) => file.name).join(' and ')} (${document.units.length} ${document.units.length === 1 ? 'unit' : 'units'}).` });
    } catch (error) {
      setStatus({ kind: 'failed', message: `Nothing was exported: ${error instanceof Error ? error.message : String(error)}.` });
    }
  };

  return (
    <SidePanel label="Export" title="Export" className="export-panel" onClose={onClose}>
      <label className="export-field">
        Format
        <select value={format} onChange={(event) => setFormat(event.target.value as BilingualFormat)}>
          {bilingualFormats.map((name) => (
            <option key={name} value={name}>
              {bilingualFormatLabels[name]}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="export-field">
        <legend>Units</legend>
        <label className="choice">
          <input type="radio" name="export-level" checked={choices.level === 'sentence'} onChange={() => choose({ level: 'sentence' })} /> Sentences
        </label>
        <label className="choice">
          <input type="radio" name="export-level" checked={choices.level === 'paragraph'} onChange={() => choose({ level: 'paragraph' })} /> Paragraphs
        </label>
      </fieldset>
      <fieldset className="export-field">
        <legend>English</legend>
        <label className="choice">
          <input type="radio" name="export-text" checked={choices.text === 'corrected'} onChange={() => choose({ text: 'corrected' })} /> As corrected
        </label>
        <label className="choice">
          <input type="radio" name="export-text" checked={choices.text === 'machine'} onChange={() => choose({ text: 'machine' })} /> Raw machine translation
        </label>
      </fieldset>
      <label className="choice">
        <input type="checkbox" checked={choices.unconfirmed} onChange={(event) => choose({ unconfirmed: event.target.checked })} /> Include sentences not yet confirmed
      </label>
      <label className="choice">
        <input type="checkbox" checked={choices.notes} onChange={(event) => choose({ notes: event.target.checked })} /> Glosses as notes
      </label>
      {(format === 'csv' || format === 'tsv') && (
        <label className="choice">
          <input type="checkbox" checked={confidenceColumn} onChange={(event) => setConfidenceColumn(event.target.checked)} /> The model's confidence as a column
        </label>
      )}
      <div className="form-actions">
        <button type="button" className="button primary" onClick={() => void run()} disabled={status.kind === 'working'}>
          Export
        </button>
      </div>
      {status.kind === 'working' && <ProgressBar done={status.done} total={status.total} label="Export progress" />}
      <p role="status" className={status.kind === 'failed' ? 'error-text' : 'muted'}>
        {status.kind === 'done' || status.kind === 'failed' ? status.message : ''}
      </p>
    </SidePanel>
  );
}
