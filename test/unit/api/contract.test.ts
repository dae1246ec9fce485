import { describe, expect, it } from 'vitest';
import { createApiClient, type ApiTransport } from '../../../src/common/api/client';
import type { ApiEvent, ApiServices } from '../../../src/common/api/contract';
import { createApiDispatcher } from '../../../src/common/api/dispatcher';
import { ApiCallError } from '../../../src/common/api/reply';
import { validateCall } from '../../../src/common/api/validation';

const settings = { threads: 2, hubUrl: 'https://huggingface.co', importSizeLimitMb: 20 };

/** The services these tests call; the others are never reached. */
function fakeServices(overrides: Partial<ApiServices> = {}): ApiServices {
  const services: Partial<ApiServices> = {
    getAppInfo: async () => ({
      name: 'Targum',
      version: '1.0.0',
      host: 'web',
      platform: 'linux',
      dataDir: '/data',
      modelsDir: '/data/models',
      runtime: { node: '20.0.0' },
    }),
    getSettings: async () => settings,
    updateSettings: async (changes) => ({ ...settings, ...changes }),
    listSampleArticles: async () => [],
    ...overrides,
  };
  return services as ApiServices;
}

describe('validateCall', () => {
  it('accepts a known method with valid parameters', () => {
    expect(validateCall('updateSettings', { threads: 4 })).toEqual({ ok: true, call: { method: 'updateSettings', params: { threads: 4 } } });
  });

  it('names an unknown method', () => {
    expect(validateCall('deleteEverything', {})).toEqual({ ok: false, error: { code: 'invalid-request', message: 'unknown method "deleteEverything"' } });
    expect(validateCall(42, {})).toMatchObject({ ok: false, error: { message: 'unknown method number' } });
  });

  it('does not treat inherited object properties as methods', () => {
    expect(validateCall('constructor', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(validateCall('__proto__', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('names the parameter that was wrong and why', () => {
    const result = validateCall('updateSettings', { threads: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/^updateSettings: params\.threads: Too small/);
  });

  it('refuses parameters the method does not take', () => {
    const result = validateCall('updateSettings', { threads: 2, shell: 'rm -rf /' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('shell');
  });

  it('refuses a hub address that is not http(s)', () => {
    expect(validateCall('updateSettings', { hubUrl: 'file:///etc/passwd' }).ok).toBe(false);
    expect(validateCall('updateSettings', { hubUrl: 'https://hf-mirror.example.org' }).ok).toBe(true);
  });

  it('refuses missing parameters', () => {
    expect(validateCall('getAppInfo', undefined)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});

describe('createApiDispatcher', () => {
  it('runs a valid call and replies with its value', async () => {
    const dispatch = createApiDispatcher(fakeServices());
    expect(await dispatch('updateSettings', { threads: 3 })).toEqual({ ok: true, value: { ...settings, threads: 3 } });
  });

  it('replies with an error instead of throwing when a service fails', async () => {
    const failures: string[] = [];
    const dispatch = createApiDispatcher(
      fakeServices({
        getSettings: async () => {
          throw new Error('disk full');
        },
      }),
      (method) => failures.push(method),
    );
    expect(await dispatch('getSettings', {})).toEqual({ ok: false, error: { code: 'failed', message: 'disk full' } });
    expect(failures).toEqual(['getSettings']);
  });

  it('does not pass on a result that breaks the contract', async () => {
    const dispatch = createApiDispatcher(fakeServices({ getSettings: async () => ({ ...settings, threads: -1 }) }));
    const reply = await dispatch('getSettings', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('answers malformed calls without running anything', async () => {
    let ran = false;
    const dispatch = createApiDispatcher(
      fakeServices({
        updateSettings: async () => {
          ran = true;
          return settings;
        },
      }),
    );
    expect(await dispatch('updateSettings', 'threads=3')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(ran).toBe(false);
  });
});

describe('createApiClient', () => {
  function transport(reply: unknown, events: unknown[] = []): ApiTransport {
    return {
      host: 'web',
      call: async () => reply,
      onEvent: (listener) => {
        events.forEach((event) => listener(event));
        return () => undefined;
      },
    };
  }

  it('returns the value of a good reply', async () => {
    const api = createApiClient(transport({ ok: true, value: settings }));
    expect(await api.getSettings({})).toEqual(settings);
  });

  it('throws the error of a failed reply with its code', async () => {
    const api = createApiClient(transport({ ok: false, error: { code: 'invalid-request', message: 'bad' } }));
    await expect(api.getSettings({})).rejects.toEqual(new ApiCallError('invalid-request', 'bad'));
  });

  it('rejects a malformed reply or a value that breaks the contract', async () => {
    await expect(createApiClient(transport('surprise')).getSettings({})).rejects.toThrow(/malformed reply/);
    await expect(createApiClient(transport({ ok: true, value: { threads: 'many' } })).getSettings({})).rejects.toThrow(/result\.threads/);
  });

  it('passes on valid events only', () => {
    const good: ApiEvent = { type: 'progress', taskId: 't', label: 'Downloading', done: 1, total: 2 };
    const api = createApiClient(transport({ ok: true, value: null }, [good, { type: 'progress', done: 'x' }, 'noise']));
    const received: ApiEvent[] = [];
    api.onEvent((event) => received.push(event));
    expect(received).toEqual([good]);
  });
});
