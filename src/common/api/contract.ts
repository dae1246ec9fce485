/**
 * The one API through which the renderer reaches everything that needs Node, grouped by service.
 *
 * Each method is a pair of schemas, what the caller sends and what comes back; a long call adds the
 * schema of its progress messages (sent to its caller only) and of the control messages its caller may
 * send it while it runs. Any call can be cancelled by its caller. Both hosts (desktop and web) carry the
 * same calls; every message is validated where it crosses a process boundary, with these schemas, on the
 * receiving side.
 */
import { z } from 'zod';
import type { CallContext, CallSignal } from './call';
import { modelDtypeSchema, modelInfoSchema, translationLanguageSchema } from '../models/model-info';
import { teamConfigureSchema, teamStatusSchema, teamViewSchema } from '../team/team-config';

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
  /** Import from addresses on this machine and its local network (an intranet page); off by default. */
  allowLocalNetworkImport: z.boolean(),
  /** Hubs (mirrors that send no hashes) whose files over 10 MB are installed without a SHA-256 to check. */
  unverifiedDownloadHubs: z.array(z.url({ protocol: /^https?$/ })).max(50),
});
export type ServiceSettings = z.infer<typeof serviceSettingsSchema>;

export const sampleArticleSchema = z.object({
  fileName: z.string(),
  text: z.string(),
});
export type SampleArticle = z.infer<typeof sampleArticleSchema>;

/**
 * What went wrong with a call, for the interface to act on: `no-model` offers a model, `cancelled` is no
 * error to show, `offline` says to check the connection, `invalid-input` names the parameter at fault,
 * `unknown-direction` asks which languages a model folder translates, `exists` asks whether to replace a model or keep both.
 */
export const apiErrorCodes = ['invalid-input', 'no-model', 'unknown-direction', 'exists', 'offline', 'cancelled', 'disk-full', 'not-found', 'unavailable', 'failed'] as const;
export type ApiErrorCode = (typeof apiErrorCodes)[number];

const noParams = z.strictObject({});

const segmentIdSchema = z.string().min(1).max(128);

/** Which model translates: an installed model's id, or a model folder used in place (the command line's --model DIR). */
export const modelChoiceSchema = z.union([
  z.strictObject({ id: z.string().min(1).max(200) }),
  z.strictObject({ folder: z.string().min(1).max(4096) }),
]);
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

export const modelDirectionSchema = z.strictObject({ from: z.array(translationLanguageSchema).min(1).max(3), to: z.array(translationLanguageSchema).min(1).max(3) });

export const translateParamsSchema = z.strictObject({
  segments: z.array(z.strictObject({ id: segmentIdSchema, text: z.string().max(20_000) })).max(50_000),
  /** Detected from the script when not given. */
  from: translationLanguageSchema.optional(),
  to: translationLanguageSchema,
  /** The recommended installed model for the direction when not given. */
  model: modelChoiceSchema.optional(),
  dtype: modelDtypeSchema.optional(),
  beams: z.number().int().min(1).max(8).optional(),
  /** Segment ids to translate first (the paragraphs on screen). */
  priority: z.array(z.string().max(128)).max(50_000).optional(),
});
export type TranslateParams = z.infer<typeof translateParamsSchema>;

export const translationSummarySchema = z.object({
  translated: z.number().int().nonnegative(),
  cancelled: z.boolean(),
  modelId: z.string(),
  dtype: modelDtypeSchema,
  /** Why the precision used is not the usual one (q8 found unreliable for this model), said once, when found. */
  dtypeNote: z.string().optional(),
});
export type TranslationSummary = z.infer<typeof translationSummarySchema>;

/** Character offsets [start, end) in a text. */
export const textSpanSchema = z.strictObject({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() }).refine((span) => span.end > span.start, 'a span ends after it starts');
export type TextSpan = z.infer<typeof textSpanSchema>;

export const segmentTranslatedSchema = z.object({
  segmentId: z.string(),
  text: z.string(),
  modelId: z.string(),
  dtype: modelDtypeSchema,
  createdAt: z.number(),
  /** exp of the mean token log-probability (absent when the engine translated without confidences). */
  confidence: z.number().min(0).max(1).optional(),
  /** The English words the model was unsure of, as character offsets in `text`. */
  unsure: z.array(textSpanSchema).max(10_000).optional(),
});
export type SegmentTranslated = z.infer<typeof segmentTranslatedSchema>;

/** One message per finished batch: its results, and how far the whole request has come. */
export const translationProgressSchema = z.object({
  done: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  results: z.array(segmentTranslatedSchema),
});
export type TranslationProgress = z.infer<typeof translationProgressSchema>;

