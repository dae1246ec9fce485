import { useSyncExternalStore } from 'react';
import { useWorkbench } from '../workbench/workbench-context';
import type { TeamSyncStatus } from './team-sync';

/** The team replication's status, as it changes. */
export function useTeamStatus(): TeamSyncStatus {
  const { team } = useWorkbench();
  return useSyncExternalStore(team.subscribe, () => team.status);
}

const changes = (count: number) => `${count.toLocaleString('en')} ${count === 1 ? 'change' : 'changes'} waiting`;

/** The status in a few words: "offline, 3 changes waiting", "synced", "receiving 5,000 of 120,000". */
export function describeTeamStatus(status: TeamSyncStatus): string {
  switch (status.state) {
    case 'off':
      return 'not in a team';
    case 'offline':
      return `offline, ${changes(status.waiting)}`;
    case 'refused':
      return status.message ?? 'the team server refused the connection';
    case 'connecting':
      return 'connecting…';
    case 'syncing':
      if (status.firstSync) return `first sync: ${status.firstSync.received.toLocaleString('en')} of ${status.firstSync.total.toLocaleString('en')} documents received`;
      return status.waiting > 0 ? `syncing, ${changes(status.waiting)}` : 'syncing…';
    case 'synced':
      return status.waiting > 0 ? `synced, ${changes(status.waiting)}` : 'synced';
  }
}
