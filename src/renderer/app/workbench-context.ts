import { createContext, useContext } from 'react';
import type { AppInfo, TargumApi } from '../../common/api/contract';
import type { TargumDatabase } from '../db/database';

export interface Workbench {
  api: TargumApi;
  db: TargumDatabase;
  appInfo: AppInfo;
}

export const WorkbenchContext = createContext<Workbench | undefined>(undefined);

export function useWorkbench(): Workbench {
  const workbench = useContext(WorkbenchContext);
  if (!workbench) throw new Error('useWorkbench outside the workbench');
  return workbench;
}
