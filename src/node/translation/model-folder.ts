import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isFile } from '../fs/file-info';
import { modelFamilies, modelSources, translationLanguageSchema, type ModelDtype, type ModelFamily, type ModelInfo } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';

/** Targum's note in a model folder: where the model came from and which languages it translates. */
export const manifestFileName = 'targum-model.json';

export const modelManifestSchema = z.object({
  id: z.string().min(1),
  from: z.array(translationLanguageSchema).min(1),
  to: z.array(translationLanguageSchema).min(1),
  family: z.enum(modelFamilies),
  source: z.enum(modelSources),
  hubId: z.string().optional(),
  revision: z.string().optional(),
  license: z.string().optional(),
  demo: z.boolean().optional(),
  description: z.string().optional(),
  /** Downloaded from a hub that sent no checksum for its large files, as the user allowed. */
  unverified: z.boolean().optional(),
});
export type ModelManifest = z.infer<typeof modelManifestSchema>;

export class ModelFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModelFolderError';
  }
}

const configSchema = z.looseObject({
  model_type: z.string(),
  is_encoder_decoder: z.boolean().optional(),
  _name_or_path: z.string().optional(),
});

const familyOfModelType: Record<string, ModelFamily> = { marian: 'marian', m2m_100: 'm2m100' };
const multilingual: readonly TextLanguage[] = ['he', 'ar', 'en'];

/** A Marian folder whose name does not say its languages, and no direction given for it. */
export class ModelDirectionUnknown extends ModelFolderError {
  constructor(
    folder: string,
    /** What the vocabulary's scripts suggest, when they suggest anything. */
    readonly suggested: { from: TextLanguage[]; to: TextLanguage[] } | undefined,
  ) {
    const hint = suggested ? ` (its vocabulary suggests ${suggested.from.join('/')}→${suggested.to.join('/')})` : '';
    super(`cannot tell which languages ${folder} translates${hint}: give its direction, as with --from ar --to en`);
    this.name = 'ModelDirectionUnknown';
  }
}

/** The files transformers.js needs besides the ONNX files. */
export const requiredTextFiles = ['config.json', 'tokenizer.json', 'tokenizer_config.json'] as const;

/** ONNX files of each precision; transformers.js loads `<name>_quantized.onnx` for q8. */
export const onnxFilesFor: Record<ModelDtype, readonly string[]> = {
  fp32: ['onnx/encoder_model.onnx', 'onnx/decoder_model_merged.onnx'],
  q8: ['onnx/encoder_model_quantized.onnx', 'onnx/decoder_model_merged_quantized.onnx'],
};

