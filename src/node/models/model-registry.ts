import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CallSignal } from '../../common/api/call';
import type { TransferProgress } from '../../common/api/contract';
import type { ModelInfo } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';

/** A model's languages, given by its user for a folder that does not name them. */
export interface ModelDirection {
  from: readonly TextLanguage[];
  to: readonly TextLanguage[];
}
import { modelsForDirection } from '../../common/models/model-info';
import { writeFileAtomic } from '../fs/atomic-write';
import { copyFolder } from '../fs/copy-folder';
import { inspectModelFolder, manifestFileName, ModelFolderError, type ModelManifest } from '../translation/model-folder';

/** Folders in the models folder that are not models: downloads and imports in progress, removals. */
export const stagingFolderName = '.partial';
const trashFolderName = '.trash';

const validId = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/;

export function checkModelId(id: string): string {
  if (!validId.test(id)) throw new ModelFolderError(`"${id}" is not a usable model id: use letters, digits, dot, dash and underscore`);
  return id;
}

/** An import whose id is taken: the caller chooses to replace the model or keep both. */
export class ModelExists extends ModelFolderError {
  constructor(
    message: string,
    readonly id: string,
  ) {
    super(message);
  }
}

/** The id with the first free number after it: `name-2`, `name-3`… */
function freeId(id: string, installed: readonly ModelInfo[]): string {
  const taken = new Set(installed.map((model) => model.id));
  for (let number = 2; ; number += 1) {
    const candidate = checkModelId(`${id.slice(0, 95)}-${number}`);
    if (!taken.has(candidate)) return candidate;
  }
}

/**
 * The models Targum can use: those shipped in resources/models (found first), then those installed or
 * imported into the models folder, which the desktop app, the web host and the command line share.
 */
export class ModelRegistry {
  constructor(
    readonly bundledDir: string,
    readonly modelsDir: string,
    private readonly log: (message: string) => void,
  ) {}

  async list(): Promise<ModelInfo[]> {
    const bundled = await this.scan(this.bundledDir, 'bundled');
    const local = await this.scan(this.modelsDir, 'installed');
    const bundledIds = new Set(bundled.map((model) => model.id));
    return [...bundled, ...local.filter((model) => !bundledIds.has(model.id))];
  }

  async get(id: string): Promise<ModelInfo> {
    const model = (await this.list()).find((candidate) => candidate.id === id);
    if (!model) throw new ModelFolderError(`no model "${id}" is installed; "targum models list" shows the installed ones`);
    return model;
  }

  /** The first installed model for a direction, the demo model only when no other fits, or undefined. */
  async findFor(from: TextLanguage, to: TextLanguage, preferredIds: readonly string[] = []): Promise<ModelInfo | undefined> {
    const candidates = modelsForDirection(await this.list(), from, to);
    const preferred = preferredIds.map((id) => candidates.find((model) => model.id === id)).find((model) => model !== undefined);
    return preferred ?? candidates[0];
  }

  /** Copies a model folder into the models folder, after checking it; the copy appears whole or not at all (a cancelled one not at all). */
  async importFolder(
    source: string,
    requestedId?: string,
    options: { signal?: CallSignal; onProgress?: (progress: TransferProgress) => void; direction?: ModelDirection; ifExists?: 'replace' | 'keep-both' } = {},
  ): Promise<ModelInfo> {
    const inspected = await inspectModelFolder(path.resolve(source), 'imported', options.direction);
    const installed = await this.list();
    let id = checkModelId(requestedId ?? inspected.id);
    const existing = installed.find((model) => model.id === id);
    if (existing && options.ifExists === 'keep-both') id = freeId(id, installed);
    else if (existing && (options.ifExists !== 'replace' || existing.source === 'bundled'))
      throw new ModelExists(existing.source === 'bundled' ? `"${id}" ships with Targum: it cannot be replaced, but both can be kept` : `a model "${id}" is already installed`, id);
    const staging = path.join(this.modelsDir, stagingFolderName, `import-${id}-${Date.now()}`);
    try {
      await mkdir(path.dirname(staging), { recursive: true });
      await copyFolder(inspected.path, staging, options);
      const manifest: ModelManifest = { id, from: inspected.from, to: inspected.to, family: inspected.family, source: 'imported' };
      await writeFileAtomic(path.join(staging, manifestFileName), `${JSON.stringify(manifest, null, 2)}\n`);
      // The model replaced goes only once its successor is whole.
      if (id === existing?.id) await this.remove(id);
      await rename(staging, path.join(this.modelsDir, id));
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
    return inspectModelFolder(path.join(this.modelsDir, id));
  }

  async remove(id: string): Promise<void> {
    const model = await this.get(id);
    if (model.source === 'bundled') throw new ModelFolderError(`"${id}" ships with Targum and cannot be removed`);
    const trash = path.join(this.modelsDir, trashFolderName, `${id}-${Date.now()}`);
    await mkdir(path.dirname(trash), { recursive: true });
    // Moved aside first, so a half-deleted folder is never listed as a model.
    await rename(model.path, trash);
    await rm(trash, { recursive: true, force: true });
  }

  private async scan(folder: string, fallbackSource: ModelInfo['source']): Promise<ModelInfo[]> {
    const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
    const models: ModelInfo[] = [];
    for (const entry of entries) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      try {
        const model = await inspectModelFolder(path.join(folder, entry.name), fallbackSource);
        models.push(fallbackSource === 'bundled' ? { ...model, source: 'bundled' } : model);
      } catch (error) {
        this.log(`skipped ${path.join(folder, entry.name)}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    return models.sort((a, b) => a.id.localeCompare(b.id));
  }
}