/** What the caller of a running translation may send it: sentences that came on screen go first. */
export const translationControlSchema = z.strictObject({ prioritize: z.array(z.string().max(128)).max(50_000) });

/** Bytes done of a download or a copy; for downloads, the file being fetched. */
export const transferProgressSchema = z.object({
  done: z.number().nonnegative(),
  total: z.number().nonnegative(),
  file: z.object({ name: z.string(), done: z.number().nonnegative(), total: z.number().nonnegative() }).optional(),
});
export type TransferProgress = z.infer<typeof transferProgressSchema>;

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
  /** The fp32 ONNX files, when the entry's own are q8. */
  fp32Files: z.array(z.object({ path: z.string(), size: z.number().int().nonnegative().optional() })).optional(),
  default: z.boolean().optional(),
  /** Directions the entry is recommended for, when not all it translates. */
  defaultFor: z.array(z.string()).optional(),
  description: z.string(),
  /** Its published quality, with the benchmark and direction it was measured on. */
  quality: z.string().optional(),
});
export type CatalogEntry = z.infer<typeof catalogEntrySchema>;

/** The largest piece of an uploaded file in one call. */
export const uploadChunkBytes = 4 * 1024 * 1024;
const uploadChunkBase64Length = Math.ceil(uploadChunkBytes / 3) * 4;
const uploadIdSchema = z.string().regex(/^[a-f0-9-]{36}$/);
/** A file's path inside an uploaded folder: relative, forward slashes, no `.` or `..` parts. */
export const uploadPathSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((value) => value.split('/').every((part) => part !== '' && part !== '.' && part !== '..' && !/[\\\0:]/.test(part)), 'a relative path inside the folder');
export const modelUploadSchema = z.strictObject({
  /** The folder's name, which can name the model and its languages. */
  name: z.string().min(1).max(255).refine((value) => !/[\\/\0:]/.test(value) && value !== '.' && value !== '..', 'a folder name'),
  files: z
    .array(z.strictObject({ path: uploadPathSchema, size: z.number().int().nonnegative().max(8 * 1024 ** 3) }))
    .min(1)
    .max(500),
});
export type ModelUpload = z.infer<typeof modelUploadSchema>;

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

/** The schemas of one method. */
export interface MethodSchemas {
  params: z.ZodType;
  result: z.ZodType;
  progress?: z.ZodType;
  control?: z.ZodType;
}

export const apiContract = {
  settings: {
    get: { params: noParams, result: serviceSettingsSchema },
    update: { params: serviceSettingsSchema.partial().strict(), result: serviceSettingsSchema },
  },
  team: {
    /** The team space as configured, without its password: credentials never reach the interface. */
    get: { params: noParams, result: teamViewSchema },
    /** Saves the team space (the password kept by the host, never in the interface) and checks the server. */
    configure: { params: teamConfigureSchema, result: teamStatusSchema },
    /** Asks the team's server now: connected, offline, bad credentials or no such database. */
    check: { params: noParams, result: teamStatusSchema },
    /** Leaves the team space: forgets its server and credentials. */
    leave: { params: noParams, result: z.object({ left: z.literal(true) }) },
  },
  files: {
    /** The app's version and where its data folder and models folder are. */
    appInfo: { params: noParams, result: appInfoSchema },
    /** The first-run sample library shipped with the app. */
    sampleArticles: { params: noParams, result: z.array(sampleArticleSchema) },
  },
  models: {
    list: { params: noParams, result: z.array(modelInfoSchema) },
    catalog: { params: noParams, result: z.array(catalogEntrySchema) },
    /** Downloads a catalog model, with progress per file and in total. */
    install: { params: z.strictObject({ catalogId: z.string().min(1).max(200) }), result: modelInfoSchema, progress: transferProgressSchema },
    /**
     * Copies a model folder into the models folder: a path on the machine running the services (the desktop's
     * folder chooser, the command line), or a folder uploaded with `uploadBegin` and `uploadChunk`.
     */
    import: {
      params: z
        .strictObject({
          path: z.string().min(1).max(4096).optional(),
          uploadId: uploadIdSchema.optional(),
          id: z.string().min(1).max(100).optional(),
          /** The model's direction, for a folder that does not name its languages. */
          direction: modelDirectionSchema.optional(),
          /** What to do when a model of the same id is installed; without it the call fails with `exists`. */
          ifExists: z.enum(['replace', 'keep-both']).optional(),
        })
        .refine((params) => (params.path === undefined) !== (params.uploadId === undefined), 'give either path or uploadId'),
      result: modelInfoSchema,
      progress: transferProgressSchema,
    },
    /** Starts uploading a model folder from the web page's folder picker: its name, and each file's path inside it and size. */
    uploadBegin: { params: modelUploadSchema, result: z.object({ uploadId: uploadIdSchema }) },
    /** One piece of a file of an upload, in order: at most 4 MB, base64. */
    uploadChunk: {
      params: z.strictObject({ uploadId: uploadIdSchema, path: uploadPathSchema, offset: z.number().int().nonnegative(), data: z.base64().max(uploadChunkBase64Length) }),
      result: z.object({ received: z.number().int().nonnegative() }),
    },
    /** Drops an upload that will not be imported. */
    uploadDiscard: { params: z.strictObject({ uploadId: uploadIdSchema }), result: z.object({ discarded: z.literal(true) }) },
    remove: { params: z.strictObject({ id: z.string().min(1).max(200) }), result: z.object({ removed: z.literal(true) }) },
    /** The direction a model folder's vocabulary suggests (its scripts), for a folder that does not name its languages; null when it suggests none. */
    suggestDirection: {
      params: z.strictObject({ path: z.string().min(1).max(4096).optional(), uploadId: uploadIdSchema.optional() }).refine((params) => (params.path === undefined) !== (params.uploadId === undefined), 'give either path or uploadId'),
      result: modelDirectionSchema.nullable() },
    /** The precision a model translates with when a request names none, over the first-use check's choice. */
    setPrecision: { params: z.strictObject({ id: z.string().min(1).max(200), dtype: modelDtypeSchema }), result: modelInfoSchema },
  },
  translation: {
    /** Translates sentences; each batch's results come as one progress message as soon as the batch is done. */
    translate: { params: translateParamsSchema, result: translationSummarySchema, progress: translationProgressSchema, control: translationControlSchema },
  },
  import: {
    /** Fetches a web page, text or Word document for import (http/https, size limit from the settings). */
    fetchArticle: { params: z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(8192) }), result: fetchedArticleSchema },
  },
} as const satisfies Record<string, Record<string, MethodSchemas>>;

