import { useState } from 'react';
import type { GlossContent, GlossRecord, TeamVersion } from '../data/records';
import { glossContent } from '../data/team-docs';
import { resolveGlossConflict } from '../data/team-mirror';
import { describeWriteError } from '../data/write-errors';
import { useWorkbench } from '../workbench/workbench-context';
import { versionTime as when } from '../team/version-time';
import { GlossForm } from './GlossForm';

function VersionText({ version }: { version: TeamVersion<GlossContent> }) {
  return (
    <>
      <strong>{version.content.meaning}</strong>
      {version.content.note && <span className="muted"> · {version.content.note}</span>}
      <span className="muted">
        {' '}
        — {version.by}, {when(version.at)}
      </span>
    </>
  );
}

/**
 * A shared gloss's team side: who made it and when; when members edited it apart, every version with who made each,
 * to keep one or merge them; and the versions a resolution set aside.
 */
export function GlossTeamVersions({ gloss }: { gloss: GlossRecord }) {
  const { db } = useWorkbench();
  const [merging, setMerging] = useState(false);
  const [error, setError] = useState<string>();
  const team = gloss.team;
  if (!team) return null;
  const versions: Array<TeamVersion<GlossContent>> = [{ content: glossContent(gloss), by: team.by, at: team.at }, ...(team.conflicts ?? [])];
  const keep = async (content: GlossContent) => {
    try {
      setError(undefined);
      await resolveGlossConflict(db, gloss.id!, content);
      setMerging(false);
    } catch (cause) {
      setError(`Not resolved: ${describeWriteError(cause)}`);
    }
  };
  return (
    <div className="gloss-team">
      {team.conflicts?.length ? (
        <section className="gloss-conflict" aria-label={`Conflict on ${gloss.surface}`}>
          <p className="gloss-conflict-title">
            <span className="badge conflict-badge">in conflict</span> Members changed this gloss while apart: keep one version, or merge them.
          </p>
          <ul className="gloss-conflict-versions" aria-label="Versions">
            {versions.map((version, index) => (
              <li key={version.rev ?? `current-${index}`}>
                <VersionText version={version} />{' '}
                <button type="button" className="button small" onClick={() => void keep(version.content)}>
                  Keep this
                </button>
              </li>
            ))}
          </ul>
          {merging ? (
            <GlossForm surface={gloss.surface} language={gloss.language} gloss={gloss} onSave={(next) => keep(glossContent(next))} onCancel={() => setMerging(false)} />
          ) : (
            <button type="button" className="button small" onClick={() => setMerging(true)}>
              Merge…
            </button>
          )}
          {error && <p className="error-text">{error}</p>}
        </section>
      ) : (
        <p className="muted gloss-team-by">
          Shared by {team.by}, {when(team.at)}
        </p>
      )}
      {team.history?.length ? (
        <details className="gloss-team-history">
          <summary>History ({team.history.length})</summary>
          <ol aria-label={`Earlier versions of ${gloss.surface}`}>
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
