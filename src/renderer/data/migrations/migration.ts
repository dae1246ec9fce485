import type { Transaction } from 'dexie';

/** One numbered schema version: the stores that change and, when data must move, an upgrade. */
export interface Migration {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}
