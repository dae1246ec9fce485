/**
 * PouchDB 9 as the page uses it (pouchdb-browser: IndexedDB, fetch), running in Node for tests: over
 * fake-indexeddb, with the two browser globals it reads. Loaded with require and typed here as far as the
 * tests use it: @types/pouchdb-core declares a global Buffer of its own that breaks Node's in this layer.
 */
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';

export interface PouchDocument {
  _id: string;
  _rev?: string;
  [field: string]: unknown;
}

export interface ReplicationResult {
  ok: boolean;
  docs_written: number;
}

export interface PouchDatabase {
  bulkDocs(docs: PouchDocument[]): Promise<unknown>;
  put(doc: PouchDocument): Promise<{ ok: boolean; rev: string }>;
  get(id: string): Promise<PouchDocument & { _rev: string }>;
  remove(doc: PouchDocument & { _rev: string }): Promise<unknown>;
  replicate: { to(target: PouchDatabase): Promise<ReplicationResult>; from(source: PouchDatabase): Promise<ReplicationResult> };
  destroy(): Promise<unknown>;
}

export type PouchDBConstructor = new (name: string, options?: { skip_setup?: boolean; fetch?: (url: string | URL | Request, options?: RequestInit) => Promise<Response> }) => PouchDatabase;

export function loadPouchDB(): PouchDBConstructor {
  const globals = globalThis as { self?: unknown; navigator?: unknown };
  globals.self ??= globalThis;
  globals.navigator ??= { userAgent: 'Node.js' };
  return createRequire(import.meta.url)('pouchdb-browser') as PouchDBConstructor;
}
