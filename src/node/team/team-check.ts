import type { TeamStatus } from '../../common/team/team-config';
import type { TeamConnection } from './team-store';

/** The database's address on the team server (a name with a slash is one path segment, as CouchDB wants it). */
export function teamDatabaseUrl({ serverUrl, database }: TeamConnection['config']): string {
  return `${serverUrl}/${encodeURIComponent(database)}`;
}

/** The Authorization header a host adds for the team's user; none for a server without login. */
export function teamAuthorization({ config, password }: TeamConnection): string | undefined {
  if (config.user === '') return undefined;
  return `Basic ${Buffer.from(`${config.user}:${password ?? ''}`, 'utf8').toString('base64')}`;
}

const certificateCodes = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/;

function causeCode(error: unknown): string | undefined {
  const cause = (error as { cause?: { code?: unknown } } | undefined)?.cause;
  return typeof cause?.code === 'string' ? cause.code : undefined;
}

/**
 * Asks the team's server for the database with the stored credentials, and says in one line how it
 * answered: connected, offline (unreachable), unauthorized (401/403), no-database (404), or failed.
 */
export async function checkTeamServer(team: TeamConnection | undefined, options: { fetch?: typeof fetch; timeoutMs?: number } = {}): Promise<TeamStatus> {
  if (!team) return { state: 'not-configured', message: 'No team is configured.' };
  const { config } = team;
  const host = new URL(config.serverUrl).host;
  const authorization = teamAuthorization(team);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(teamDatabaseUrl(config), {
      headers: { Accept: 'application/json', ...(authorization && { Authorization: authorization }) },
      redirect: 'manual',
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    const code = causeCode(error);
    if (code && certificateCodes.test(code)) return { state: 'failed', message: `The team server ${host} has a certificate this machine does not trust (${code}).` };
    if ((error as Error).name === 'TimeoutError') return { state: 'offline', message: `The team server ${host} did not answer in time: offline, changes wait here.` };
    return { state: 'offline', message: `The team server ${host} cannot be reached: offline, changes wait here.` };
  }
  const location = response.headers.get('location');
  if (response.status >= 300 && response.status < 400) {
    await response.body?.cancel();
    return { state: 'failed', message: `The team server’s address leads elsewhere${location ? ` (${location.slice(0, 200)})` : ''}: give the address it leads to.` };
  }
  const body = (await response.json().catch(() => undefined)) as { db_name?: unknown } | undefined;
  if (response.status === 401 || response.status === 403) return { state: 'unauthorized', message: 'The team server refused the user name or password.' };
  if (response.status === 404) return { state: 'no-database', message: `The team server has no database named ${config.database}.` };
  if (!response.ok) return { state: 'failed', message: `The team server answered ${response.status} ${response.statusText}`.trim() + '.' };
  if (typeof body?.db_name !== 'string') return { state: 'failed', message: `${host} does not answer as a CouchDB server.` };
  return { state: 'connected', message: `Connected to ${config.database} on ${host}.` };
}
