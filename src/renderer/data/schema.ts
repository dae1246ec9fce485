import { initialSchema } from './migrations/001-initial';
import { searchText } from './migrations/002-search-text';
import { undoLogs } from './migrations/003-undo-logs';
import { memoryOrigins } from './migrations/004-memory-origins';
import { teamOutbox } from './migrations/005-team-outbox';
import type { Migration } from './migrations/migration';

/** Every schema version in order; a later issue appends its numbered migration here. Never edit a shipped one. */
export const migrations: readonly Migration[] = [initialSchema, searchText, undoLogs, memoryOrigins, teamOutbox];
