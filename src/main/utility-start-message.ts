import type { AppMetadata } from '../node/app-metadata';
import type { DataPaths } from '../node/paths';

/** What the main process tells the services process when it starts it (with the MessagePort). */
export interface UtilityStartMessage {
  app: AppMetadata;
  paths: DataPaths;
  resourcesDir: string;
  electronVersion: string;
}
