/**
 * The catalog of recommended models (resources/models/catalog.json): which hub repository to download for
 * each translation direction, with the files transformers.js needs. docs/models.md explains the choices.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isRecommendedFor, modelDtypeSchema, modelFamilies, modelTranslates, translationLanguageSchema } from '../../common/models/model-info';
import { onnxFilesFor, requiredTextFiles, type ModelManifest } from '../translation/model-folder';
import { stagingFolderName } from './model-registry';
import type { DownloadRequest } from './hub-download/request';
import type { TextLanguage } from '../../common/text/language';

const directionSchema = z.templateLiteral([translationLanguageSchema, '-', translationLanguageSchema]);

const catalogFileSchema = z.strictObject({
  path: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

export const catalogModelSchema = z.strictObject({
  /** Targum's id: the folder name under the models folder. */
  id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/),
  hubId: z.string().regex(/^[A-Za-z0-9][\w.-]*\/[A-Za-z0-9][\w.-]*$/),
  revision: z.string().min(1),
  license: z.string().min(1),
  family: z.enum(modelFamilies),
  from: z.array(translationLanguageSchema).min(1),
  to: z.array(translationLanguageSchema).min(1),
  /** The precision of the listed ONNX files. */
  dtype: modelDtypeSchema,
  /** Bytes of the listed files, approximately (from the hub's file listing). */
  sizeBytes: z.number().int().positive(),
  files: z.array(catalogFileSchema).min(1),
  /** The fp32 ONNX files of a q8 entry, which the hub also holds: for a model whose q8 files prove unreliable. */
  fp32Files: z.array(catalogFileSchema).optional(),
  /** Recommended: for every direction it translates, or only those in `defaultFor`. */
  default: z.boolean().optional(),
  defaultFor: z.array(directionSchema).optional(),
  description: z.string().min(1),
  /** Published quality, with the benchmark and the direction it was measured on. */
  quality: z.string().min(1),
});
export type CatalogModel = z.infer<typeof catalogModelSchema>;

export const catalogSchema = z
  .strictObject({
    version: z.literal(1),
    models: z.array(catalogModelSchema),
  })
  .superRefine((catalog, context) => {
    const ids = new Set<string>();
    catalog.models.forEach((model, index) => {
      const where = ['models', index];
      if (ids.has(model.id)) context.addIssue({ code: 'custom', path: [...where, 'id'], message: `${model.id} is listed twice` });
      ids.add(model.id);
      const paths = model.files.map((file) => file.path);
      for (const needed of [...requiredTextFiles, ...onnxFilesFor[model.dtype]]) {
        if (!paths.includes(needed)) context.addIssue({ code: 'custom', path: [...where, 'files'], message: `${model.id} does not list ${needed}` });
      }
      const fp32Paths = model.fp32Files?.map((file) => file.path);
      for (const needed of fp32Paths ? onnxFilesFor.fp32 : []) {
        if (!fp32Paths!.includes(needed)) context.addIssue({ code: 'custom', path: [...where, 'fp32Files'], message: `${model.id} does not list ${needed}` });
      }
      for (const direction of model.defaultFor ?? []) {
        const [from, to] = direction.split('-') as [TextLanguage, TextLanguage];
        if (!model.default) context.addIssue({ code: 'custom', path: [...where, 'defaultFor'], message: `${model.id} has defaultFor without default` });
        if (!modelTranslates(model, from, to)) context.addIssue({ code: 'custom', path: [...where, 'defaultFor'], message: `${model.id} does not translate ${direction}` });
      }
    });
  });
export type ModelCatalog = z.infer<typeof catalogSchema>;

export class CatalogError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CatalogError';
  }
}

export function catalogFile(resourcesDir: string): string {
  return path.join(resourcesDir, 'models', 'catalog.json');
}

/** Reads and checks `<resourcesDir>/models/catalog.json`. */
export async function loadCatalog(resourcesDir: string): Promise<ModelCatalog> {
  const file = catalogFile(resourcesDir);
  let data: unknown;
  try {
    data = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new CatalogError(`cannot read the model catalog ${file}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  const parsed = catalogSchema.safeParse(data);
  if (!parsed.success) throw new CatalogError(`the model catalog ${file} is not valid: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}


/** The models that translate a direction, the recommended one first, then in catalog order. */
export function catalogEntriesFor(catalog: ModelCatalog, from: TextLanguage, to: TextLanguage): CatalogModel[] {
  const models = catalog.models.filter((model) => modelTranslates(model, from, to));
  return [...models.filter((model) => isRecommendedFor(model, from, to)), ...models.filter((model) => !isRecommendedFor(model, from, to))];
}

export function defaultCatalogEntry(catalog: ModelCatalog, from: TextLanguage, to: TextLanguage): CatalogModel | undefined {
  return catalog.models.find((model) => isRecommendedFor(model, from, to));
}

/** The manifest an installed catalog model carries (targum-model.json). */
export function catalogManifest(model: CatalogModel): ModelManifest {
  return {
    id: model.id,
    from: [...model.from],
    to: [...model.to],
    family: model.family,
    source: 'installed',
    hubId: model.hubId,
    revision: model.revision,
    license: model.license,
  };
}

/**
 * The download of a catalog model into `<modelsDir>/<id>`, staged in `<modelsDir>/.partial/<id>`; the
 * caller adds its signal and progress callback.
 */
export function downloadRequestFor(model: CatalogModel, options: { hubUrl: string; modelsDir: string }): DownloadRequest {
  return {
    hubUrl: options.hubUrl,
    repo: model.hubId,
    revision: model.revision,
    files: model.files.map((file) => ({ ...file })),
    totalBytes: model.sizeBytes,
    destination: path.join(options.modelsDir, model.id),
    stagingDir: path.join(options.modelsDir, stagingFolderName, model.id),
    manifest: catalogManifest(model),
  };
}

/** int8 weights take a quarter of the bytes of fp32 ones: a q8 entry's size times this bounds its fp32 files. */
const fp32SizeFactor = 4;

/**
 * The download of a q8 entry's fp32 ONNX files for the installed model, staged in
 * `<modelsDir>/.partial/<id>.fp32` and assembled in `<modelsDir>/.partial/<id>.fp32-done`, from where the
 * installer moves the files into the model's folder. Undefined when the catalog lists no fp32 files.
 */
export function fp32DownloadRequestFor(model: CatalogModel, options: { hubUrl: string; modelsDir: string }): DownloadRequest | undefined {
  if (!model.fp32Files) return undefined;
  const sizes = model.fp32Files.map((file) => file.size);
  const pinnedTotal = sizes.every((size) => size !== undefined) ? sizes.reduce((sum, size) => sum + size, 0) : undefined;
  return {
    hubUrl: options.hubUrl,
    repo: model.hubId,
    revision: model.revision,
    files: model.fp32Files.map((file) => ({ ...file })),
    totalBytes: pinnedTotal ?? model.sizeBytes * fp32SizeFactor,
    destination: path.join(options.modelsDir, stagingFolderName, `${model.id}.fp32-done`),
    stagingDir: path.join(options.modelsDir, stagingFolderName, `${model.id}.fp32`),
  };
}
