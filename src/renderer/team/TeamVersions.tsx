import { useState, type ReactNode } from 'react';
import type { TeamVersion } from '../data/records';
import { describeWriteError } from '../data/write-errors';
import { versionTime } from './version-time';
import './team-versions.css';

interface TeamMark<C> {
  by: string;
  at: number;
  conflicts?: Array<TeamVersion<C>>;
  history?: Array<TeamVersion<C>>;
}

export interface TeamVersionsProps<C> {
  team: TeamMark<C>;
  /** The entry's content as the library holds it now. */
  current: C;
  /** What the entry is called in the labels ("Conflict on …", "Earlier versions of …"). */
  subject: string;
  /** The conflict's one line, after its badge. */
  conflictLine: string;
  renderContent(content: C): ReactNode;
  resolve(content: C): Promise<void>;
  /** A form that merges the versions into one, where the entry has one: it ends with `keep` or `cancel`. */
  mergeForm?(keep: (content: C) => Promise<void>, cancel: () => void): ReactNode;
}

function VersionText<C>({ version, renderContent }: { version: TeamVersion<C>; renderContent(content: C): ReactNode }) {
  return (
    <>
      {renderContent(version.content)}
      <span className="muted">
        {' '}
        — {version.by}, {versionTime(version.at)}
      </span>
    </>
  );
}

/**
 * A shared entry's team side: who made it and when; when members changed it apart, every version with who made
 * each, to keep one (or merge them, where the entry has a form for it); and the versions a resolution set aside.
 */
export function TeamVersions<C>({ team, current, subject, conflictLine, renderContent, resolve, mergeForm }: TeamVersionsProps<C>) {
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string>();
  const versions: Array<TeamVersion<C>> = [{ content: current, by: team.by, at: team.at }, ...(team.conflicts ?? [])];
  const keep = async (content: C) => {
    try {
      setError(undefined);
      await resolve(content);
      setMerging(false);
    } catch (cause) {
      setError(`Not resolved: ${describeWriteError(cause)}`);
    }
  };
  return (
    <div className="team-versions">
      {team.conflicts?.length ? (
        <section className="team-conflict" aria-label={`Conflict on ${subject}`}>
          <p className="team-conflict-title">
            <span className="badge conflict-badge">in conflict</span> {conflictLine}
          </p>
          <ul className="team-conflict-versions" aria-label="Versions">
            {versions.map((version, index) => (
              <li key={version.rev ?? `current-${index}`}>
                <VersionText version={version} renderContent={renderContent} />{' '}
                <button type="button" className="button small" onClick={() => void keep(version.content)}>
                  Keep this
                </button>
              </li>
            ))}
          </ul>
          {mergeForm &&
            (merging ? (
              mergeForm(keep, () => setMerging(false))
            ) : (
              <button type="button" className="button small" onClick={() => setMerging(true)}>
                Merge…
              </button>
            ))}
          {error && <p className="error-text">{error}</p>}
        </section>
      ) : (
        <p className="muted team-by">
          Shared by {team.by}, {versionTime(team.at)}
        </p>
      )}
      {team.history?.length ? (
        <details className="team-history">
          <summary>History ({team.history.length})</summary>
          <ol aria-label={`Earlier versions of ${subject}`}>
            {team.history.map((version, index) => (
              <li key={version.rev ?? index}>
                <VersionText version={version} renderContent={renderContent} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
