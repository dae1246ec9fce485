/** PouchDB's 'indexeddb' adapter (the package ships no declarations): a plugin that adds the adapter. */
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: PouchDB.Plugin;
  export default plugin;
}
