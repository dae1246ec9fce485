import { readFile, rename } from 'node:fs/promises';
import os from 'node:os';
import { serviceSettingsSchema, type ServiceSettings } from '../../common/api/contract';
import { writeFileAtomic } from '../fs/atomic-write';

export function defaultServiceSettings(env: NodeJS.ProcessEnv = process.env): ServiceSettings {
  return {
    // One core is left to the interface and the decoding loop's own work: on two cores, one ONNX thread
    // translates an article faster than two (bench:translate prints both).
    threads: Math.max(1, Math.min(4, os.availableParallelism() - 1)),
    hubUrl: env.HF_ENDPOINT?.replace(/\/+$/, '') || 'https://huggingface.co',
    importSizeLimitMb: 20,
    allowLocalNetworkImport: false,
    unverifiedDownloadHubs: [],
  };
}

/** The services' settings, kept as JSON in the data folder. A damaged file is set aside, never overwritten. */
export class SettingsStore {
  private cached: ServiceSettings | undefined;

  constructor(
    private readonly file: string,
    private readonly defaults: ServiceSettings,
    private readonly warn: (message: string) => void,
  ) {}

  async get(): Promise<ServiceSettings> {
    this.cached ??= await this.load();
    return this.cached;
  }

  async update(changes: Partial<ServiceSettings>): Promise<ServiceSettings> {
    const next = serviceSettingsSchema.parse({ ...(await this.get()), ...changes });
    await writeFileAtomic(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.cached = next;
    return next;
  }

  private async load(): Promise<ServiceSettings> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch {
      return this.defaults;
    }
    try {
      return serviceSettingsSchema.parse({ ...this.defaults, ...(JSON.parse(text) as object) });
    } catch (error) {
      const aside = `${this.file}.invalid-${Date.now()}`;
      await rename(this.file, aside).catch(() => undefined);
      this.warn(`settings file was not valid (${error instanceof Error ? error.message : String(error)}); kept it as ${aside} and used defaults`);
      return this.defaults;
    }
  }
}
