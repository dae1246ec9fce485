import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { Link } from 'wouter';
import { formatGlossaryAnki, formatGlossaryCsv, formatGlossaryTbx } from '../../../common/glossary/glossary-export';
import { foldText } from '../../../common/text/fold';
import { textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../workbench/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { GlossRecord } from '../../data/records';
import { saveFile } from '../../files/save-file';
import { articleLabels } from '../../data/articles';
import { deleteGloss, findGlossOccurrences, putGloss } from '../../data/glosses';
import { GlossForm } from '../../glossary/GlossForm';
import { GlossTeamVersions } from '../../glossary/GlossTeamVersions';
import { useGlosses } from '../../glossary/use-glosses';
import './glossary.css';
import { GlossaryImport } from './GlossaryImport';
import { describeWriteError } from '../../data/write-errors';

const exports = [
  { label: 'CSV', fileName: 'targum-glossary.csv', type: 'text/csv', write: (glosses: GlossRecord[]) => formatGlossaryCsv(glosses, { byteOrderMark: true }) },
  { label: 'Anki (TSV)', fileName: 'targum-glossary-anki.txt', type: 'text/tab-separated-values', write: formatGlossaryAnki },
  { label: 'TBX', fileName: 'targum-glossary.tbx', type: 'application/x-tbx+xml', write: (glosses: GlossRecord[]) => formatGlossaryTbx(glosses) },
] as const;

/** Every gloss in the library: search, edit, delete (with undo), where each occurs, import and export. */
export function GlossaryScreen() {
  const { db } = useWorkbench();
  const glosses = useGlosses();
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<number>();
  const [open, setOpen] = useState<number>();
  const [deleted, setDeleted] = useState<GlossRecord>();
  const [error, setError] = useState<string>();
  const needle = foldText(useDeferredValue(query).trim());
  const occurrences = useLiveQuery(() => (glosses ? findGlossOccurrences(db, glosses.index) : undefined), [db, glosses]);
  const labels = useLiveQuery(() => articleLabels(db), [db]);

  const all = useMemo(() => [...(glosses?.byId.values() ?? [])].sort((a, b) => a.surface.localeCompare(b.surface)), [glosses]);
  const shown = needle ? all.filter((gloss) => foldText([gloss.surface, gloss.meaning, gloss.note ?? '', gloss.lemma ?? ''].join('\n')).includes(needle)) : all;

  const run = async (action: () => Promise<unknown>, failure: string) => {
    try {
      setError(undefined);
      await action();
    } catch (cause) {
      setError(`${failure}: ${describeWriteError(cause)}`);
    }
  };
  const remove = (gloss: GlossRecord) =>
    run(async () => {
      await deleteGloss(db, gloss.id!);
      setDeleted(gloss);
    }, 'Not deleted');
  const undoDelete = () =>
    run(async () => {
      await putGloss(db, deleted!);
      setDeleted(undefined);
    }, 'Not restored');

  return (
    <section className="glossary" aria-labelledby="glossary-heading">
      <header className="screen-header">
        <h1 id="glossary-heading">Glossary</h1>
        <input type="search" className="search-field" placeholder="Search glosses" aria-label="Search glosses" value={query} onChange={(event) => setQuery(event.target.value)} />
        <div className="glossary-exports" role="group" aria-label="Export the glossary">
          {exports.map((format) => (
            <button
              key={format.label}
              type="button"
              className="button small"
              disabled={all.length === 0}
              onClick={() => saveFile(format.fileName, new Blob([format.write(all)], { type: `${format.type};charset=utf-8` }))}
            >
              {format.label}
            </button>
          ))}
        </div>
        <GlossaryImport stored={glosses ? all : undefined} />
      </header>
      <p role="status" className={error ? 'error-text glossary-status' : 'muted glossary-status'}>
        {error ??
          (deleted ? (
            <>
              Deleted the gloss on <bdi>{deleted.surface}</bdi>.{' '}
              <button type="button" className="link-button" onClick={() => void undoDelete()}>
                Undo
              </button>
            </>
          ) : (
            ''
          ))}
      </p>
      {glosses && all.length === 0 ? (
        <p className="empty-state">No glosses yet. In the reader, select a word in the source and press G.</p>
      ) : (
        <ul className="glossary-list" aria-label="Glosses">
          {shown.map((gloss) => {
            const found = occurrences?.get(gloss.id!) ?? [];
            return (
              <li key={gloss.id} className={gloss.team?.conflicts?.length ? 'glossary-entry in-conflict' : 'glossary-entry'}>
                {editing === gloss.id ? (
                  <GlossForm
                    surface={gloss.surface}
                    language={gloss.language}
                    gloss={gloss}
                    onSave={async (next) => {
                      await putGloss(db, next);
                      setEditing(undefined);
                    }}
                    onCancel={() => setEditing(undefined)}
                  />
                ) : (
                  <>
                    <div className="glossary-term">
                      <bdi className="glossary-surface" lang={gloss.language} dir={textDirection(gloss.language)}>
                        {gloss.surface}
                      </bdi>
                      <LanguageBadge language={gloss.language} />
                    </div>
                    <div className="glossary-meaning">
                      <strong>{gloss.meaning}</strong>
                      {gloss.note && <span className="muted"> · {gloss.note}</span>}
                      {gloss.lemma && (
                        <span className="muted">
                          {' '}
                          · lemma <bdi lang={gloss.language}>{gloss.lemma}</bdi>
                        </span>
                      )}
                    </div>
                    <div className="glossary-actions">
                      <button type="button" className="button small" aria-expanded={open === gloss.id} onClick={() => setOpen(open === gloss.id ? undefined : gloss.id)} disabled={!occurrences}>
                        {occurrences ? `${found.length} ${found.length === 1 ? 'occurrence' : 'occurrences'}` : 'Counting…'}
                      </button>
                      <button type="button" className="button small" onClick={() => setEditing(gloss.id)}>
                        Edit
                      </button>
                      <button type="button" className="button small" onClick={() => void remove(gloss)}>
                        Delete
                      </button>
                    </div>
                    <GlossTeamVersions gloss={gloss} />
                    {open === gloss.id && (
                      <ol className="glossary-occurrences" aria-label={`Where ${gloss.surface} occurs`}>
                        {found.map((occurrence) => (
                          <li key={occurrence.segmentId}>
                            <Link href={`/article/${occurrence.articleId}/sentence/${occurrence.segmentId}`} className="glossary-occurrence">
                              <span className="glossary-occurrence-title" lang={gloss.language} dir={textDirection(gloss.language)}>
                                {labels?.get(occurrence.articleId)?.title}
                              </span>
                              <span className="glossary-occurrence-sentence" lang={gloss.language} dir={textDirection(gloss.language)}>
                                {occurrence.sentence}
                              </span>
                            </Link>
                          </li>
                        ))}
                      </ol>
                    )}
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
