import type { TeamService } from '../../common/api/contract';
import { ApiCallError } from '../../common/api/reply';
import { checkTeamServer } from './team-check';
import { NoSafeStorage } from './credential-store';
import { TeamConfigError, type TeamStore } from './team-store';

/** The `team` service over a host's team store: the password goes in and never comes out. */
export function createTeamService(store: TeamStore, check: typeof checkTeamServer = checkTeamServer): TeamService {
  return {
    get: () => store.view(),
    configure: async (settings) => {
      try {
        await store.save(settings);
      } catch (error) {
        if (error instanceof TeamConfigError) throw new ApiCallError('invalid-input', error.message);
        if (error instanceof NoSafeStorage) throw new ApiCallError('unavailable', error.message);
        throw error;
      }
      return check(await store.connection());
    },
    check: async () => check(await store.connection()),
    leave: async () => {
      await store.leave();
      return { left: true };
    },
  };
}
