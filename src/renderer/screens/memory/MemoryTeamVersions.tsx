import { useState } from 'react';
import type { MemoryContent, MemoryRecord, TeamVersion } from '../../data/records';
import { resolveMemoryConflict } from '../../data/team-mirror';
import { describeWriteError } from '../../data/write-errors';
import { versionTime } from '../../team/version-time';
import { useWorkbench } from '../../workbench/workbench-context';

function VersionText({ version }: { version: TeamVersion<MemoryContent> }) {
  return (
    <>
      <span lang="en" dir="ltr">
        {version.content.target}
      </span>
      <span className="muted">
        {' '}
        — {version.by}, {versionTime(version.at)}
      </span>
    </>
  );
}

/**
 * A shared memory entry's team side: who confirmed it and when; when members confirmed other English apart, every
 * version with who confirmed each, to keep one; and the versions a resolution set aside.
 */
export function MemoryTeamVersions({ entry }: { entry: MemoryRecord }) {
  const { db } = useWorkbench();
  const [error, setError] = useState<string>();
  const team = entry.team;
  if (!team) return null;
  const versions: Array<TeamVersion<MemoryContent>> = [{ content: { target: entry.target }, by: team.by, at: team.at }, ...(team.conflicts ?? [])];
  const keep = async (target: string) => {
    try {
      setError(undefined);
      await resolveMemoryConflict(db, entry.id!, target);
    } catch (cause) {
      setError(`Not resolved: ${describeWriteError(cause)}`);
    }
  };
  return (
    <div className="memory-team">
      {team.conflicts?.length ? (
        <section className="memory-conflict" aria-label={`Conflict on ${entry.source}`}>
          <p className="memory-conflict-title">
            <span className="badge conflict-badge">in conflict</span> Members confirmed other English while apart: keep one version.
          </p>
          <ul className="memory-conflict-versions" aria-label="Versions">
            {versions.map((version, index) => (
              <li key={version.rev ?? `current-${index}`}>
                <VersionText version={version} />{' '}
                <button type="button" className="button small" onClick={() => void keep(version.content.target)}>
                  Keep this
                </button>
              </li>
            ))}
          </ul>
          {error && <p className="error-text">{error}</p>}
        </section>
      ) : (
        <span className="muted">
          Shared by {team.by}, {versionTime(team.at)}
        </span>
      )}
      {team.history?.length ? (
        <details className="memory-team-history">
          <summary>History ({team.history.length})</summary>
          <ol aria-label={`Earlier versions of ${entry.source}`}>
            {team.history.map((version, index) => (
              <li key={version.rev ?? index}>
                <VersionText version={version} />
              </li>
            ))}
          </ol>
        </details>
      ) : null}
    </div>
  );
}
