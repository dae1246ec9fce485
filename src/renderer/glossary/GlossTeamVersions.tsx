import type { GlossContent, GlossRecord } from '../data/records';
import { glossContent } from '../data/team-docs';
import { resolveGlossConflict } from '../data/team-mirror';
import { TeamVersions } from '../team/TeamVersions';
import { useWorkbench } from '../workbench/workbench-context';
import { GlossForm } from './GlossForm';

function GlossText({ content }: { content: GlossContent }) {
  return (
    <>
      <strong>{content.meaning}</strong>
      {content.note && <span className="muted"> · {content.note}</span>}
    </>
  );
}

/** A shared gloss's team side; members who edited it apart keep one version, or merge them in the gloss's form. */
export function GlossTeamVersions({ gloss }: { gloss: GlossRecord }) {
  const { db } = useWorkbench();
  if (!gloss.team) return null;
  return (
    <div className="gloss-team">
      <TeamVersions
        team={gloss.team}
        current={glossContent(gloss)}
        subject={gloss.surface}
        conflictLine="Members changed this gloss while apart: keep one version, or merge them."
        renderContent={(content) => <GlossText content={content} />}
        resolve={(content) => resolveGlossConflict(db, gloss.id!, content)}
        mergeForm={(keep, cancel) => (
          <GlossForm surface={gloss.surface} language={gloss.language} gloss={gloss} onSave={(next) => keep(glossContent(next))} onCancel={cancel} />
        )}
      />
    </div>
  );
}
