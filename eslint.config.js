// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { readFileSync } from 'node:fs';
import tseslint from 'typescript-eslint';
import layerImports from './eslint/layer-imports.js';
import { classificationProblems, layers, packageLayers } from './eslint/layers.js';

const unclassified = classificationProblems(JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')));
if (unclassified.length > 0) throw new Error(unclassified.join('\n'));

const nodeGlobals = ['process', 'Buffer', 'require', 'module', '__dirname', '__filename', 'global', 'setImmediate'];
const domGlobals = ['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'indexedDB', 'HTMLElement', 'WebSocket'];

/**
 * The globals a layer's runtime lacks; its imports are eslint/layers.js's allow-lists.
 * @param {{ folder: string, node: boolean, dom: boolean }} layer
 * @returns {import('eslint').Linter.Config}
 */
const layerGlobals = ({ folder, node, dom }) => ({
  files: [`${folder}/**`],
  rules: {
    'no-restricted-globals': [
      'error',
      ...(node ? [] : nodeGlobals.map((name) => ({ name, message: `${folder} runs without Node` }))),
      ...(dom ? [] : domGlobals.map((name) => ({ name, message: `${folder} runs without a DOM` }))),
    ],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.cache/**', '.tmp/**', 'test-results/**', 'playwright-report/**', 'artifacts/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    plugins: { targum: { rules: { 'layer-imports': layerImports } } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'targum/layer-imports': ['error', { layers, packageLayers }],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  ...layers.map((layer) => layerGlobals({ folder: layer.folder, node: layer.node, dom: layer.folder === 'src/renderer' })),
  {
    files: ['test/**', 'scripts/**', 'bin/**', 'eslint/**', '*.config.{js,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
);
