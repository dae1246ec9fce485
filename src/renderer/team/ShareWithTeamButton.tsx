import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { getArticle } from '../data/articles';
import { shareArticle } from '../data/team-outbox';
import { describeWriteError } from '../data/write-errors';
import { useWorkbench } from '../workbench/workbench-context';
import { useTeamStatus } from './use-team-status';

/** "Share with team": the article, its machine English and its corrections go to every member's library. Only in a team. */
export function ShareWithTeamButton({ articleId }: { articleId: number }) {
  const { db } = useWorkbench();
  const status = useTeamStatus();
  const shared = useLiveQuery(async () => (await getArticle(db, articleId))?.teamId !== undefined, [db, articleId]);
  const [error, setError] = useState<string>();
  if (status.state === 'off' || shared === undefined) return null;
  if (shared) return <span className="muted team-shared">Shared with team</span>;
  return (
    <>
      <button
        type="button"
        className="button small"
        onClick={() =>
          void shareArticle(db, articleId).then(
            () => setError(undefined),
            (cause: unknown) => setError(`Not shared: ${describeWriteError(cause)}`),
          )
        }
      >
        Share with team
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error}
        </span>
      )}
    </>
  );
}
