import { alignTexts, correspondingShare } from '../../common/align/align-texts';
import type { AlignmentSide } from '../../common/align/types';
import { alignmentOfText, bilingualFromAlignment } from '../../common/formats/bilingual-document';
import { bilingualWriters } from '../../common/formats/bilingual-writers';
import { type TextLanguage, detectLanguage, textLanguages } from '../../common/text/language';
import { classifyParagraphs } from '../../common/import/boilerplate/classify';
import { splitParagraphs, splitSentences } from '../../common/text/segmenter';
import { oneOf, parseCommandArgs } from '../arguments';
import { CliError, type CliIo } from '../cli-io';
import { readTextInput } from '../input';
import { checkOutputTarget, writeBilingualOutput } from '../output';
import { readAppMetadata } from '../../node/app-metadata';
import path from 'node:path';
import { parseSegmented } from './translate';

const formats = ['tsv', 'csv', 'json', 'tmx', 'xliff', 'moses', 'html', 'docx'] as const;
const units = ['sentence', 'paragraph'] as const;

export async function alignCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs('align', args, {
    from: { type: 'string' },
    to: { type: 'string' },
    segmented: { type: 'boolean' },
    'keep-boilerplate': { type: 'boolean' },
    'src-mt': { type: 'string' },
    'tgt-mt': { type: 'string' },
    unit: { type: 'string' },
    format: { type: 'string' },
    out: { type: 'string' },
  });
  if (positionals.length !== 2) throw new CliError('align: give two input files, SRC and TGT');
  if (positionals[0] === '-' && positionals[1] === '-') throw new CliError('align: only one of SRC and TGT can be standard input');
  const format = oneOf('align', 'format', values.format, formats) ?? 'tsv';
  checkOutputTarget('align', format, values.out);
  const unit = oneOf('align', 'unit', values.unit, units) ?? 'sentence';
  const fromOption = oneOf('align', 'from', values.from, textLanguages);
  const toOption = oneOf('align', 'to', values.to, textLanguages);
  if ((values['src-mt'] !== undefined || values['tgt-mt'] !== undefined) && !values.segmented) {
    throw new CliError('align: --src-mt and --tgt-mt need --segmented input (one sentence per line, as the translation has)');
  }

  const reading = { segmented: values.segmented ?? false, keepBoilerplate: values['keep-boilerplate'] ?? false };
  const source = await readSide(positionals[0]!, 'SRC', 'from', fromOption, reading, io);
  const target = await readSide(positionals[1]!, 'TGT', 'to', toOption, reading, io);
  if (values['src-mt'] !== undefined) source.translation = await readTranslation(values['src-mt'], '--src-mt', source, 'SRC', io);
  if (values['tgt-mt'] !== undefined) target.translation = await readTranslation(values['tgt-mt'], '--tgt-mt', target, 'TGT', io);
  // A translation is compared with the other side, which must then be English, or with the other side's translation.
  if (source.translation && !target.translation && target.language !== 'en') {
    throw new CliError('align: --src-mt alone needs an English TGT; give --tgt-mt too to compare both sides through English');
  }
  if (target.translation && !source.translation && source.language !== 'en') {
    throw new CliError('align: --tgt-mt alone needs an English SRC; give --src-mt too to compare both sides through English');
  }

  const aligned = alignTexts(source, target, { unit });
  const corresponding = correspondingShare(aligned);
  if (corresponding < 0.5) {
    io.stderr(`targum: warning: SRC and TGT hardly correspond (${Math.round(corresponding * 100)}% of their ${aligned.unit}s linked with confidence ≥ 0.5): they may not be translations of each other\n`);
  }
  const title = positionals[0] === '-' ? '' : path.basename(positionals[0]!, path.extname(positionals[0]!));
  const document = bilingualFromAlignment(alignmentOfText(aligned), { title, toolVersion: readAppMetadata().version }, { level: aligned.unit });
  await writeBilingualOutput(await bilingualWriters[format](document), values.out, io);
  return 0;
}

async function readSide(
  file: string,
  name: 'SRC' | 'TGT',
  option: 'from' | 'to',
  language: TextLanguage | undefined,
  reading: { segmented: boolean; keepBoilerplate: boolean },
  io: CliIo,
): Promise<AlignmentSide> {
  const text = await readTextInput(file, io);
  const detected = language ?? detectLanguage(text);
  if (!detected) throw new CliError(`align: ${name} (${file}) has no Hebrew, Arabic or English text (or give --${option})`);
  const paragraphs = reading.segmented ? parseSegmented(text) : articleParagraphs(text, detected, reading.keepBoilerplate);
  if (paragraphs.length === 0) throw new CliError(`align: ${name} (${file}) is empty`);
  return { language: detected, paragraphs };
}

/** The sentences of an article's paragraphs, leaving out site boilerplate as the app does (unless kept). */
function articleParagraphs(text: string, language: TextLanguage, keepBoilerplate: boolean): string[][] {
  const paragraphs = splitParagraphs(text);
  const classes = keepBoilerplate ? [] : classifyParagraphs(paragraphs, language);
  return paragraphs.filter((_, index) => !classes[index]?.boilerplate).map((paragraph) => splitSentences(paragraph, language));
}

/** One line per sentence of the side; blank lines between paragraphs, as in --segmented input, are allowed. */
async function readTranslation(file: string, option: string, side: AlignmentSide, name: string, io: CliIo): Promise<string[]> {
  const sentences = side.paragraphs.reduce((count, paragraph) => count + paragraph.length, 0);
  const lines = (await readTextInput(file, io)).replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  if (lines.length === sentences) return lines;
  const filled = lines.filter((line) => line.trim() !== '');
  if (filled.length === sentences) return filled;
  throw new CliError(`align: ${option} ${file} has ${filled.length} lines for the ${sentences} sentences of ${name}; give one line per sentence`);
}
