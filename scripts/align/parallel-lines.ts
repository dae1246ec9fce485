/**
 * Files of short parallel lines (English, Arabic, Hebrew; one item a line, tab-separated) that
 * learn-lexicon.ts learns the bundled lexicon from alongside the FLORES lines:
 * - cldr-lines.tsv, from Unicode CLDR 48.2.0 by extract-cldr-lines.ts (Unicode License v3,
 *   cldr-lines.LICENSE.txt): names of countries, languages, currencies, units, date words, emoji…;
 * - chromium-lines.tsv, from Chromium's user-interface translations by extract-chromium-lines.ts
 *   (BSD-3-Clause, chromium-lines.LICENSE.txt): everyday words of settings, pages, files, people, time.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The languages of the files' columns, in order. */
export const lineLanguages = ['en', 'ar', 'he'] as const;

export type LineLanguage = (typeof lineLanguages)[number];

/** One line: the same item's text in each language. */
export type ParallelLine = Record<LineLanguage, string>;

export const cldrLinesPath = fileURLToPath(new URL('./cldr-lines.tsv', import.meta.url));
export const chromiumLinesPath = fileURLToPath(new URL('./chromium-lines.tsv', import.meta.url));

/** Every file of lines the lexicon learns from. */
export const lexiconLinePaths = [cldrLinesPath, chromiumLinesPath] as const;

/**
 * A line of `texts`, each with placeholders and markup (withoutPlaceholders) and runs of white space
 * made one space; none unless every language has a text left.
 */
export function parallelLine(texts: Record<LineLanguage, unknown>): ParallelLine | undefined {
  const line = Object.fromEntries(
    lineLanguages.map((language) => {
      const value = texts[language];
      return [language, typeof value === 'string' ? withoutPlaceholders(value).replace(/\s+/g, ' ').trim() : ''];
    }),
  ) as ParallelLine;
  return lineLanguages.some((language) => line[language] === '') ? undefined : line;
}

/** A text without markup and placeholders: `{0}`, ICU messages (`{COUNT, plural, =1 {…} other {…}}`, inner ones first), `$1`, `%s`. */
function withoutPlaceholders(text: string): string {
  let out = text.replace(/<[^>]*>|\$\d|%\d?\$?[sd]/g, ' ');
  while (/\{[^{}]*\}/.test(out)) out = out.replace(/\{[^{}]*\}/g, ' ');
  return out;
}

/** The text of a file: one line each, tab-separated columns, a newline after every line. */
export function parallelLinesText(lines: readonly ParallelLine[]): string {
  return lines.map((line) => `${lineLanguages.map((language) => line[language]).join('\t')}\n`).join('');
}

/** The lines each once, sorted (a repeat is not a second piece of evidence), so that a rerun writes the same file. */
export function uniqueSortedLines(lines: readonly ParallelLine[]): ParallelLine[] {
  const unique = new Map(lines.map((line) => [parallelLinesText([line]), line]));
  return [...unique.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).map((row) => unique.get(row)!);
}

/** The lines of a file's text; a line that has not three non-empty fields is an error naming the file (`name`) and the line. */
export function parseParallelLines(text: string, name: string): ParallelLine[] {
  const rows = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  return rows.map((row, index) => {
    const fields = row.split('\t');
    if (fields.length !== lineLanguages.length || fields.some((field) => field.trim() === '')) {
      throw new Error(`${name} line ${index + 1}: expected ${lineLanguages.length} non-empty tab-separated fields (${lineLanguages.join(', ')}), got ${JSON.stringify(row)}`);
    }
    return Object.fromEntries(lineLanguages.map((language, column) => [language, fields[column]!])) as ParallelLine;
  });
}

/** The lines of the given files, as columns by language (line N of each translating the others). */
export function readParallelLines(paths: readonly string[] = lexiconLinePaths): Record<LineLanguage, string[]> {
  const lines = paths.flatMap((file) => parseParallelLines(readFileSync(file, 'utf8'), path.basename(file)));
  return Object.fromEntries(lineLanguages.map((language) => [language, lines.map((line) => line[language])])) as Record<LineLanguage, string[]>;
}
