/**
 * PouchDB 9 as the page uses it (pouchdb-browser: IndexedDB, fetch), running in Node for tests: over
 * fake-indexeddb, with the two browser globals it reads as it loads (so it is loaded with require, after them).
 */
import 'fake-indexeddb/auto';
import { createRequire } from 'node:module';
import type { PouchDBStatic } from 'pouchdb-browser';

export function loadPouchDB(): PouchDBStatic {
  const globals = globalThis as { self?: unknown; navigator?: unknown };
  globals.self ??= globalThis;
  globals.navigator ??= { userAgent: 'Node.js' };
  return createRequire(import.meta.url)('pouchdb-browser') as PouchDBStatic;
}
