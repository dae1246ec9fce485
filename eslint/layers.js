// @ts-check
/**
 * Targum's layering, as allow-lists (after VS Code's code-import-patterns and Signal-Desktop's classification of
 * packages): which folders of src/ each runtime layer may import, and in which layers each npm dependency may run.
 * eslint/layer-imports.js enforces it; a dependency missing here fails the lint run.
 */

/** @typedef {{ folder: string, runsIn: string, mayImport: string[], node: boolean }} Layer */

/** The layers of src/, each a folder. Everything outside src/ (tests, scripts, bin, configs) is tooling. */
/** @type {Layer[]} */
export const layers = [
  { folder: 'src/common', runsIn: 'everywhere: the page, the services, the hosts', mayImport: ['src/common'], node: false },
  { folder: 'src/renderer', runsIn: 'the page, with the DOM', mayImport: ['src/renderer', 'src/common'], node: false },
  { folder: 'src/node', runsIn: 'Node: the services', mayImport: ['src/node', 'src/common'], node: true },
  { folder: 'src/server', runsIn: 'Node: the web host', mayImport: ['src/server', 'src/node', 'src/common'], node: true },
  { folder: 'src/cli', runsIn: 'Node: bin/targum', mayImport: ['src/cli', 'src/node', 'src/common'], node: true },
  { folder: 'src/main', runsIn: "Electron's main and utility processes", mayImport: ['src/main', 'src/node', 'src/common'], node: true },
  { folder: 'src/preload', runsIn: "Electron's sandboxed preload", mayImport: ['src/preload', 'src/common'], node: false },
];

/** Tests, scripts, bin/ and configuration may import every folder, package and Node built-in. */
export const tooling = 'tooling';

const everywhere = ['src/common', 'src/renderer', 'src/node', 'src/server', 'src/cli', 'src/main', 'src/preload'];
const renderer = ['src/renderer'];
const nodeSide = ['src/node', 'src/server', 'src/cli', 'src/main'];
const desktop = ['src/main', 'src/preload'];
/** @type {string[]} */
const toolingOnly = [];

/**
 * Every dependency and devDependency of package.json, with the layers it may be imported in (tooling may import all
 * of them). A subpath (`electron/renderer`, `dompurify/purify.es.mjs`) is its package's. `@types/*` packages are
 * never imported; they go with the package they describe.
 * @type {Record<string, string[]>}
 */
export const packageLayers = {
  // Pure ECMAScript: runs in the page, the services and the hosts alike.
  '@mozilla/readability': everywhere,
  diff: everywhere,
  docx: everywhere,
  dompurify: everywhere,
  fflate: everywhere,
  // The HTML parser of the standard: the interface's worker reads pages with it; jsdom, in the services, is built on it.
  parse5: everywhere,
  zod: everywhere,

  // The page.
  '@fontsource/noto-naskh-arabic': renderer,
  '@fontsource/noto-sans-hebrew': renderer,
  '@tanstack/react-virtual': renderer,
  events: renderer,
  'pouchdb-browser': renderer,
  'pouchdb-adapter-indexeddb': renderer,
  '@types/react': renderer,
  '@types/react-dom': renderer,
  dexie: renderer,
  'dexie-export-import': renderer,
  'dexie-react-hooks': renderer,
  // A DOM for web pages read in a worker, which has none (src/renderer/import/worker-html-window.ts).
  linkedom: renderer,
  react: renderer,
  'react-dom': renderer,
  wouter: renderer,

  // Node: native code, Node's APIs, servers.
  '@huggingface/transformers': nodeSide,
  '@types/jsdom': nodeSide,
  '@types/node': nodeSide,
  '@types/ws': nodeSide,
  jsdom: nodeSide,
  'onnxruntime-node': nodeSide,
  ws: nodeSide,

  // Electron.
  electron: desktop,

  // Building, testing, linting, benchmarks.
  '@eslint/js': toolingOnly,
  '@playwright/test': toolingOnly,
  '@vitejs/plugin-react': toolingOnly,
  'dependency-cruiser': toolingOnly,
  'electron-builder': toolingOnly,
  'electron-vite': toolingOnly,
  esbuild: toolingOnly,
  eslint: toolingOnly,
  'eslint-plugin-react-hooks': toolingOnly,
  'fake-indexeddb': toolingOnly,
  'fast-xml-parser': toolingOnly,
  globals: toolingOnly,
  'pouchdb-server': toolingOnly,
  tsx: toolingOnly,
  typescript: toolingOnly,
  'typescript-eslint': toolingOnly,
  vite: toolingOnly,
  vitest: toolingOnly,
};

/**
 * What is wrong between package.json and the classification: dependencies with no layers, and classified names that
 * are no dependency.
 * @param {{ dependencies?: Record<string, string>, devDependencies?: Record<string, string> }} packageJson
 */
export function classificationProblems(packageJson) {
  const dependencies = Object.keys({ ...packageJson.dependencies, ...packageJson.devDependencies });
  return [
    ...dependencies.filter((name) => !Object.hasOwn(packageLayers, name)).map((name) => `package.json's dependency ${name} is not classified in eslint/layers.js: list the layers it may run in`),
    ...Object.keys(packageLayers).filter((name) => !dependencies.includes(name)).map((name) => `eslint/layers.js classifies ${name}, which is no dependency in package.json`),
  ];
}
