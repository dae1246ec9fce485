import { ESLint } from 'eslint';
import { execFile } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classificationProblems } from '../../eslint/layers.js';

/**
 * One probe per way a file could once reach past its layer: each is linted as a file of that layer with the
 * project's ESLint configuration (ESLint's API, as `npx eslint --stdin --stdin-filename` does), and must be refused
 * by the layering rule with a message naming the layer and what it may use.
 */
const eslint = new ESLint();

async function layeringMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'targum/layer-imports' || message.ruleId === 'no-restricted-globals' || message.fatal)
    .map((message) => message.message);
}

const holes: { name: string; file: string; code: string; refusal: RegExp }[] = [
  { name: 'a dynamic import of src/node from the renderer', file: 'src/renderer/probe.ts', code: "export const load = () => import('../node/paths');", refusal: /^src\/renderer may not import src\/node \('\.\.\/node\/paths'\)\. src\/renderer .* may import src\/renderer, src\/common and the packages .*react/ },
  { name: 'a dynamic import of src/node from shared code', file: 'src/common/probe.ts', code: "export const load = () => import('../node/paths');", refusal: /^src\/common may not import src\/node/ },
  { name: 'electron/renderer in the renderer', file: 'src/renderer/probe.ts', code: "import { ipcRenderer } from 'electron/renderer';\nexport { ipcRenderer };", refusal: /^src\/renderer may not use the package electron \('electron\/renderer'\), which runs only in src\/main, src\/preload/ },
  ...['onnxruntime-node', 'jsdom', 'ws', '@huggingface/transformers'].flatMap((name) =>
    ['src/renderer', 'src/common'].map((layer) => ({
      name: `${name} in ${layer}`,
      file: `${layer}/probe.ts`,
      code: `import * as probe from '${name}';\nexport { probe };`,
      refusal: new RegExp(`^${layer} may not use the package ${name} .*which runs only in src/node, src/server, src/cli, src/main`),
    })),
  ),
  { name: 'a type-only import across layers', file: 'src/common/probe.ts', code: "import type { TargumDatabase } from '../renderer/db/database';\nexport type Probe = TargumDatabase;", refusal: /^src\/common may not import src\/renderer/ },
  { name: "an import('…') type across layers", file: 'src/common/probe.ts', code: "export type Probe = typeof import('../node/paths');", refusal: /^src\/common may not import src\/node/ },
  { name: 'a re-export of everything across layers', file: 'src/renderer/probe.ts', code: "export * from '../node/paths';", refusal: /^src\/renderer may not import src\/node/ },
  { name: 'a named re-export across layers', file: 'src/preload/probe.ts', code: "export { resolveDataPaths } from '../node/paths';", refusal: /^src\/preload may not import src\/node/ },
  { name: 'require() across layers', file: 'src/common/probe.ts', code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const paths: unknown = require('../node/paths');", refusal: /^src\/common may not import src\/node/ },
  { name: "Node's types by a triple-slash reference in shared code", file: 'src/common/probe.ts', code: '/// <reference types="node" />\nexport const probe = 1;', refusal: /^src\/common runs without Node: no Node built-in \('\/\/\/ <reference types="node" \/>'\)/ },
  { name: 'a worker from another layer', file: 'src/renderer/probe.ts', code: "export const start = () => new Worker(new URL('../node/services/worker.ts', import.meta.url));", refusal: /^src\/renderer may not import src\/node/ },
  { name: 'an unclassified package', file: 'src/renderer/probe.ts', code: "import leftPad from 'left-pad';\nexport { leftPad };", refusal: /^The package left-pad \('left-pad'\) is not classified/ },
  { name: 'a Node built-in in the renderer', file: 'src/renderer/probe.ts', code: "import { readFile } from 'node:fs/promises';\nexport { readFile };", refusal: /^src\/renderer runs without Node: no Node built-in \('node:fs\/promises'\)/ },
  { name: 'Electron in the services', file: 'src/node/probe.ts', code: "import { app } from 'electron';\nexport { app };", refusal: /^src\/node may not use the package electron/ },
  { name: 'the interface in the services', file: 'src/node/probe.ts', code: "import { App } from '../renderer/app/App';\nexport { App };", refusal: /^src\/node may not import src\/renderer/ },
  { name: 'a folder of src/ that is no layer', file: 'src/shared/probe.ts', code: 'export const probe = 1;', refusal: /^src\/shared\/probe\.ts is in no layer/ },
  { name: 'Node globals in shared code', file: 'src/common/probe.ts', code: 'export const probe = [process.env, Buffer.alloc(1)];', refusal: /^Unexpected use of 'process'\. src\/common runs without Node/ },
  { name: 'the DOM in shared code', file: 'src/common/probe.ts', code: 'export const probe = document.title;', refusal: /^Unexpected use of 'document'\. src\/common runs without a DOM/ },
];

describe('the layering rule refuses every way past a layer', () => {
  it.each(holes)('$name', async ({ file, code, refusal }) => {
    const messages = await layeringMessages(file, code);
    expect(messages).toContainEqual(expect.stringMatching(refusal));
  });

  it('lets each layer use what it is for', async () => {
    expect(await layeringMessages('src/renderer/probe.ts', "import { useState } from 'react';\nimport { Dexie } from 'dexie';\nimport { z } from 'zod';\nimport { foldText } from '../common/text/fold';\nexport const probe = [useState, Dexie, z, foldText, document.title];\n")).toEqual([]);
    expect(await layeringMessages('src/node/probe.ts', "import fs from 'node:fs';\nimport type { InferenceSession } from 'onnxruntime-node';\nexport const load = () => import('@huggingface/transformers');\nexport type Session = InferenceSession;\nexport const probe = [fs, process.env];\n")).toEqual([]);
    expect(await layeringMessages('src/main/probe.ts', "import { app } from 'electron';\nimport path from 'node:path';\nimport { resolveDataPaths } from '../node/paths';\nexport const probe = [app, path, resolveDataPaths];\n")).toEqual([]);
    expect(await layeringMessages('src/common/probe.ts', "import { z } from 'zod';\nexport * from './text/fold';\nexport const probe = z.string();\n")).toEqual([]);
  });
});

describe("package.json's dependencies", () => {
  const packageJson = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };

  it('are each classified by the layers they may run in, and nothing else is', () => {
    expect(classificationProblems(packageJson)).toEqual([]);
  });

  it('fail the classification when one is new', () => {
    expect(classificationProblems({ ...packageJson, dependencies: { ...packageJson.dependencies, 'left-pad': '^1.3.0' } })).toEqual([
      "package.json's dependency left-pad is not classified in eslint/layers.js: list the layers it may run in",
    ]);
  });
});

