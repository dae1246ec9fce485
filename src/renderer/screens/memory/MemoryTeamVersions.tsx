import type { MemoryRecord } from '../../data/records';
import { resolveMemoryConflict } from '../../data/team-mirror';
import { TeamVersions } from '../../team/TeamVersions';
import { useWorkbench } from '../../workbench/workbench-context';

/** A shared memory entry's team side; members who confirmed other English apart keep one version. */
export function MemoryTeamVersions({ entry }: { entry: MemoryRecord }) {
  const { db } = useWorkbench();
  if (!entry.team) return null;
  return (
    <TeamVersions
      team={entry.team}
      current={{ target: entry.target }}
      subject={entry.source}
      conflictLine="Members confirmed other English while apart: keep one version."
      renderContent={(content) => (
        <span lang="en" dir="ltr">
          {content.target}
        </span>
      )}
      resolve={(content) => resolveMemoryConflict(db, entry.id!, content.target)}
    />
  );
}
