import type { Migration } from './migration';

/**
 * Team sharing: the outbox of shared entries changed here and not yet on the team's server, written in the same
 * transaction as the change, so that no change is lost across a reload while offline; and an index of shared
 * articles by their team document's id. Glosses, memory entries and corrections carry their team marks (who made
 * them and when, a conflict) in fields that need no index.
 */
export const teamOutbox: Migration = {
  version: 5,
  stores: { teamOutbox: 'docId', articles: '++id, title, language, outlet, date, createdAt, *tags, teamId' },
};
