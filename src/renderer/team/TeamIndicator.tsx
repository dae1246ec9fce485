import { Link } from 'wouter';
import { describeTeamStatus, useTeamStatus } from './use-team-status';

/** The workbench's line on team sharing: offline with the changes waiting, syncing, or synced. Nothing outside a team. */
export function TeamIndicator() {
  const status = useTeamStatus();
  if (status.state === 'off') return null;
  return (
    <Link href="/settings" className={`team-indicator team-${status.state}`} role="status" aria-label="Team sync" title="Settings → Team">
      <span className="team-indicator-dot" aria-hidden="true" />
      Team: {describeTeamStatus(status)}
    </Link>
  );
}
