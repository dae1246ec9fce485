import { createContext, useContext } from 'react';
import type { AppInfo, TargumApi } from '../../common/api/contract';
import type { TargumDatabase } from '../data/database';
import type { TaskStore } from '../tasks/task-store';
import type { TeamSync } from '../team/team-sync';
import type { ArticleTranslator } from '../translation/article-translator';

export interface Workbench {
  api: TargumApi;
  db: TargumDatabase;
  appInfo: AppInfo;
  tasks: TaskStore;
  translator: ArticleTranslator;
  team: TeamSync;
}

export const WorkbenchContext = createContext<Workbench | undefined>(undefined);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench outside the workbench');
  return workbench;
}