type Contract = typeof apiContract;
export type ServiceName = keyof Contract;
/** A method as it travels: `service.method`, such as `models.install`. */
export type ApiMethod = { [S in ServiceName]: `${S}.${keyof Contract[S] & string}` }[ServiceName];

type ProgressOf<D> = D extends { progress: infer P extends z.ZodType } ? z.output<P> : never;
type ControlOf<D> = D extends { control: infer C extends z.ZodType } ? z.output<C> : never;
type ParamsOf<D> = D extends { params: infer P extends z.ZodType } ? P : never;
type ResultOf<D> = D extends { result: infer R extends z.ZodType } ? z.output<R> : never;

/** A method as the services implement it: validated parameters in, a result out, progress and control through the call. */
export type ServiceMethod<D> = (params: z.output<ParamsOf<D>>, call: CallContext<ProgressOf<D>, ControlOf<D>>) => Promise<ResultOf<D>>;
export type ServiceOf<S extends ServiceName> = { [M in keyof Contract[S]]: ServiceMethod<Contract[S][M]> };
export type SettingsService = ServiceOf<'settings'>;
export type FilesService = ServiceOf<'files'>;
export type ModelsService = ServiceOf<'models'>;
export type TranslationApiService = ServiceOf<'translation'>;
export type ImportService = ServiceOf<'import'>;
export type TeamService = ServiceOf<'team'>;
/** What the services implement: one interface per service. */
export type ApiServices = { [S in ServiceName]: ServiceOf<S> };

export interface CallOptions<Progress> {
  /** Cancels the call: the services stop its work, and the call ends with what was done or a `cancelled` error. */
  signal?: CallSignal;
  /** This call's progress messages, validated. */
  onProgress?: (progress: Progress) => void;
}

/** A running call: its result, and for calls that take them, a way to send it control messages. */
export type ApiCall<Result, Control> = [Control] extends [never] ? Promise<Result> : Promise<Result> & { control(message: Control): void };

type ClientMethod<D> = (params: z.input<ParamsOf<D>>, options?: CallOptions<ProgressOf<D>>) => ApiCall<ResultOf<D>, ControlOf<D>>;

/** What the renderer holds: the same services, each call with its own progress, cancellation and control. */
export type TargumApi = { readonly host: HostKind } & { [S in ServiceName]: { [M in keyof Contract[S]]: ClientMethod<Contract[S][M]> } };

/** The schemas of a method named as it travels, or undefined for a name that is not one. */
export function methodSchemas(method: unknown): MethodSchemas | undefined {
  if (typeof method !== 'string') return undefined;
  const [service, name, ...more] = method.split('.');
  if (service === undefined || name === undefined || more.length > 0 || !Object.hasOwn(apiContract, service)) return undefined;
  const methods: Record<string, MethodSchemas> = apiContract[service as ServiceName];
  return Object.hasOwn(methods, name) ? methods[name] : undefined;
}
