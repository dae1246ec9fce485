/**
 * The one API through which the renderer reaches everything that needs Node.
 *
 * Each method is a pair of schemas: what the caller sends and what comes back. Both hosts (desktop and
 * web) carry the same calls; every message is validated where it crosses a process boundary, with these
 * schemas, on the receiving side.
 */
import { z } from 'zod';
import { modelDtypeSchema, modelInfoSchema, translationLanguageSchema } from '../models/model-info';

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

const requestIdSchema = z.string().min(1).max(128);

export const translateParamsSchema = z.strictObject({
  requestId: requestIdSchema,
  segments: z.array(z.strictObject({ id: z.string().min(1).max(128), text: z.string().max(20_000) })).max(50_000),
  /** Detected from the script when not given. */
  from: translationLanguageSchema.optional(),
  to: translationLanguageSchema,
  /** An installed model's id; the recommended installed model for the direction when not given. */
  modelId: z.string().min(1).max(200).optional(),
  dtype: modelDtypeSchema.optional(),
  beams: z.number().int().min(1).max(8).optional(),
  /** Segment ids to translate first (the paragraphs on screen). */
  priority: z.array(z.string().max(128)).max(50_000).optional(),
});
export type TranslateParams = z.infer<typeof translateParamsSchema>;

export const translationSummarySchema = z.object({
  requestId: z.string(),
  translated: z.number().int().nonnegative(),
  cancelled: z.boolean(),
  modelId: z.string(),
  dtype: modelDtypeSchema,
});

export const catalogEntrySchema = z.object({
  id: z.string(),
  hubId: z.string(),
  revision: z.string(),
  license: z.string(),
  family: modelInfoSchema.shape.family,
  from: z.array(translationLanguageSchema),
  to: z.array(translationLanguageSchema),
  sizeBytes: z.number().int().nonnegative(),
  files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative().optional() })),
  default: z.boolean().optional(),
  /** Directions the entry is recommended for, when not all it translates. */
  defaultFor: z.array(z.string()).optional(),
  description: z.string(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** An article fetched by the services from an address the reader gave; the renderer imports it like a dropped file. */
export const fetchedArticleSchema = z.object({
  /** The body as sent, base64: its encoding is detected like a file's. */
  bytes: z.base64(),
  contentType: z.string().max(500),
  /** The address the page came from after redirects. */
  finalUrl: z.url({ protocol: /^https?$/ }),
  fileName: z.string().min(1).max(255),
});
export type FetchedArticle = z.infer<typeof fetchedArticleSchema>;

export const apiMethods = {
  getAppInfo: { params: noParams, result: appInfoSchema },
  getSettings: { params: noParams, result: serviceSettingsSchema },
  updateSettings: { params: serviceSettingsSchema.partial().strict(), result: serviceSettingsSchema },
  listSampleArticles: { params: noParams, result: z.array(sampleArticleSchema) },
  listModels: { params: noParams, result: z.array(modelInfoSchema) },
  getModelCatalog: { params: noParams, result: z.array(catalogEntrySchema) },
  /** Downloads a catalog model; progress comes as events with taskId `install:<id>`. */
  installModel: { params: z.strictObject({ catalogId: z.string().min(1).max(200) }), result: modelInfoSchema },
  cancelModelInstall: { params: z.strictObject({ catalogId: z.string().min(1).max(200) }), result: z.object({ cancelled: z.boolean() }) },
  /** Copies a model folder (a path on the machine running the services) into the models folder. */
  importModel: { params: z.strictObject({ path: z.string().min(1).max(4096), id: z.string().min(1).max(100).optional() }), result: modelInfoSchema },
  /** Fetches a web page, text or Word document for import (http/https, size limit from the settings). */
  fetchArticle: { params: z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(8192) }), result: fetchedArticleSchema },
  removeModel: { params: z.strictObject({ id: z.string().min(1).max(200) }), result: z.object({ removed: z.literal(true) }) },
  /** Translates sentences; each result comes as a `translation` event as soon as its batch is done. */
  translate: { params: translateParamsSchema, result: translationSummarySchema },
  cancelTranslation: { params: z.strictObject({ requestId: requestIdSchema }), result: z.object({ cancelled: z.boolean() }) },
  prioritizeTranslation: {
    params: z.strictObject({ requestId: requestIdSchema, segmentIds: z.array(z.string().max(128)).max(50_000) }),
    result: z.object({}),
  },
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
    /** For downloads: the file being fetched. */
    file: z.object({ name: z.string(), done: z.number().nonnegative(), total: z.number().nonnegative() }).optional(),
  }),
  z.object({
    type: z.literal('translation'),
    requestId: z.string(),
    segmentId: z.string(),
    text: z.string(),
    modelId: z.string(),
    dtype: modelDtypeSchema,
    createdAt: z.number(),
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
