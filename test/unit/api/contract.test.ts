import { describe, expect, it } from 'vitest';
import { localCall } from '../../../src/common/api/call';
import { createApiClient } from '../../../src/common/api/client';
import type { ApiServices, TranslationProgress } from '../../../src/common/api/contract';
import { createApiDispatcher } from '../../../src/common/api/dispatcher';
import { ApiCallError } from '../../../src/common/api/reply';
import { validateCall } from '../../../src/common/api/validation';
import type { ApiClientChannel, RawCallOptions } from '../../../src/common/rpc/channel';

const settings = { threads: 2, hubUrl: 'https://huggingface.co', importSizeLimitMb: 20, allowLocalNetworkImport: false, unverifiedDownloadHubs: [] };

/** The services these tests call; the others are never reached. */
function fakeServices(overrides: { settings?: Partial<ApiServices['settings']>; translation?: Partial<ApiServices['translation']> } = {}): ApiServices {
  return {
    settings: { get: async () => settings, update: async (changes: Partial<typeof settings>) => ({ ...settings, ...changes }), ...overrides.settings },
    files: {
      appInfo: async () => ({ name: 'Targum', version: '1.0.0', host: 'web', platform: 'linux', dataDir: '/data', modelsDir: '/data/models', runtime: { node: '20.0.0' } }),
      sampleArticles: async () => [],
    },
    translation: { ...overrides.translation },
  } as unknown as ApiServices;
}

const summary = { translated: 1, cancelled: false, modelId: 'm', dtype: 'q8' as const };
const batch = (done: number): TranslationProgress => ({ done, total: 2, results: [{ segmentId: `s${done}`, text: 'Hello.', modelId: 'm', dtype: 'q8', createdAt: 1 }] });