export async function folderSize(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** Languages from an OPUS-MT style name: `opus-mt-ar-en`, `opus-mt-tc-big-he-en`, `tiny-mul-en`. */
export function languagesFromName(name: string): { from: TextLanguage[]; to: TextLanguage[] } | undefined {
  const match = /(?:^|[-_/])([a-z]{2,3})-([a-z]{2,3})$/.exec(name.toLowerCase());
  if (!match) return undefined;
  const expand = (code: string): TextLanguage[] => {
    if (code === 'mul' || code === 'sem') return ['he', 'ar'];
    const parsed = translationLanguageSchema.safeParse(code === 'heb' ? 'he' : code === 'ara' ? 'ar' : code === 'eng' ? 'en' : code);
    return parsed.success ? [parsed.data] : [];
  };
  const from = expand(match[1]!);
  const to = expand(match[2]!);
  return from.length && to.length ? { from, to } : undefined;
}

/**
 * Checks that a folder is a translation model transformers.js can load and describes it. A folder that
 * is not gets an error naming what is missing.
 */
export async function inspectModelFolder(
  folder: string,
  fallbackSource: ModelInfo['source'] = 'imported',
  /** The direction to take when neither the folder's name nor its targum-model.json says it. */
  direction?: { from: readonly TextLanguage[]; to: readonly TextLanguage[] },
): Promise<ModelInfo> {
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory()) throw new ModelFolderError(`${folder} is not a folder`);
  const missing: string[] = [];
  for (const file of requiredTextFiles) if (!(await isFile(path.join(folder, file)))) missing.push(file);
  const dtypes: ModelDtype[] = [];
  const dtypeSizes: Partial<Record<ModelDtype, number>> = {};
  for (const [dtype, files] of Object.entries(onnxFilesFor) as Array<[ModelDtype, readonly string[]]>) {
    if (!(await Promise.all(files.map((file) => isFile(path.join(folder, file))))).every(Boolean)) continue;
    dtypes.push(dtype);
    dtypeSizes[dtype] = (await Promise.all(files.map((file) => stat(path.join(folder, file))))).reduce((sum, info) => sum + info.size, 0);
  }
  if (dtypes.length === 0) missing.push('onnx/encoder_model.onnx and onnx/decoder_model_merged.onnx (or their _quantized versions)');
  if (missing.length) throw new ModelFolderError(`${folder} is not a translation model folder: missing ${missing.join(', ')}`);

  let config: z.infer<typeof configSchema>;
  try {
    config = configSchema.parse(JSON.parse(await readFile(path.join(folder, 'config.json'), 'utf8')));
  } catch (error) {
    throw new ModelFolderError(`${folder}/config.json is not a model configuration (${error instanceof Error ? error.message : String(error)})`);
  }
  const manifest = await readManifest(folder);
  const tokenizerClass = await readFile(path.join(folder, 'tokenizer_config.json'), 'utf8').then(
    (text) => String((JSON.parse(text) as { tokenizer_class?: unknown }).tokenizer_class ?? ''),
    () => '',
  );
  const family = manifest?.family ?? familyFromConfig(config, tokenizerClass, folder);
  const languages =
    manifest ??
    (family === 'marian'
      ? (languagesFromName(config._name_or_path ?? '') ?? languagesFromName(path.basename(folder)) ?? direction)
      : { from: multilingual, to: multilingual });
  if (!languages) throw new ModelDirectionUnknown(folder, await directionFromVocabulary(folder));
  return {
    id: manifest?.id ?? path.basename(folder),
    path: folder,
    from: [...languages.from],
    to: [...languages.to],
    family,
    dtypes,
    dtypeSizes,
    sizeBytes: await folderSize(folder),
    source: manifest?.source ?? fallbackSource,
    ...(manifest?.hubId ? { hubId: manifest.hubId } : {}),
    ...(manifest?.revision ? { revision: manifest.revision } : {}),
    ...(manifest?.license ? { license: manifest.license } : {}),
    ...(manifest?.demo ? { demo: true } : {}),
    ...(manifest?.description ? { description: manifest.description } : {}),
    ...(manifest?.unverified ? { unverified: true } : {}),
  };
}

const scriptOf: Array<[TextLanguage, RegExp]> = [
  ['he', /[\u0590-\u05FF]/],
  ['ar', /[\u0600-\u06FF]/],
];

/**
 * The direction a Marian vocabulary suggests: a source language for each of Hebrew and Arabic whose script
 * fills a fair share of the pieces, into English (Marian vocabularies hold both sides' pieces).
 */
export async function directionFromVocabulary(folder: string): Promise<{ from: TextLanguage[]; to: TextLanguage[] } | undefined> {
  const vocabulary = await readFile(path.join(folder, 'tokenizer.json'), 'utf8').then(
    (text) => (JSON.parse(text) as { model?: { vocab?: unknown } }).model?.vocab,
    () => undefined,
  );
  const pieces = Array.isArray(vocabulary) ? vocabulary.map((entry) => String(Array.isArray(entry) ? entry[0] : entry)) : Object.keys(vocabulary ?? {});
  if (pieces.length === 0) return undefined;
  const from = scriptOf.filter(([, script]) => pieces.filter((piece) => script.test(piece)).length / pieces.length >= 0.05).map(([language]) => language);
  return from.length > 0 ? { from, to: ['en'] } : undefined;
}

function familyFromConfig(config: z.infer<typeof configSchema>, tokenizerClass: string, folder: string): ModelFamily {
  if (config.is_encoder_decoder === false) throw new ModelFolderError(`${folder} holds a ${config.model_type} model, which is not an encoder-decoder translation model`);
  const family = familyOfModelType[config.model_type];
  if (!family) throw new ModelFolderError(`${folder} holds a ${config.model_type} model; Targum translates with Marian (OPUS-MT), NLLB and M2M100 models`);
  // NLLB checkpoints are M2M100 models with NLLB's tokenizer and language codes.
  return family === 'm2m100' && /nllb/i.test(tokenizerClass) ? 'nllb' : family;
}

async function readManifest(folder: string): Promise<ModelManifest | undefined> {
  const text = await readFile(path.join(folder, manifestFileName), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  try {
    return modelManifestSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new ModelFolderError(`${path.join(folder, manifestFileName)} is damaged (${error instanceof Error ? error.message : String(error)})`);
  }
}
