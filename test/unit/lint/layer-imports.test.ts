import { RuleTester } from 'eslint';
import path from 'node:path';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import layerImports from '../../../eslint/layer-imports.js';

// RuleTester makes each case a Vitest test and asserts it: a valid case must report nothing, an invalid one
// exactly the messages it lists.
RuleTester.describe = describe;
RuleTester.it = it;

const root = process.cwd();
const options = [
  {
    layers: [
      { folder: 'src/core', runsIn: 'everywhere', mayImport: ['src/core'], node: false },
      { folder: 'src/page', runsIn: 'the page', mayImport: ['src/page', 'src/core'], node: false },
      { folder: 'src/services', runsIn: 'Node', mayImport: ['src/services', 'src/core'], node: true },
    ],
    packageLayers: { pure: ['src/core', 'src/page', 'src/services'], ui: ['src/page'], native: ['src/services'], '@scope/native': ['src/services'], runner: [] },
  },
];
const inPage = path.join(root, 'src/page/probe.ts');
const inCore = path.join(root, 'src/core/probe.ts');
const inServices = path.join(root, 'src/services/probe.ts');
const inTest = path.join(root, 'test/probe.ts');

const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2023, sourceType: 'module' } });
const invalid = (filename: string, code: string, messageId: string) => ({ filename, code, options, errors: [{ messageId }] });

tester.run('layer-imports', layerImports, {
  valid: [
    { filename: inPage, code: "import { a } from '../core/a';\nimport { b } from './b';\nimport React from 'ui';\nimport { z } from 'pure/sub/path';", options },
    { filename: inServices, code: "import fs from 'node:fs';\nimport path from 'path';\nimport { n } from '@scope/native/sub';\nconst m = await import('native');", options },
    { filename: inCore, code: "export * from './other';\nexport type { T } from 'pure';\ntype U = import('./u').U;", options },
    { filename: inServices, code: '/// <reference types="node" />\nconst worker = new URL(\'./worker.ts\', import.meta.url);\nconst page = new URL(\'../page/x\', \'https://example.org/\');', options },
    { filename: inTest, code: "import { a } from '../src/services/a';\nimport 'runner';\nimport 'native';\nimport fs from 'node:fs';", options },
  ],
  invalid: [
    invalid(inPage, "const paths = import('../services/paths');", 'folder'),
    invalid(inPage, 'const paths = import(`../services/paths`);', 'folder'),
    invalid(inCore, "import type { Db } from '../page/db';", 'folder'),
    invalid(inCore, "export * from '../services/x';", 'folder'),
    invalid(inCore, "export { x } from '../page/x';", 'folder'),
    invalid(inCore, "type Paths = import('../services/paths').Paths;", 'folder'),
    invalid(inCore, "const fs = require('../services/fs');", 'folder'),
    invalid(inCore, "import fs = require('../services/fs');", 'folder'),
    invalid(inCore, "import '../../outside/file';", 'folder'),
    invalid(inPage, "import fs from 'node:fs';", 'builtin'),
    invalid(inPage, "import { join } from 'path/posix';", 'builtin'),
    invalid(inCore, "const fs = await import('fs');", 'builtin'),
    invalid(inPage, "import { n } from 'native/sub';", 'package'),
    invalid(inPage, "import '@scope/native';", 'package'),
    invalid(inCore, "import React from 'ui';", 'package'),
    invalid(inServices, "import 'runner';", 'package'),
    invalid(inServices, "import 'left-pad';", 'unclassified'),
    invalid(inTest, "import 'left-pad';", 'unclassified'),
    invalid(inPage, 'const name = "x";\nconst m = import(name);', 'computed'),
    invalid(inPage, 'const m = require(`./${1}`);', 'computed'),
    invalid(path.join(root, 'src/elsewhere/x.ts'), 'export const x = 1;', 'noLayer'),
    invalid(inCore, '/// <reference types="node" />\nexport const x = 1;', 'builtin'),
    invalid(inCore, '/// <reference types="ui" />\nexport const x = 1;', 'package'),
    invalid(inCore, '/// <reference path="../page/globals.d.ts" />\nexport const x = 1;', 'folder'),
    invalid(inCore, '/// <reference lib="dom" />\nexport const x = 1;', 'referenceLib'),
    invalid(inPage, "const worker = new Worker(new URL('../services/worker.ts', import.meta.url));", 'folder'),
  ],
});
