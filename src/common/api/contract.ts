/**
 * The one API through which the renderer reaches everything that needs Node.
 *
 * Each method is a pair of schemas: what the caller sends and what comes back. Both hosts (desktop and
 * web) carry the same calls; every message is validated where it crosses a process boundary, with these
 * schemas, on the receiving side.
 */
import { z } from 'zod';

export const hostKinds = ['desktop', 'web', 'cli'] as const;
export type HostKind = (typeof hostKinds)[number];

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(hostKinds),
  platform: z.string(),
  dataDir: z.string(),
  modelsDir: z.string(),
  runtime: z.object({ node: z.string(), electron: z.string().optional() }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Settings that the Node services use; they live in the data folder, shared by the app, web host and CLI. */
export const serviceSettingsSchema = z.object({
  /** Threads for translation (ONNX intra-op threads). */
  threads: z.number().int().min(1).max(64),
  /** Base URL of the model hub or a mirror of it (like HF_ENDPOINT). */
  hubUrl: z.url({ protocol: /^https?$/ }),
  /** Largest file the importer accepts, in megabytes. */
  importSizeLimitMb: z.number().min(1).max(1024),
});
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;

export const sampleArticleSchema = z.object({
  fileName: z.string(),
  text: z.string(),
});
export type SampleArticle = z.infer<typeof sampleArticleSchema>;

const noParams = z.strictObject({});

export const apiMethods = {
  getAppInfo: { params: noParams, result: appInfoSchema },
  getSettings: { params: noParams, result: serviceSettingsSchema },
  updateSettings: { params: serviceSettingsSchema.partial().strict(), result: serviceSettingsSchema },
  listSampleArticles: { params: noParams, result: z.array(sampleArticleSchema) },
} as const satisfies Record<string, { params: z.ZodType; result: z.ZodType }>;

export type ApiMethod = keyof typeof apiMethods;
export type ApiParams<M extends ApiMethod> = z.input<(typeof apiMethods)[M]['params']>;
export type ApiResult<M extends ApiMethod> = z.output<(typeof apiMethods)[M]['result']>;

/** Events the services push to the renderer while work goes on. */
export const apiEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    taskId: z.string(),
    label: z.string(),
    done: z.number().nonnegative(),
    total: z.number().nonnegative(),
  }),
]);
export type ApiEvent = z.infer<typeof apiEventSchema>;
export type ApiEventListener = (event: ApiEvent) => void;

/** What the services implement: one async function per method. */
export type ApiServices = { [M in ApiMethod]: (params: z.output<(typeof apiMethods)[M]['params']>) => Promise<ApiResult<M>> };

/** What the renderer holds: the same functions, plus a subscription to events. */
export type TargumApi = { [M in ApiMethod]: (params: ApiParams<M>) => Promise<ApiResult<M>> } & {
  readonly host: HostKind;
  onEvent(listener: ApiEventListener): () => void;
};

export function isApiMethod(name: unknown): name is ApiMethod {
  return typeof name === 'string' && Object.hasOwn(apiMethods, name);
}
