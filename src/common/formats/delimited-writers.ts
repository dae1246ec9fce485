import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { csvRecord } from './csv';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { tsvRecord } from './tsv';

export interface DelimitedOptions extends ExportProgress {
  /** tsv: start with a header row (the command line writes none, docs/cli.md). */
  header?: boolean;
  /** Start with a UTF-8 byte-order mark, which spreadsheet programs need to recognise UTF-8. */
  byteOrderMark?: boolean;
  /** A translation gets a last column, `confidence`: how sure the model was of its English (empty when unknown). */
  confidence?: boolean;
}

/** The columns of a translation (`source, translation, status`) or an alignment (`source, target, type, confidence`). */
function columns(document: BilingualDocument, format: 'tsv' | 'csv', options: DelimitedOptions): { header: string[]; fields: (unit: BilingualUnit) => string[] } {
  if (document.kind === 'alignment') {
    return {
      header: ['source', 'target', 'type', 'confidence'],
      fields: (unit) => [unit.source, unit.target, unit.link ? linkType(unit.link) : '', unit.link ? String(roundConfidence(unit.link.confidence)) : ''],
    };
  }
  const base: { header: string[]; fields: (unit: BilingualUnit) => string[] } =
    format === 'tsv'
      ? { header: ['source', 'translation'], fields: (unit) => [unit.source, unit.target] }
      : { header: ['source', 'translation', 'status'], fields: (unit) => [unit.source, unit.target, unit.status] };
  if (!options.confidence) return base;
  return {
    header: [...base.header, 'confidence'],
    fields: (unit) => [...base.fields(unit), unit.quality ? String(roundConfidence(unit.quality.confidence)) : ''],
  };
}

/** tsv (docs/cli.md): one record per unit, backslash escapes; a translation has a blank line between paragraphs. */
export async function writeTsv(document: BilingualDocument, options: DelimitedOptions = {}): Promise<string> {
  const { header, fields } = columns(document, 'tsv', options);
  const breaks = document.kind === 'translation';
  const records = await mapWithProgress(
    document.units,
    (unit, index) => (breaks && index > 0 && document.units[index - 1]!.paragraph !== unit.paragraph ? '\n' : '') + tsvRecord(fields(unit)),
    options,
  );
  return (options.byteOrderMark ? '\uFEFF' : '') + (options.header ? tsvRecord(header) : '') + records.join('');
}

/** csv: RFC 4180 with a header row and CRLF line ends. */
export async function writeCsv(document: BilingualDocument, options: DelimitedOptions = {}): Promise<string> {
  const { header, fields } = columns(document, 'csv', options);
  const records = await mapWithProgress(document.units, (unit) => csvRecord(fields(unit)), options);
  return (options.byteOrderMark ? '\uFEFF' : '') + csvRecord(header) + records.join('');
}
