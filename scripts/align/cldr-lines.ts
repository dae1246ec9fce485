/**
 * cldr-lines.tsv: short parallel lines (English, Arabic, Hebrew) taken from Unicode CLDR by
 * extract-cldr-lines.ts, one CLDR item a line, read by learn-lexicon.ts alongside the FLORES lines.
 * Unicode CLDR 48.2.0, Unicode License v3 (cldr-lines.LICENSE.txt).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The languages of the file's columns, in order. */
export const cldrLanguages = ['en', 'ar', 'he'] as const;

export type CldrLanguage = (typeof cldrLanguages)[number];

/** One line: the same item's text in each language. */
export type CldrLine = Record<CldrLanguage, string>;

export const cldrLinesPath = fileURLToPath(new URL('./cldr-lines.tsv', import.meta.url));

/** The text of the file: one line each, tab-separated columns, a newline after every line. */
export function cldrLinesText(lines: readonly CldrLine[]): string {
  return lines.map((line) => `${cldrLanguages.map((language) => line[language]).join('\t')}\n`).join('');
}

/** The lines of the file's text; a line that has not three non-empty fields is an error naming it. */
export function parseCldrLines(text: string): CldrLine[] {
  const rows = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return rows.map((row, index) => {
    const fields = row.split('\t');
    if (fields.length !== cldrLanguages.length || fields.some((field) => field.trim() === '')) {
      throw new Error(`cldr-lines.tsv line ${index + 1}: expected ${cldrLanguages.length} non-empty tab-separated fields (${cldrLanguages.join(', ')}), got ${JSON.stringify(row)}`);
    }
    return Object.fromEntries(cldrLanguages.map((language, column) => [language, fields[column]!])) as CldrLine;
  });
}

/** The committed lines, as columns by language (line N of each translating the others). */
export function readCldrLines(path: string = cldrLinesPath): Record<CldrLanguage, string[]> {
  const lines = parseCldrLines(readFileSync(path, 'utf8'));
  return Object.fromEntries(cldrLanguages.map((language) => [language, lines.map((line) => line[language])])) as Record<CldrLanguage, string[]>;
}
