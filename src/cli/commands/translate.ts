import { stat } from 'node:fs/promises';
import path from 'node:path';
import { bilingualFromTranslation } from '../../common/formats/bilingual-document';
import { bilingualWriters } from '../../common/formats/bilingual-writers';
import type { MachineQuality, TranslatedDocument } from '../../common/formats/translation-output';
import { localCall } from '../../common/api/call';
import type { ModelChoice, SegmentTranslated } from '../../common/api/contract';
import { modelDtypes } from '../../common/models/model-info';
import { detectLanguage, textLanguages } from '../../common/text/language';
import { segmentText } from '../../common/text/segmenter';
import { readAppMetadata } from '../../node/app-metadata';
import { oneOf, parseCommandArgs, positiveInteger } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { cliServices } from '../context';
import { readTextInput } from '../input';
import { checkOutputTarget, writeBilingualOutput } from '../output';

const formats = ['txt', 'tsv', 'csv', 'json', 'tmx', 'xliff', 'moses', 'html', 'docx'] as const;

/** `--segmented` input: one sentence per line, kept as given; blank lines separate paragraphs. */
export function parseSegmented(text: string): string[][] {
  const paragraphs: string[][] = [[]];
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    if (line.trim() === '') {
      if (paragraphs.at(-1)!.length > 0) paragraphs.push([]);
    } else {
      paragraphs.at(-1)!.push(line);
    }
  }
  return paragraphs.filter((paragraph) => paragraph.length > 0);
}

export async function translateCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('translate', args, {
    from: { type: 'string' },
    to: { type: 'string' },
    model: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
    segmented: { type: 'boolean' },
    beams: { type: 'string' },
    threads: { type: 'string' },
    dtype: { type: 'string' },
    confidence: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new CliError('translate: give one input file, or - for standard input');
  const format = oneOf('translate', 'format', values.format, formats) ?? 'txt';
  checkOutputTarget('translate', format, values.out);
  if (values.confidence && format !== 'csv' && format !== 'tsv') throw new CliError('translate: --confidence adds a column to csv and tsv; json, tmx and xliff always carry the confidence');
  const to = oneOf('translate', 'to', values.to, textLanguages) ?? 'en';
  const beams = positiveInteger('translate', 'beams', values.beams, 8);
  const threads = positiveInteger('translate', 'threads', values.threads, 64);
  const dtype = oneOf('translate', 'dtype', values.dtype, modelDtypes);
  const text = await readTextInput(positionals[0]!, io);
  const from = oneOf('translate', 'from', values.from, textLanguages) ?? detectLanguage(text);
  if (!from) throw new CliError('translate: the input has no Hebrew, Arabic or English text (or give --from)');
  const paragraphs = values.segmented ? parseSegmented(text) : segmentText(text, from);

  const model = values.model ? await modelChoice(values.model) : undefined;
  const translations = new Map<string, SegmentTranslated>();
  const services = cliServices(io, threads);
  try {
    const summary = await services.translation.translate(
      {
        segments: paragraphs.flatMap((sentences, p) => sentences.map((sentence, s) => ({ id: `${p}:${s}`, text: sentence }))),
        from,
        to,
        model,
        beams,
        dtype,
      },
      localCall({ onProgress: ({ results }) => results.forEach((result) => translations.set(result.segmentId, result)) }),
    );
    if (summary.dtypeNote) io.stderr(`targum: note: ${summary.dtypeNote}\n`);
    const document: TranslatedDocument = {
      from,
      to,
      model: summary.modelId,
      paragraphs: paragraphs.map((sentences, p) =>
        sentences.map((sentence, s) => {
          const result = translations.get(`${p}:${s}`);
          const quality: MachineQuality | undefined = result?.confidence === undefined ? undefined : { confidence: result.confidence, unsure: result.unsure ?? [] };
          return { source: sentence, translation: result?.text ?? '', status: 'machine' as const, ...(quality ? { quality } : {}) };
        }),
      ),
    };
    const input = positionals[0]!;
    const title = input === '-' ? '' : path.basename(input, path.extname(input));
    const bilingual = bilingualFromTranslation(document, { title, toolVersion: readAppMetadata().version });
    await writeBilingualOutput(await bilingualWriters[format](bilingual, { confidence: values.confidence }), values.out, io);
    return 0;
  } finally {
    await services.dispose();
  }
}

/** `--model DIR`: a model folder used in place, checked first; anything else is an installed model's id. */
async function modelChoice(value: string): Promise<ModelChoice> {
  const info = await stat(value).catch(() => undefined);
  return info?.isDirectory() ? { folder: path.resolve(value) } : { id: value };
}