/**
 * The errors that the layer's own type-check (tsc -p tsconfig.<layer>.json, over the whole layer, since any file's
 * imports can pull in another runtime's types) reports in a probe file written into the layer's folder.
 */
async function typeErrors(layer: 'common' | 'renderer', code: string): Promise<string[]> {
  const name = `layering-probe-${process.pid}.ts`;
  const probe = path.resolve(`src/${layer}`, name);
  writeFileSync(probe, code);
  try {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const output = await promisify(execFile)(process.execPath, [tsc, '-p', `tsconfig.${layer}.json`]).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    return output.split('\n').filter((line) => line.startsWith(`src/${layer}/${name}`));
  } finally {
    rmSync(probe, { force: true });
  }
}

describe("each layer's type-check sees only its own runtime's types", () => {
  it('refuses node:fs, process and Buffer in shared code', async () => {
    const errors = await typeErrors('common', "import { readFileSync } from 'node:fs';\nexport const probe = [readFileSync, process.env, Buffer.alloc(1)];\n");
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/Cannot find module 'node:fs'/);
    expect(errors[1]).toMatch(/Cannot find name 'process'/);
    expect(errors[2]).toMatch(/Cannot find name 'Buffer'/);
  }, 180_000);

  it('refuses process in the renderer, and accepts the DOM there', async () => {
    const errors = await typeErrors('renderer', 'export const probe = [document.title, process.env];\n');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/Cannot find name 'process'/);
  }, 180_000);
});
