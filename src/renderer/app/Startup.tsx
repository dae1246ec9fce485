import { useEffect, useState } from 'react';
import { connectToHost } from '../api/connect';
import { databaseName, TargumDatabase } from '../data/database';
import { backUpBeforeUpgrade } from '../data/upgrade-backups';
import { resegmentLibrary } from '../data/resegment';
import { seedSampleLibrary } from '../data/sample-library';
import { keepSearchTextCurrent } from '../library/search-text';
import { TaskStore } from '../tasks/task-store';
import { TeamSync } from '../team/team-sync';
import { ArticleTranslator } from '../translation/article-translator';
import { App } from './App';
import { WorkbenchContext, type Workbench } from '../workbench/workbench-context';

type State = { phase: 'starting' } | { phase: 'ready'; workbench: Workbench } | { phase: 'failed'; message: string };

async function openWorkbench(): Promise<Workbench> {
  const api = await connectToHost();
  await backUpBeforeUpgrade(databaseName);
  const db = new TargumDatabase();
  keepSearchTextCurrent(db);
  await db.open();
  // Without this the browser may clear the library under storage pressure; the answer is shown in Settings.
  void navigator.storage?.persist?.().catch(() => false);
  const [appInfo] = await Promise.all([api.files.appInfo({}), seedSampleLibrary(db, () => api.files.sampleArticles({}))]);
  await resegmentLibrary(db);
  const tasks = new TaskStore();
  const team = new TeamSync(db, api);
  // In the background: the library opens whether or not the team's server answers.
  void team.restart();
  return { api, db, appInfo, tasks, translator: new ArticleTranslator(api, db, tasks), team };
}

/** Connects to the host and opens the library; a failure says what happened instead of a blank window. */
export function Startup() {
  const [state, setState] = useState<State>({ phase: 'starting' });
  useEffect(() => {
    let cancelled = false;
    openWorkbench().then(
      (workbench) => !cancelled && setState({ phase: 'ready', workbench }),
      (error: unknown) => !cancelled && setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, []);
  if (state.phase === 'ready') {
    return (
      <WorkbenchContext.Provider value={state.workbench}>
        <App />
      </WorkbenchContext.Provider>
    );
  }
  return (
    <main className="startup" aria-busy={state.phase === 'starting'}>
      <h1 className="startup-title">Targum</h1>
      {state.phase === 'starting' ? <p className="muted">Opening your library…</p> : <p role="alert" className="startup-error">{state.message}</p>}
    </main>
  );
}
