import { useEffect, useState, type FormEvent } from 'react';
import type { TeamConfigure, TeamStatus, TeamView } from '../../../common/team/team-config';
import { describeTeamStatus, useTeamStatus } from '../../team/use-team-status';
import { useWorkbench } from '../../workbench/workbench-context';

interface Draft {
  serverUrl: string;
  database: string;
  user: string;
  password: string;
  memberName: string;
}

const emptyDraft: Draft = { serverUrl: '', database: '', user: '', password: '', memberName: '' };

type Answer = { kind: 'idle' } | { kind: 'busy' } | { kind: 'answered'; status: TeamStatus } | { kind: 'failed'; message: string };

/**
 * Settings → Team: the team's CouchDB server, database, user and password, and this member's name. The password
 * goes to the host and never comes back: the field stays empty, and says whether one is kept.
 */
export function TeamSettings() {
  const { api, team } = useWorkbench();
  const status = useTeamStatus();
  const [view, setView] = useState<TeamView>();
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [answer, setAnswer] = useState<Answer>({ kind: 'idle' });
  useEffect(() => {
    let live = true;
    api.team.get({}).then(
      (got) => {
        if (!live) return;
        setView(got);
        if (got.config) setDraft({ ...got.config, password: '' });
      },
      (error: unknown) => live && setAnswer({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      live = false;
    };
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setAnswer({ kind: 'busy' });
    try {
      const request: TeamConfigure = { serverUrl: draft.serverUrl.trim(), database: draft.database.trim(), user: draft.user.trim(), memberName: draft.memberName.trim() };
      if (draft.password) request.password = draft.password;
      const checked = await api.team.configure(request);
      setView(await api.team.get({}));
      setDraft({ ...draft, password: '' });
      setAnswer({ kind: 'answered', status: checked });
      await team.restart();
    } catch (error) {
      setAnswer({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const leave = async () => {
    setAnswer({ kind: 'busy' });
    try {
      await team.leave();
      await api.team.leave({});
      setView({ config: null, hasPassword: false });
      setDraft(emptyDraft);
      setAnswer({ kind: 'idle' });
    } catch (error) {
      setAnswer({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  const field = (key: keyof Draft) => ({
    value: draft[key],
    onChange: (event: { target: { value: string } }) => {
      setDraft({ ...draft, [key]: event.target.value });
      setAnswer({ kind: 'idle' });
    },
  });
  // The replication's own word once it runs; the server's answer to Save until then.
  const line =
    answer.kind === 'failed'
      ? `Not saved: ${answer.message}`
      : status.state !== 'off' && answer.kind !== 'busy'
        ? `Team: ${describeTeamStatus(status)}`
        : answer.kind === 'answered'
          ? answer.status.message
          : '';
  const trouble = answer.kind === 'failed' || status.state === 'refused' || (answer.kind === 'answered' && status.state === 'off' && answer.status.state !== 'connected');
  return (
    <form className="settings-group" aria-labelledby="team-heading" onSubmit={(event) => void submit(event)}>
      <h2 id="team-heading">Team</h2>
      <p className="muted">
        Share glossaries, the translation memory and the articles you share with a team, through the team&apos;s CouchDB database. Targum keeps working
        offline and catches up when the server is back.
      </p>
      <label className="field">
        <span>Server address</span>
        <input type="url" required placeholder="https://couch.example.org" {...field('serverUrl')} />
        <span className="field-hint muted">https, or http on this machine (127.0.0.1, localhost).</span>
      </label>
      <label className="field">
        <span>Database</span>
        <input type="text" required {...field('database')} />
      </label>
      <label className="field">
        <span>User</span>
        <input type="text" autoComplete="username" {...field('user')} />
      </label>
      <label className="field">
        <span>Password</span>
        <input type="password" autoComplete="new-password" placeholder={view?.hasPassword ? 'kept (type a new one to replace it)' : ''} {...field('password')} />
        <span className="field-hint muted">Kept by Targum&apos;s host, never shown again.</span>
      </label>
      <label className="field">
        <span>Your name</span>
        <input type="text" required maxLength={100} {...field('memberName')} />
        <span className="field-hint muted">Recorded with every entry you share.</span>
      </label>
      <div className="form-actions">
        <button type="submit" className="button primary" disabled={answer.kind === 'busy'}>
          Save and connect
        </button>
        {view?.config ? (
          <button type="button" className="button" disabled={answer.kind === 'busy'} onClick={() => void leave()}>
            Leave team
          </button>
        ) : null}
        <span role="status" aria-label="Team status" className={trouble ? 'error-text' : 'muted'}>
          {line}
        </span>
      </div>
      {status.firstSync ? (
        <progress aria-label="First sync" max={Math.max(1, status.firstSync.total)} value={status.firstSync.received} />
      ) : null}
    </form>
  );
}
