import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultServiceSettings, SettingsStore } from '../../../src/node/services/settings-store';

const defaults = { threads: 2, hubUrl: 'https://huggingface.co', importSizeLimitMb: 20, allowLocalNetworkImport: false, unverifiedDownloadHubs: [] };

function tempFile(): string {
  return path.join(mkdtempSync(path.join(os.tmpdir(), 'targum-settings-')), 'settings.json');
}

describe('SettingsStore', () => {
  it('starts from the defaults and keeps changes on disk', async () => {
    const file = tempFile();
    const store = new SettingsStore(file, defaults, () => undefined);
    expect(await store.get()).toEqual(defaults);
    await store.update({ threads: 4 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ...defaults, threads: 4 });
    expect(await new SettingsStore(file, defaults, () => undefined).get()).toEqual({ ...defaults, threads: 4 });
  });

  it('refuses an invalid change and keeps what was saved', async () => {
    const file = tempFile();
    const store = new SettingsStore(file, defaults, () => undefined);
    await store.update({ threads: 3 });
    await expect(store.update({ threads: 0 })).rejects.toThrow();
    expect(JSON.parse(readFileSync(file, 'utf8')).threads).toBe(3);
  });

  it('sets a damaged file aside instead of overwriting it, and says so', async () => {
    const file = tempFile();
    writeFileSync(file, '{"threads": "lots"');
    const warnings: string[] = [];
    const store = new SettingsStore(file, defaults, (message) => warnings.push(message));
    expect(await store.get()).toEqual(defaults);
    expect(warnings).toHaveLength(1);
    const aside = readdirSync(path.dirname(file)).find((name) => name.startsWith('settings.json.invalid-'));
    expect(aside && readFileSync(path.join(path.dirname(file), aside), 'utf8')).toBe('{"threads": "lots"');
  });

  it('takes the hub address from HF_ENDPOINT when one is set', () => {
    expect(defaultServiceSettings({ HF_ENDPOINT: 'https://hf-mirror.com/' }).hubUrl).toBe('https://hf-mirror.com');
    expect(defaultServiceSettings({}).hubUrl).toBe('https://huggingface.co');
  });
});
