/**
 * Team sharing on the desktop. The password is kept with Electron's safeStorage, which only the main process
 * has (the services run in a utility process without it), so the main process answers the `team` calls
 * itself and runs the relay behind app://targum/team-sync/: both read the one team store. Electron's
 * modules come in as arguments, so this runs under test with fakes.
 */
import { desktopHost, desktopOrigin } from '../common/api/desktop-bridge';
import { createApiDispatcher, type ApiDispatcher } from '../common/api/dispatcher';
import type { TeamService } from '../common/api/contract';
import { teamRelayPath } from '../common/team/team-config';
import { withTypedErrors } from '../node/services/errors';
import { encryptedCredentialFile, type SecretCipher } from '../node/team/credential-store';
import { createTeamRelay, relayError, type TeamRelay, type TeamRelayOptions } from '../node/team/team-relay';
import { createTeamService } from '../node/team/team-service';
import { TeamStore, teamFiles } from '../node/team/team-store';

export interface DesktopTeam {
  service: TeamService;
  /** The relay for the app's own renderer (see `appRelayRefusal`). */
  relay: TeamRelay;
}

/**
 * The team store with its password encrypted by the system's keychain (on Linux without a secret service,
 * safeStorage falls back to a fixed key: the file is then as safe as the web host's, mode 0600).
 */
export function createDesktopTeam(dataDir: string, safeStorage: SecretCipher, log: (message: string) => void, relayOptions: Omit<TeamRelayOptions, 'team'> = {}): DesktopTeam {
  const store = new TeamStore(dataDir, encryptedCredentialFile(teamFiles(dataDir).encryptedPassword, safeStorage), log);
  return { service: withTypedErrors(createTeamService(store)), relay: createTeamRelay({ ...relayOptions, team: () => store.connection() }) };
}

/** The window's API: `team` calls answered here, the rest forwarded to the services process. */
export function answerTeamCallsHere(team: TeamService, forward: ApiDispatcher, onFailure?: (method: string, error: unknown) => void): ApiDispatcher {
  const here = createApiDispatcher({ team }, onFailure);
  return (method, params, call) => (typeof method === 'string' && method.startsWith('team.') ? here : forward)(method, params, call);
}

export function isTeamRelayRequest(url: URL): boolean {
  return url.host === desktopHost && (url.pathname === teamRelayPath || url.pathname.startsWith(`${teamRelayPath}/`));
}

/**
 * Why a request to the relay is refused, or undefined for a fetch by the app's own page. No other page runs
 * in the app (navigation and new windows are refused), and none outside it can reach app://; still, a
 * request must come from the app's origin (when the browser names one) and be a plain fetch, never a
 * navigation or an embedded resource.
 */
export function appRelayRefusal(request: Request): string | undefined {
  const header = (name: string) => request.headers.get(name);
  const origin = header('origin');
  if (origin !== null && origin !== desktopOrigin) return `a request from ${origin}`;
  const referrer = header('referer');
  if (referrer !== null && !referrer.startsWith(`${desktopOrigin}/`)) return `a request from ${referrer}`;
  const site = header('sec-fetch-site');
  if (site !== null && site !== 'same-origin') return `a ${site} request`;
  const mode = header('sec-fetch-mode');
  if (mode !== null && mode !== 'cors' && mode !== 'same-origin') return `a ${mode} request`;
  const destination = header('sec-fetch-dest');
  if (destination !== null && destination !== 'empty') return `a request for a ${destination}`;
  return undefined;
}

/** The relay behind the app:// handler: the app's own fetches pass, anything else gets 403 and is logged. */
export function guardedAppRelay(relay: TeamRelay, log: (message: string) => void): TeamRelay {
  return async (request) => {
    const refusal = appRelayRefusal(request);
    if (refusal === undefined) return relay(request);
    log(`refused a team sync request: ${refusal}`);
    return relayError(403, 'forbidden', `Only Targum's own window may use the team relay (${refusal}).`);
  };
}
