/**
 * Which precision a model translates with when a request names none. The q8 files are about twice as fast,
 * but a model whose weights do not survive int8 turns every sentence into garbage: the first time a folder
 * with both precisions is used, a few built-in sentences are translated with both, and when the q8 output
 * departs clearly from the fp32 output the model is given fp32. The result is kept per model folder, beside
 * the precision a user chose, in the data folder.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { chrF, ngramProfile } from '../../common/align/char-ngrams';
import { defaultDtype, modelDtypeSchema, type ModelDtype, type ModelInfo } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';
import { writeFileAtomic } from '../fs/atomic-write';

/** Sentences of the kind Targum's users read, none of them in any phrasebook a test model learned. */
const checkSentences: Record<'he' | 'ar', readonly string[]> = {
  he: [
    'ראש הממשלה נפגש הבוקר עם נשיא ארה"ב בבית הלבן.',
    'הממשלה הודיעה היום על תוכנית חדשה לבניית בתי ספר בצפון הארץ.',
    'מחירי הדירות עלו בשנה האחרונה בכעשרה אחוזים.',
  ],
  ar: [
    'ارتفعت أسعار النفط بنسبة 3% في تعاملات يوم الثلاثاء.',
    'أعلنت الحكومة اليوم عن خطة جديدة لبناء المدارس في شمال البلاد.',
    'قال وزير الخارجية إن المفاوضات ستستمر الأسبوع المقبل.',
  ],
};

/** chrF (0-100) between the q8 and the fp32 outputs under which the q8 files are not used. */
export const q8AgreementThreshold = 50;

const recordSchema = z.object({
  /** What the check found, when it ran: the agreement and the precision it chose. */
  checked: z.object({ dtype: modelDtypeSchema, agreement: z.number(), note: z.string().optional() }).optional(),
  /** The precision a user chose for the model, over the check's. */
  chosen: modelDtypeSchema.optional(),
});
type PrecisionRecord = z.infer<typeof recordSchema>;
const fileSchema = z.record(z.string(), recordSchema);

/** Translates sentences with one precision of a model (the translation service's loaded models). */
export type TranslateWith = (dtype: ModelDtype, sentences: readonly string[], from: TextLanguage, to: TextLanguage) => Promise<string[]>;

export interface PrecisionChoice {
  dtype: ModelDtype;
  /** Set when the check has just chosen fp32: why, in one line. */
  note?: string;
}

export class PrecisionChecks {
  private records: Promise<Record<string, PrecisionRecord>> | undefined;
  private readonly running = new Map<string, Promise<PrecisionChoice>>();

  constructor(
    private readonly file: string,
    private readonly log: (message: string) => void,
  ) {}

  /** The models with the precision each translates with by default, and why when it is fp32 by the check. */
  async annotate(models: ModelInfo[]): Promise<ModelInfo[]> {
    const records = await this.load();
    return models.map((model) => {
      const record = records[model.path];
      const dtype = record?.chosen ?? record?.checked?.dtype;
      return {
        ...model,
        ...(dtype && model.dtypes.includes(dtype) ? { dtype } : {}),
        ...(record?.checked?.note && !record.chosen ? { dtypeNote: record.checked.note } : {}),
      };
    });
  }

  /** Forgets a model folder's check and choice: its files were replaced. */
  async forget(model: ModelInfo): Promise<void> {
    const records = { ...(await this.load()) };
    if (!(model.path in records)) return;
    delete records[model.path];
    await writeFileAtomic(this.file, `${JSON.stringify(records, null, 2)}\n`);
    this.records = Promise.resolve(records);
  }

  async choose(model: ModelInfo, dtype: ModelDtype): Promise<void> {
    await this.update(model.path, (record) => ({ ...record, chosen: dtype }));
  }

  /** The precision for a request that names none: a user's choice, the check's result, or the check run now. */
  async precisionFor(model: ModelInfo, translate: TranslateWith): Promise<PrecisionChoice> {
    if (!model.dtypes.includes('q8') || !model.dtypes.includes('fp32')) return { dtype: defaultDtype(model.dtypes) };
    const record = (await this.load())[model.path];
    if (record?.chosen) return { dtype: record.chosen };
    if (record?.checked) return { dtype: record.checked.dtype };
    let running = this.running.get(model.path);
    if (!running) {
      running = this.check(model, translate).finally(() => this.running.delete(model.path));
      this.running.set(model.path, running);
    }
    return running;
  }

  private async check(model: ModelInfo, translate: TranslateWith): Promise<PrecisionChoice> {
    const to: TextLanguage = model.to.includes('en') ? 'en' : model.to[0]!;
    const pairs = (['he', 'ar'] as const).filter((from) => model.from.includes(from) && from !== to).map((from) => ({ from, sentences: checkSentences[from] }));
    if (pairs.length === 0) return { dtype: 'q8' };
    const outputs = { q8: '', fp32: '' };
    for (const dtype of ['q8', 'fp32'] as const) {
      for (const { from, sentences } of pairs) outputs[dtype] += `${(await translate(dtype, sentences, from, to)).join(' ')} `;
    }
    const agreement = Math.round(100 * chrF(ngramProfile(outputs.q8), ngramProfile(outputs.fp32)));
    const damaged = agreement < q8AgreementThreshold;
    const note = damaged
      ? `${model.id} translates with fp32: its q8 files depart from its fp32 files (chrF ${agreement} on Targum's check sentences, under ${q8AgreementThreshold})`
      : undefined;
    const choice: PrecisionChoice = { dtype: damaged ? 'fp32' : 'q8', ...(note ? { note } : {}) };
    await this.update(model.path, (record) => ({ ...record, checked: { dtype: choice.dtype, agreement, ...(note ? { note } : {}) } })).catch((error: unknown) =>
      this.log(`could not remember the precision check of ${model.id}: ${error instanceof Error ? error.message : String(error)}`),
    );
    return choice;
  }

  private load(): Promise<Record<string, PrecisionRecord>> {
    this.records ??= readFile(this.file, 'utf8').then(
      (text) => {
        const parsed = fileSchema.safeParse(parseJson(text));
        if (!parsed.success) this.log(`${this.file} is not valid; the precision checks will run again`);
        return parsed.success ? parsed.data : {};
      },
      () => ({}),
    );
    return this.records;
  }

  private async update(folder: string, change: (record: PrecisionRecord) => PrecisionRecord): Promise<void> {
    const records = { ...(await this.load()) };
    records[folder] = change(records[folder] ?? {});
    await writeFileAtomic(this.file, `${JSON.stringify(records, null, 2)}\n`);
    this.records = Promise.resolve(records);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
