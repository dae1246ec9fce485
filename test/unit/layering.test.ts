import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('no-restricted')).map((message) => message.message);
}

describe('the layering lint rule', () => {
  it('keeps Node, the DOM, Electron and other layers out of shared code', async () => {
    const errors = await layerErrors(
      'src/common/probe.ts',
      "import fs from 'node:fs';\nimport { app } from 'electron';\nimport { TargumDatabase } from '../renderer/db/database';\nexport const probe = [fs, app, TargumDatabase, document.title, process.env];\n",
    );
    expect(errors).toHaveLength(5);
  });

  it('keeps Node and Electron out of the renderer', async () => {
    const errors = await layerErrors('src/renderer/probe.ts', "import path from 'path';\nimport { ipcRenderer } from 'electron';\nexport const probe = [path, ipcRenderer, Buffer];\n");
    expect(errors).toHaveLength(3);
  });

  it('keeps Electron and the UI out of the Node services', async () => {
    const errors = await layerErrors('src/node/probe.ts', "import { app } from 'electron';\nimport { App } from '../renderer/app/App';\nexport const probe = [app, App];\n");
    expect(errors).toHaveLength(2);
  });

  it('lets each layer use what it is for', async () => {
    expect(await layerErrors('src/node/probe.ts', "import fs from 'node:fs';\nexport const probe = [fs, process.env];\n")).toEqual([]);
    expect(await layerErrors('src/main/probe.ts', "import { app } from 'electron';\nimport path from 'node:path';\nexport const probe = [app, path];\n")).toEqual([]);
    expect(await layerErrors('src/renderer/probe.ts', 'export const probe = [document.title, window.location];\n')).toEqual([]);
  });
});