describe('validateCall', () => {
  it('accepts a known method of a service with valid parameters', () => {
    expect(validateCall('settings.update', { threads: 4 })).toMatchObject({ ok: true, call: { method: 'settings.update', params: { threads: 4 } } });
  });

  it('names an unknown method or service', () => {
    expect(validateCall('settings.deleteEverything', {})).toEqual({ ok: false, error: { code: 'invalid-input', message: 'unknown method "settings.deleteEverything"' } });
    expect(validateCall('shell.run', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(validateCall('settings', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(validateCall('settings.get.more', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(validateCall(42, {})).toMatchObject({ ok: false, error: { message: 'unknown method number' } });
  });

  it('does not treat inherited object properties as services or methods', () => {
    expect(validateCall('constructor.name', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(validateCall('settings.__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(validateCall('settings.constructor', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('names the parameter that was wrong and why', () => {
    const result = validateCall('settings.update', { threads: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^settings\.update: params\.threads: Too small/);
  });

  it('refuses parameters the method does not take', () => {
    const result = validateCall('settings.update', { threads: 2, shell: 'rm -rf /' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('shell');
  });

  it('refuses a hub address that is not http(s)', () => {
    expect(validateCall('settings.update', { hubUrl: 'file:///etc/passwd' }).ok).toBe(false);
    expect(validateCall('settings.update', { hubUrl: 'https://hf-mirror.example.org' }).ok).toBe(true);
  });

  it('refuses missing parameters', () => {
    expect(validateCall('files.appInfo', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('takes a model as an installed id or a folder, not both and nothing else', () => {
    const segments = [{ id: 'a', text: 'שלום' }];
    expect(validateCall('translation.translate', { segments, to: 'en', model: { id: 'opus-mt-ar-en' } }).ok).toBe(true);
    expect(validateCall('translation.translate', { segments, to: 'en', model: { folder: '/models/mine' } }).ok).toBe(true);
    expect(validateCall('translation.translate', { segments, to: 'en', model: { id: 'a', folder: '/b' } }).ok).toBe(false);
    expect(validateCall('translation.translate', { segments, to: 'en', model: 'opus-mt-ar-en' }).ok).toBe(false);
  });
});

describe('createApiDispatcher', () => {
  it('runs a valid call and replies with its value', async () => {
    const dispatch = createApiDispatcher(fakeServices());
    expect(await dispatch('settings.update', { threads: 3 }, localCall())).toEqual({ ok: true, value: { ...settings, threads: 3 } });
  });

  it('replies with a typed error instead of throwing when a service fails', async () => {
    const failures: string[] = [];
    const full = Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
    const dispatch = createApiDispatcher(
      fakeServices({
        settings: {
          get: async () => {
            throw new Error('surprise');
          },
          update: async () => {
            throw full;
          },
        },
        translation: {
          translate: async () => {
            throw new ApiCallError('no-model', 'no translation model is installed for he→en');
          },
        },
      }),
      (method) => failures.push(method),
    );
    expect(await dispatch('settings.get', {}, localCall())).toEqual({ ok: false, error: { code: 'failed', message: 'surprise' } });
    expect(await dispatch('settings.update', { threads: 2 }, localCall())).toEqual({ ok: false, error: { code: 'disk-full', message: 'no space left on device' } });
    expect(await dispatch('translation.translate', { segments: [], to: 'en' }, localCall())).toMatchObject({ ok: false, error: { code: 'no-model' } });
    expect(failures).toEqual(['settings.get', 'settings.update', 'translation.translate']);
  });

  it('does not pass on a result or a progress message that breaks the contract', async () => {
    const progress: unknown[] = [];
    const dispatch = createApiDispatcher(
      fakeServices({
        settings: { get: async () => ({ ...settings, threads: -1 }) },
        translation: {
          translate: async (_params, call) => {
            call.progress(batch(1));
            call.progress({ done: 'half' } as never);
            return summary;
          },
        },
      }),
    );
    expect(await dispatch('settings.get', {}, localCall())).toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(await dispatch('translation.translate', { segments: [], to: 'en' }, localCall({ onProgress: (value) => progress.push(value) }))).toMatchObject({ ok: true });
    expect(progress).toEqual([batch(1)]);
  });

  it('passes on the control messages a method takes, checked', async () => {
    const controls: unknown[] = [];
    let send: (value: unknown) => void = () => undefined;
    const dispatch = createApiDispatcher(
      fakeServices({
        translation: {
          translate: async (_params, call) => {
            call.onControl((value) => controls.push(value));
            send({ prioritize: ['s3'] });
            send({ prioritize: 'everything' });
            send({ delete: true });
            return summary;
          },
        },
      }),
    );
    await dispatch('translation.translate', { segments: [], to: 'en' }, { ...localCall(), onControl: (listener) => (send = listener) });
    expect(controls).toEqual([{ prioritize: ['s3'] }]);
  });

  it('answers malformed calls without running anything', async () => {
    let ran = false;
    const dispatch = createApiDispatcher(
      fakeServices({
        settings: {
          update: async () => {
            ran = true;
            return settings;
          },
        },
      }),
    );
    expect(await dispatch('settings.update', 'threads=3', localCall())).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(ran).toBe(false);
  });
});

describe('createApiClient', () => {
  /** A channel answering every call with `reply`, after sending `progress`. */
  function channel(reply: unknown, progress: unknown[] = [], seen: Array<{ method: string; params: unknown }> = []): ApiClientChannel {
    return {
      call: (method: string, params: unknown, options: RawCallOptions = {}) => {
        seen.push({ method, params });
        progress.forEach((value) => options.onProgress?.(value));
        return { reply: Promise.resolve(reply), control: () => undefined };
      },
      close: () => undefined,
    };
  }

  it('calls a service method by its grouped name and returns the value of a good reply', async () => {
    const seen: Array<{ method: string; params: unknown }> = [];
    const api = createApiClient('web', channel({ ok: true, value: settings }, [], seen));
    expect(await api.settings.get({})).toEqual(settings);
    expect(seen).toEqual([{ method: 'settings.get', params: {} }]);
    expect(api.host).toBe('web');
  });

  it('throws the error of a failed reply with its code', async () => {
    const api = createApiClient('web', channel({ ok: false, error: { code: 'no-model', message: 'none' } }));
    await expect(api.settings.get({})).rejects.toEqual(new ApiCallError('no-model', 'none'));
  });

  it('rejects a malformed reply, a value that breaks the contract, or an unknown error code', async () => {
    await expect(createApiClient('web', channel('surprise')).settings.get({})).rejects.toThrow(/malformed reply/);
    await expect(createApiClient('web', channel({ ok: true, value: { threads: 'many' } })).settings.get({})).rejects.toThrow(/result\.threads/);
    await expect(createApiClient('web', channel({ ok: false, error: { code: 'oops', message: 'x' } })).settings.get({})).rejects.toThrow(/malformed reply/);
  });

  it("passes on the call's valid progress messages only", async () => {
    const api = createApiClient('web', channel({ ok: true, value: summary }, [batch(1), { done: 'x' }, 'noise', batch(2)]));
    const received: TranslationProgress[] = [];
    expect(await api.translation.translate({ segments: [], to: 'en' }, { onProgress: (progress) => received.push(progress) })).toEqual(summary);
    expect(received).toEqual([batch(1), batch(2)]);
  });
});
