import { z } from 'zod';
import { textLanguages, type TextLanguage } from '../text/language';

export const translationLanguageSchema = z.enum(textLanguages);

export const modelFamilies = ['marian', 'nllb', 'm2m100'] as const;
export type ModelFamily = (typeof modelFamilies)[number];

/** Precisions a model folder can offer: full float, and the int8 ("q8", *_quantized.onnx) files. */
export const modelDtypes = ['fp32', 'q8'] as const;
export const modelDtypeSchema = z.enum(modelDtypes);
export type ModelDtype = z.infer<typeof modelDtypeSchema>;

export const modelSources = ['bundled', 'installed', 'imported'] as const;

/** An installed model as the app, the web host and the command line list it. */
export const modelInfoSchema = z.object({
  id: z.string(),
  path: z.string(),
  from: z.array(translationLanguageSchema),
  to: z.array(translationLanguageSchema),
  family: z.enum(modelFamilies),
  dtypes: z.array(modelDtypeSchema),
  /** What each precision's ONNX files take on disk. */
  dtypeSizes: z.partialRecord(modelDtypeSchema, z.number().int().nonnegative()).optional(),
  sizeBytes: z.number().int().nonnegative(),
  source: z.enum(modelSources),
  hubId: z.string().optional(),
  revision: z.string().optional(),
  license: z.string().optional(),
  /** A model shipped to show Targum at work: it knows only the sample articles. */
  demo: z.boolean().optional(),
  description: z.string().optional(),
  /** Downloaded from a hub that sent no checksum for its large files (the user allowed it for that hub). */
  unverified: z.boolean().optional(),
  /** The precision used when a request names none, and why when it is not the default one. */
  dtype: modelDtypeSchema.optional(),
  dtypeNote: z.string().optional(),
});
export type ModelInfo = z.infer<typeof modelInfoSchema>;

/** The precision used when none is asked for: the quantised files when a model has them (about twice as fast here). */
export function defaultDtype(dtypes: readonly ModelDtype[]): ModelDtype {
  return dtypes.includes('q8') ? 'q8' : 'fp32';
}

/** The models for a direction, the demo model last: it knows only the sample articles. */
export function modelsForDirection<M extends Pick<ModelInfo, 'from' | 'to' | 'demo'>>(models: readonly M[], from: TextLanguage, to: TextLanguage): M[] {
  const fitting = models.filter((model) => modelTranslates(model, from, to));
  return [...fitting.filter((model) => !model.demo), ...fitting.filter((model) => model.demo)];
}

export function modelTranslates(model: { from: readonly TextLanguage[]; to: readonly TextLanguage[] }, from: TextLanguage, to: TextLanguage): boolean {
  return from !== to && model.from.includes(from) && model.to.includes(to);
}

/** Whether a catalog entry is the recommended model for a direction: `default`, limited to `defaultFor` when given. */
export function isRecommendedFor(
  entry: { default?: boolean; defaultFor?: readonly string[]; from: readonly TextLanguage[]; to: readonly TextLanguage[] },
  from: TextLanguage,
  to: TextLanguage,
): boolean {
  if (!entry.default || !modelTranslates(entry, from, to)) return false;
  return entry.defaultFor === undefined || entry.defaultFor.includes(`${from}-${to}`);
}
