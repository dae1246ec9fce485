import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useMemo, useState } from 'react';
import { writeTmx } from '../../../common/formats/tmx-writer';
import { foldText } from '../../../common/text/fold';
import { textDirection } from '../../../common/text/language';
import { LanguageBadge } from '../../components/LanguageBadge';
import { VirtualList } from '../../components/VirtualList';
import { deleteMemoryEntries, importedEntryIds, memoryEntries, restoreMemoryEntries } from '../../data/memory';
import type { MemoryRecord } from '../../data/records';
import { describeWriteError } from '../../data/write-errors';
import { memoryDocuments } from '../../export/memory-document';
import { saveFile } from '../../files/save-file';
import { useWorkbench } from '../../workbench/workbench-context';
import { memoryOrigin } from './memory-origin';
import { MemoryTeamVersions } from './MemoryTeamVersions';
import './memory.css';

/** The translation memory: every entry with where it came from; search, delete (one, or one import's) with Undo, export as TMX. */
export function MemoryScreen() {
  const { db, appInfo } = useWorkbench();
  const entries = useLiveQuery(() => memoryEntries(db), [db]);
  const [query, setQuery] = useState('');
  const [deleted, setDeleted] = useState<{ entries: MemoryRecord[]; label: string }>();
  const [status, setStatus] = useState<string>();
  const [error, setError] = useState<string>();
  const needle = foldText(useDeferredValue(query).trim());
  const shown = useMemo(
    () => (needle ? (entries ?? []).filter((entry) => foldText([entry.source, entry.target, entry.fileName ?? ''].join('\n')).includes(needle)) : (entries ?? [])),
    [entries, needle],
  );

  const run = async (action: () => Promise<void>, failure: string) => {
    try {
      setError(undefined);
      await action();
    } catch (cause) {
      setError(`${failure}: ${describeWriteError(cause)}`);
    }
  };
  const remove = (ids: number[], label: string) =>
    run(async () => {
      const gone = await deleteMemoryEntries(db, ids);
      setStatus(undefined);
      setDeleted({ entries: gone, label });
    }, 'Not deleted');
  const removeImport = (entry: MemoryRecord) =>
    run(async () => {
      const ids = await importedEntryIds(db, entry.importId!);
      const gone = await deleteMemoryEntries(db, ids);
      setStatus(undefined);
      setDeleted({ entries: gone, label: `${gone.length} ${gone.length === 1 ? 'entry' : 'entries'} from ${entry.fileName ? `“${entry.fileName}”` : 'earlier imports'}` });
    }, 'Not deleted');
  const undo = () =>
    run(async () => {
      const back = await restoreMemoryEntries(db, deleted!.entries);
      const lost = deleted!.entries.length - back;
      setDeleted(undefined);
      setStatus(lost > 0 ? `Restored ${back}; ${lost} had a new entry since and were left as they are.` : `Restored ${back === 1 ? 'the entry' : `${back} entries`}.`);
    }, 'Not restored');
  const exportTmx = () =>
    run(async () => {
      for (const document of memoryDocuments(entries ?? [], appInfo.version)) {
        const tmx = await writeTmx(document);
        saveFile(`targum-memory-${document.sourceLanguage}.tmx`, new Blob([tmx], { type: 'application/x-tmx+xml;charset=utf-8' }));
      }
    }, 'Not exported');

  const reviewed = entries?.filter((entry) => entry.standing === 'reviewed').length ?? 0;
  return (
    <section className="memory-screen" aria-labelledby="memory-heading">
      <header className="screen-header">
        <h1 id="memory-heading">Memory</h1>
        <input type="search" dir="auto" className="search-field" placeholder="Search the memory" aria-label="Search the memory" value={query} onChange={(event) => setQuery(event.target.value)} />
        <button type="button" className="button small" disabled={!entries?.length} onClick={() => void exportTmx()}>
          Export TMX
        </button>
      </header>
      <p className="muted memory-summary">
        {entries === undefined
          ? 'Reading the memory…'
          : `${reviewed} reviewed ${reviewed === 1 ? 'entry' : 'entries'}, offered as a sentence’s English; ${entries.length - reviewed} ${entries.length - reviewed === 1 ? 'reference' : 'references'}, offered as suggestions only.${needle ? ` ${shown.length} found.` : ''}`}
      </p>
      <p role="status" className={error ? 'error-text memory-status' : 'muted memory-status'}>
        {error ??
          (deleted ? (
            <>
              Deleted {deleted.label}.{' '}
              <button type="button" className="link-button" onClick={() => void undo()}>
                Undo
              </button>
            </>
          ) : (
            (status ?? '')
          ))}
      </p>
      {entries && entries.length === 0 ? (
        <p className="empty-state">The memory is empty. Sentences you confirm in the reader, and reviewed units of imported TMX and XLIFF files, come here.</p>
      ) : (
        <VirtualList
          items={shown}
          itemKey={(entry) => entry.id!}
          estimateSize={96}
          label="Memory entries"
          viewportClassName="memory-viewport"
          listClassName="memory-list"
          itemClassName="memory-item"
          resetKey={needle}
        >
          {(entry) => (
            <div className={`memory-entry ${entry.standing}${entry.team?.conflicts?.length ? ' in-conflict' : ''}`}>
              <div className="memory-texts">
                <bdi className="memory-source" lang={entry.language} dir={textDirection(entry.language)}>
                  {entry.source}
                </bdi>
                <span className="memory-target" lang="en" dir="ltr">
                  {entry.target}
                </span>
                <span className="memory-origin muted">
                  <LanguageBadge language={entry.language} /> {entry.standing === 'reviewed' ? 'Memory' : 'Reference'} · {memoryOrigin(entry)}
                </span>
                <MemoryTeamVersions entry={entry} />
              </div>
              <div className="memory-actions">
                <button type="button" className="button small" onClick={() => void remove([entry.id!], 'the entry')}>
                  Delete
                </button>
                {entry.importId && (
                  <button type="button" className="button small" onClick={() => void removeImport(entry)}>
                    Delete this import
                  </button>
                )}
              </div>
            </div>
          )}
        </VirtualList>
      )}
    </section>
  );
}
