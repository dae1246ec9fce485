import { type TextLanguage, detectLanguage, languageNames } from '../text/language';
import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { withoutBidiControls } from './bilingual-text';
import { linkFromType, segmentStatuses, statusFrom } from './import-support';
import { BilingualImportError } from './xml-tree';

type Column = 'source' | 'target' | 'status' | 'type' | 'confidence';
const headerNames: Record<string, Column> = { source: 'source', translation: 'target', target: 'target', status: 'status', type: 'type', confidence: 'confidence' };

/** One field of docs/cli.md's TSV: `\\`, `\t`, `\r` and `\n` back to the characters. */
function unescapeField(field: string): string {
  return field.replace(/\\([\\trn])/g, (_, character: string) => ({ '\\': '\\', t: '\t', r: '\r', n: '\n' })[character]!);
}

/** The meaning of each column: from a header row when there is one, else by position and content. */
function columnsOf(first: string[], header: boolean): Column[] {
  if (header) return first.map((name) => headerNames[name.trim().toLowerCase()]!);
  const columns: Column[] = ['source', 'target'];
  if (/^\d+-\d+$/.test(first[2] ?? '')) columns.push('type', 'confidence');
  else if (segmentStatuses.some((status) => status === first[2])) columns.push('status');
  return columns;
}

export interface TsvLanguages {
  from?: TextLanguage;
  to?: TextLanguage;
}

/**
 * Pairs from a TSV file (docs/cli.md escaping, with or without a header row): source and target, and the status
 * or an alignment's type and confidence when those columns are there. A blank line ends a paragraph; in a file
 * without blank lines each line is its own paragraph. Languages are detected from each column's script unless given.
 */
export function readTsvPairs(text: string, languages: TsvLanguages = {}): BilingualDocument {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines.at(-1) === '') lines.pop();
  const firstLine = lines.findIndex((line) => line !== '');
  if (firstLine < 0) throw new BilingualImportError('This TSV file is empty.');
  const first = lines[firstLine]!.split('\t');
  const header = first.some((field) => field.trim().toLowerCase() === 'source') && first.every((field) => Object.hasOwn(headerNames, field.trim().toLowerCase()));
  const columns = columnsOf(first, header);
  const blankLines = lines.slice(firstLine).includes('');

  const rows: Array<Partial<Record<Column, string>> & { paragraph: number }> = [];
  let paragraph = 0;
  lines.forEach((line, index) => {
    if (index < firstLine || (header && index === firstLine)) return;
    if (line === '') {
      if (rows.length > 0 && rows.at(-1)!.paragraph === paragraph) paragraph++;
      return;
    }
    const fields = line.split('\t');
    if (fields.length < 2) throw new BilingualImportError(`Line ${index + 1} of this TSV file has no tab: each line must hold a source and a translation separated by a tab.`);
    const row: (typeof rows)[number] = { paragraph: blankLines ? paragraph : rows.length };
    columns.forEach((column, position) => {
      if (fields[position] !== undefined) row[column] = unescapeField(fields[position]);
    });
    rows.push(row);
  });
  if (rows.length === 0) throw new BilingualImportError('This TSV file has a header row but no pairs.');

  const detect = (column: 'source' | 'target') => detectLanguage(rows.slice(0, 500).map((row) => row[column] ?? '').join(' '));
  const from = languages.from ?? detect('source');
  const to = languages.to ?? detect('target');
  if (!from || !to || from === to) {
    const found = [from, to].map((language) => (language ? languageNames[language] : 'no Hebrew, Arabic or English')).join(' and ');
    throw new BilingualImportError(`The columns of this TSV file hold ${found}; Targum reads pairs of two of Hebrew, Arabic and English.`);
  }
  const units = rows.map((row): BilingualUnit => {
    const source = row.source ?? '';
    const target = row.target ?? '';
    return { source, target, status: statusFrom(row.status), notes: [], paragraph: row.paragraph, link: linkFromType(row.type, row.confidence, source, target, from, to) };
  });
  return withoutBidiControls({
    kind: units.some((unit) => unit.link) ? 'alignment' : 'translation',
    title: '',
    sourceLanguage: from,
    targetLanguage: to,
    segtype: 'sentence',
    createdAt: new Date().toISOString(),
    toolVersion: '',
    units,
  });
}
