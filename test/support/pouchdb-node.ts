// pouchdb-browser reads `self` (the page's global object) as it loads; in Node that is globalThis. Import this module
// before pouchdb-browser.
(globalThis as { self?: unknown }).self ??= globalThis;
