import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { resolve } from 'node:path';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          'utility-process': resolve('src/main/utility-process.ts'),
        },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        // A sandboxed preload cannot be an ES module.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src/renderer',
    base: './',
    plugins: [react()],
    // pouchdb-browser imports Node's `events`: the page gets the `events` package (Node's EventEmitter for browsers), not a Node built-in.
    resolve: { alias: { events: 'events/' } },
    build: {
      outDir: 'out/renderer',
      minify: true,
      // One bundle, loaded from the local app origin: no network cost to split it for.
      chunkSizeWarningLimit: 1000,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
