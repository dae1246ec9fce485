// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeModules = [...builtinModules, ...builtinModules.map((name) => `node:${name}`)];
const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'];
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'WebSocket'];

/** Forbids imports of other layers' folders, by path. */
const folders = (...names) => names.map((name) => ({ group: [`**/${name}/**`, `**/${name}`], message: `this layer must not import from src/${name}` }));

/** The layering rule: what each runtime's folder may import (after VS Code's layer checks). */
const layer = ({ files, node = false, dom = false, electron = false, react = true, forbiddenFolders }) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      {
        paths: [
          ...(node ? [] : nodeModules.map((name) => ({ name, message: 'this layer runs without Node: no Node modules' }))),
          ...(electron ? [] : [{ name: 'electron', message: 'only src/main and src/preload may use Electron' }]),
          ...(react ? [] : [{ name: 'react', message: 'UI code belongs in src/renderer' }]),
        ],
        patterns: folders(...forbiddenFolders),
      },
    ],
    'no-restricted-globals': [
      'error',
      ...(node ? [] : nodeGlobals.map((name) => ({ name, message: 'this layer runs without Node' }))),
      ...(dom ? [] : domGlobals.map((name) => ({ name, message: 'this layer runs without a DOM' }))),
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  layer({ files: ['src/common/**'], react: false, forbiddenFolders: ['renderer', 'node', 'server', 'cli', 'main', 'preload'] }),
  layer({ files: ['src/renderer/**'], dom: true, forbiddenFolders: ['node', 'server', 'cli', 'main', 'preload'] }),
  layer({ files: ['src/node/**'], node: true, react: false, forbiddenFolders: ['renderer', 'server', 'cli', 'main', 'preload'] }),
  layer({ files: ['src/server/**'], node: true, react: false, forbiddenFolders: ['renderer', 'cli', 'main', 'preload'] }),
  layer({ files: ['src/cli/**'], node: true, react: false, forbiddenFolders: ['renderer', 'server', 'main', 'preload'] }),
  layer({ files: ['src/main/**'], node: true, electron: true, react: false, forbiddenFolders: ['renderer', 'server', 'cli', 'preload'] }),
  layer({ files: ['src/preload/**'], electron: true, react: false, forbiddenFolders: ['renderer', 'node', 'server', 'cli', 'main'] }),
  {
    files: ['test/**', 'scripts/**', 'bin/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
