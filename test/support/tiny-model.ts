import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ModelRegistry } from '../../src/node/models/model-registry';

export const tinyModelFolder = path.resolve('test/fixtures/models/targum-tiny-mul-en');

export interface PhrasebookEntry {
  language: 'ar' | 'he';
  source: string;
  english: string;
}

/** The sentences the tiny model was trained to reproduce exactly. */
export function readPhrasebook(): PhrasebookEntry[] {
  return readFileSync(path.resolve('test/fixtures/phrasebook/phrasebook.tsv'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [language, source, english] = line.split('\t');
      return { language: language as 'ar' | 'he', source: source!, english: english! };
    });
}

const temporaryFolders: string[] = [];

/** A models folder of its own with the tiny model imported the way a user imports a folder. */
export async function registryWithTinyModel(): Promise<{ registry: ModelRegistry; modelsDir: string }> {
  const modelsDir = mkdtempSync(path.join(os.tmpdir(), 'targum-models-'));
  temporaryFolders.push(modelsDir);
  const registry = new ModelRegistry(path.join(modelsDir, 'no-bundled-models'), modelsDir, () => undefined);
  await registry.importFolder(tinyModelFolder);
  return { registry, modelsDir };
}

/** Removes the models folders made by registryWithTinyModel. */
export function removeTemporaryModels(): void {
  for (const folder of temporaryFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
