import { csvRecord } from '../formats/csv';
import { xmlAttribute, xmlText } from '../formats/xml-text';
import type { TextLanguage } from '../text/language';

/** What the exports need of a gloss; the stored gloss records fit as they are. */
export interface GlossaryEntry {
  surface: string;
  language: TextLanguage;
  meaning: string;
  note?: string;
  lemma?: string;
}

/** The columns of the CSV and TSV exports, in order; glossary-import.ts reads them back. */
export const GLOSSARY_COLUMNS = ['term', 'meaning', 'lemma', 'note', 'language'] as const;

function fields(entry: GlossaryEntry): string[] {
  return [entry.surface, entry.meaning, entry.lemma ?? '', entry.note ?? '', entry.language];
}

export interface GlossaryCsvOptions {
  /** Start with a UTF-8 byte-order mark, which spreadsheet programs need to recognise UTF-8. */
  byteOrderMark?: boolean;
}

/** CSV (RFC 4180, CRLF): a header row `term,meaning,lemma,note,language`, then one row per gloss. */
export function formatGlossaryCsv(entries: readonly GlossaryEntry[], options: GlossaryCsvOptions = {}): string {
  return (options.byteOrderMark ? '\uFEFF' : '') + csvRecord([...GLOSSARY_COLUMNS]) + entries.map((entry) => csvRecord(fields(entry))).join('');
}

/**
 * One field of Anki's tab-separated import: one line per note, so tabs and line breaks become
 * spaces; Anki reads a field that begins with a double quote as quoted and a line that begins
 * with # as a comment, so such fields (and any holding a double quote) are quoted, quotes doubled.
 */
function ankiField(value: string): string {
  const flat = value.replace(/[\t\r\n]+/g, ' ');
  return /"|^#/.test(flat) ? `"${flat.replace(/"/g, '""')}"` : flat;
}

/**
 * TSV for Anki (2.1.54 and later read the # header lines: tab separator, plain text, column names,
 * the language as the note's tag): term on the front, meaning on the back, lemma and note as
 * further fields. Older Anki versions and spreadsheets skip or show the header lines.
 */
export function formatGlossaryAnki(entries: readonly GlossaryEntry[]): string {
  const header = ['#separator:tab', '#html:false', `#columns:${GLOSSARY_COLUMNS.join('\t')}`, `#tags column:${GLOSSARY_COLUMNS.length}`];
  return [...header, ...entries.map((entry) => fields(entry).map(ankiField).join('\t'))].map((line) => `${line}\n`).join('');
}

/**
 * TBX-Basic (TBX v3, ISO 30042:2019, DCA style): one conceptEntry per gloss with the gloss's note,
 * a langSec in the source language holding the term as found and, when it differs, its lemma, and
 * an English langSec holding the meaning.
 */
export function formatGlossaryTbx(entries: readonly GlossaryEntry[], title = 'Targum glossary'): string {
  const term = (text: string, note?: string) => ['<termSec>', [`<term>${xmlText(text)}</term>`, ...(note ? [`<note>${xmlText(note)}</note>`] : [])], '</termSec>'];
  const concept = (entry: GlossaryEntry, index: number) => {
    const surface = entry.surface.trim();
    const lemma = entry.lemma?.trim();
    const note = entry.note?.trim();
    return [
      `<conceptEntry id="c${index + 1}">`,
      [
        ...(note ? [`<note>${xmlText(note)}</note>`] : []),
        `<langSec xml:lang="${xmlAttribute(entry.language)}">`,
        [...term(surface), ...(lemma && lemma !== surface ? term(lemma, 'lemma') : [])],
        '</langSec>',
        '<langSec xml:lang="en">',
        term(entry.meaning.trim()),
        '</langSec>',
      ],
      '</conceptEntry>',
    ];
  };
  const header = ['<tbxHeader>', ['<fileDesc>', ['<titleStmt>', [`<title>${xmlText(title)}</title>`], '</titleStmt>', '<sourceDesc>', ['<p>Glosses exported from Targum.</p>'], '</sourceDesc>'], '</fileDesc>'], '</tbxHeader>'];
  // TBX requires at least one conceptEntry in a body; an empty glossary has none.
  const text = entries.length > 0 ? ['<text>', ['<body>', entries.flatMap(concept), '</body>'], '</text>'] : ['<text/>'];
  const root = ['<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">', [...header, ...text], '</tbx>'];
  return `<?xml version="1.0" encoding="UTF-8"?>\n${indented(root, 0)}`;
}

type Lines = ReadonlyArray<string | Lines>;

/** Lines with nested arrays indented two spaces deeper. */
function indented(lines: Lines, depth: number): string {
  return lines.map((line) => (typeof line === 'string' ? `${'  '.repeat(depth)}${line}\n` : indented(line, depth + 1))).join('');
}
