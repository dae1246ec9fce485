/**
 * PouchDB's 'indexeddb' adapter (the package ships no declarations): a plugin that adds the adapter. Typed without
 * PouchDB's namespace, whose declarations would bring their own global Buffer into the test check.
 */
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: (pouchdb: unknown) => void;
  export default plugin;
}
