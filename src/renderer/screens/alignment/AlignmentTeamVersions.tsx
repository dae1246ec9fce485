import type { AlignmentRecord } from '../../data/records';
import { alignmentContent } from '../../data/team-docs';
import { resolveAlignmentConflict } from '../../data/team-mirror';
import { TeamVersions } from '../../team/TeamVersions';
import { useWorkbench } from '../../workbench/workbench-context';
import { linkSummary, linksNotIn } from './link-summary';

/** A shared alignment's team side: who made its links; when members changed them apart, each version to keep one. */
export function AlignmentTeamVersions({ alignment }: { alignment: AlignmentRecord }) {
  const { db } = useWorkbench();
  if (!alignment.team) return null;
  return (
    <div className={`alignment-team${alignment.team.conflicts?.length ? ' is-conflict' : ''}`}>
      <TeamVersions
        team={alignment.team}
        current={alignmentContent(alignment)}
        subject="these links"
        conflictLine="Members changed these links while apart: keep one version."
        renderContent={(content) => {
          const differing = linksNotIn(content.links, alignment.links);
          return (
            <span>
              {linkSummary(content.links)}
              {differing > 0 && ` (${differing} not among the links shown)`}
            </span>
          );
        }}
        resolve={(content) => resolveAlignmentConflict(db, alignment.id!, content)}
      />
    </div>
  );
}
