/**
 * The part of PouchDB's API (pouchdb-browser 9) that Targum's team sync and its tests use; tsconfig.renderer.json
 * and tsconfig.test.json map `pouchdb-browser` here. The community declarations (@types/pouchdb-core) declare a
 * global `Buffer` of their own, which breaks Node's `Buffer` wherever both are seen (the test check sees both).
 */

export interface PouchDocument {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [field: string]: unknown;
}

export interface DatabaseInfo {
  db_name: string;
  doc_count: number;
  update_seq: number | string;
}

export interface AllDocsOptions {
  keys?: string[];
  startkey?: string;
  endkey?: string;
  include_docs?: boolean;
  conflicts?: boolean;
  limit?: number;
  skip?: number;
}

/** A row; with `keys`, a key that has no document gets a row with `error` instead. */
export interface AllDocsRow {
  id: string;
  key: string;
  value: { rev: string; deleted?: boolean };
  doc?: PouchDocument | null;
}

export interface AllDocsResponse {
  total_rows: number;
  rows: AllDocsRow[];
}

/** One document's outcome in a bulk write: its new revision, or an error (a conflict). */
export interface WriteResult {
  ok?: boolean;
  id?: string;
  rev?: string;
  error?: string | boolean;
  reason?: string;
}

export interface BulkGetResponse {
  results: Array<{ id: string; docs: Array<{ ok?: PouchDocument; error?: unknown }> }>;
}

export interface ChangesOptions {
  since?: number | string;
  limit?: number;
  /** Changes asked of a remote database per request (25 unless given). */
  batch_size?: number;
  live?: boolean;
  include_docs?: boolean;
  conflicts?: boolean;
}

export interface Change {
  id: string;
  seq: number | string;
  changes: Array<{ rev: string }>;
  deleted?: boolean;
  doc?: PouchDocument;
}

export interface ChangesResponse {
  results: Change[];
  last_seq: number | string;
}

/** A changes feed: a promise of one batch, or (with `live`) events until cancelled. */
export interface Changes extends Promise<ChangesResponse> {
  on(event: 'change', listener: (change: Change) => void): this;
  on(event: 'error' | 'complete', listener: (detail: unknown) => void): this;
  cancel(): void;
}

export interface ReplicationOptions {
  live?: boolean;
  retry?: boolean;
  batch_size?: number;
  batches_limit?: number;
  /** Replicate the source's changes after this sequence (written as the checkpoint first, at each start and retry). */
  since?: number | string;
  /** The next wait before a retry, from the last one (0 at first), in milliseconds. */
  back_off_function?: (delay: number) => number;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read?: number;
  docs_written: number;
}

/** One direction of a replication: events while live, and a promise of its end. */
export interface Replication extends Promise<ReplicationResult> {
  on(event: 'active', listener: () => void): this;
  on(event: 'paused', listener: (error?: unknown) => void): this;
  on(event: 'change', listener: (info: { docs: PouchDocument[]; docs_written: number }) => void): this;
  on(event: 'denied' | 'error' | 'complete', listener: (detail: unknown) => void): this;
  cancel(): void;
}

/** Both directions at once. */
export interface Sync extends Promise<unknown> {
  readonly push: Replication;
  readonly pull: Replication;
  on(event: 'active', listener: () => void): this;
  on(event: 'paused', listener: (error?: unknown) => void): this;
  on(event: 'change', listener: (info: { direction: 'push' | 'pull'; change: { docs: PouchDocument[]; docs_written: number } }) => void): this;
  on(event: 'denied' | 'error' | 'complete', listener: (detail: unknown) => void): this;
  cancel(): void;
}

export interface DatabaseOptions {
  adapter?: string;
  /** Never try to create the remote database. */
  skip_setup?: boolean;
  auth?: { username: string; password: string };
  fetch?: (input: string | Request, init?: RequestInit) => Promise<Response>;
}

export interface Database {
  info(): Promise<DatabaseInfo>;
  get(id: string, options?: { conflicts?: boolean; rev?: string }): Promise<PouchDocument & { _rev: string }>;
  put(doc: PouchDocument): Promise<WriteResult & { rev: string }>;
  remove(doc: PouchDocument & { _rev: string }): Promise<WriteResult>;
  allDocs(options?: AllDocsOptions): Promise<AllDocsResponse>;
  /** With `new_edits: false`, the documents' revisions are stored as they are (as the replicator writes them). */
  bulkDocs(docs: readonly PouchDocument[], options?: { new_edits?: boolean }): Promise<WriteResult[]>;
  /** With `revs`, each document comes with its revision history (`_revisions`). */
  bulkGet(options: { docs: Array<{ id: string; rev?: string }>; revs?: boolean }): Promise<BulkGetResponse>;
  changes(options?: ChangesOptions): Changes;
  replicate: {
    to(target: Database | string, options?: ReplicationOptions): Replication;
    from(source: Database | string, options?: ReplicationOptions): Replication;
  };
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface PouchDBStatic {
  new (name: string, options?: DatabaseOptions): Database;
  sync(a: Database | string, b: Database | string, options?: ReplicationOptions): Sync;
  replicate(source: Database | string, target: Database | string, options?: ReplicationOptions): Replication;
  plugin(plugin: unknown): PouchDBStatic;
}

declare const PouchDB: PouchDBStatic;
export default PouchDB;
