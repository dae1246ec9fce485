/**
 * Which requests the team relay forwards: the CouchDB replication protocol as PouchDB 9's replicator and
 * its http adapter send it, for the one configured database, and nothing else. The page addresses the
 * database as `${teamRelayPath}/…` on its own origin; which database that is, the host decides.
 */
import { teamRelayPath } from '../../common/team/team-config';

export type RelayDecision = { forward: true; path: string } | { forward: false; status: 403 | 404; reason: string };

type Methods = readonly string[];

/** The database's own endpoints (`_…`), by the methods each takes. */
const endpoints: Readonly<Record<string, Methods>> = {
  _changes: ['GET', 'POST'],
  _revs_diff: ['POST'],
  _bulk_get: ['POST'],
  _bulk_docs: ['POST'],
  _all_docs: ['GET', 'POST'],
};
/** Database info: PouchDB's `info()` and the replicator's first look at the database. */
const databaseMethods: Methods = ['GET', 'HEAD'];
/** Replication checkpoints. */
const localDocumentMethods: Methods = ['GET', 'PUT', 'DELETE'];
/** A document: read (with revs, open_revs, latest, attachments) or written with `put`. */
const documentMethods: Methods = ['GET', 'PUT'];
/** An attachment, which the replicator reads one by one. */
const attachmentMethods: Methods = ['GET'];
/** `_changes` filters that run no code on the server. */
const builtInFilters = new Set(['_doc_ids', '_selector']);

/** A raw path segment that could leave the database or change its meaning once the server decodes it. */
const unsafeSegment = /%2e|%2f|%5c|%00|\\/i;

const refuse = (status: 403 | 404, reason: string): RelayDecision => ({ forward: false, status, reason });

/**
 * The decision for one request, from its method and its raw (still percent-encoded) path and query. The
 * forwarded path is relative to the database's address and keeps the query as it came.
 */
export function relayDecision(method: string, rawPath: string, search: string): RelayDecision {
  if (rawPath !== teamRelayPath && !rawPath.startsWith(`${teamRelayPath}/`)) return refuse(404, 'not a team sync path');
  const rest = rawPath.slice(teamRelayPath.length + 1);
  const segments = rest === '' ? [] : rest.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..' || unsafeSegment.test(segment))) {
    return refuse(403, 'the path has an empty, dot or encoded-separator segment');
  }
  const query = new URLSearchParams(search);
  const allowed = ((): Methods | undefined => {
    const [first, second, ...more] = segments;
    if (first === undefined) return databaseMethods;
    if (more.length > 0) return undefined;
    if (first === '_local') return second === undefined ? undefined : localDocumentMethods;
    if (first.startsWith('_')) return second === undefined ? endpoints[first] : undefined;
    return second === undefined ? documentMethods : attachmentMethods;
  })();
  if (!allowed) return refuse(403, `${rest || '/'} is not part of the replication protocol`);
  if (!allowed.includes(method)) return refuse(403, `${method} ${rest || '/'} is not part of the replication protocol`);
  if (segments[0] === '_changes' && (query.has('view') || query.getAll('filter').some((filter) => !builtInFilters.has(filter)))) {
    return refuse(403, 'only the _doc_ids and _selector filters are relayed');
  }
  return { forward: true, path: `${rest}${search}` };
}
