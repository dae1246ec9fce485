import { type TextLanguage, languageNames } from '../text/language';
import { GLOSSARY_COLUMNS, type GlossaryEntry } from './glossary-export';

export type GlossaryImport = { ok: true; entries: GlossaryEntry[] } | { ok: false; message: string };

/**
 * Records of a delimited text with RFC 4180 quoting (which Anki also reads in its tab-separated
 * files): quoted fields may hold the separator, line breaks and doubled quotes.
 */
function delimitedRecords(text: string, separator: ',' | '\t', firstLine: number): Array<{ line: number; fields: string[] }> | string {
  const records: Array<{ line: number; fields: string[] }> = [];
  let line = firstLine;
  let at = 0;
  while (at < text.length) {
    const recordLine = line;
    const fields: string[] = [];
    for (;;) {
      let value = '';
      if (text[at] === '"') {
        at += 1;
        for (;;) {
          const quote = text.indexOf('"', at);
          if (quote === -1) return `Line ${recordLine}: a quoted field is never closed.`;
          value += text.slice(at, quote);
          line += (text.slice(at, quote).match(/\n/g) ?? []).length;
          at = quote + 1;
          if (text[at] !== '"') break;
          value += '"';
          at += 1;
        }
      } else {
        const end = text.slice(at).search(separator === ',' ? /[,\r\n]/ : /[\t\r\n]/);
        value = end === -1 ? text.slice(at) : text.slice(at, at + end);
        at = end === -1 ? text.length : at + end;
      }
      fields.push(value);
      if (text[at] === separator) {
        at += 1;
        continue;
      }
      if (at < text.length && text[at] !== '\r' && text[at] !== '\n') return `Line ${line}: unexpected text after a quoted field.`;
      break;
    }
    at += text.startsWith('\r\n', at) ? 2 : at < text.length ? 1 : 0;
    line += 1;
    if (fields.some((field) => field.trim() !== '')) records.push({ line: recordLine, fields });
  }
  return records;
}

/** Anki's header lines (#separator:tab, #columns:…), which come before the first note. */
const ANKI_HEADER = /^#[a-z ]+:/;

function languageOf(value: string, fallback: TextLanguage): TextLanguage | undefined {
  const wanted = value.trim().toLowerCase();
  if (wanted === '') return fallback;
  return (Object.keys(languageNames) as TextLanguage[]).find((code) => code === wanted || languageNames[code].toLowerCase() === wanted);
}

/**
 * Reads back a glossary exported as CSV or as TSV for Anki (formatGlossaryCsv, formatGlossaryAnki),
 * or any such file whose columns are term, meaning, lemma, note, language in that order or named so
 * in a header row. Rows without a language take `defaultLanguage`. The whole file is refused, with
 * the line at fault, when a row has no term or no meaning or names an unknown language.
 */
export function parseGlossary(text: string, defaultLanguage: TextLanguage): GlossaryImport {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const headerLines = lines.findIndex((line) => !ANKI_HEADER.test(line));
  const anki = lines.slice(0, headerLines === -1 ? lines.length : headerLines).map((line) => line.trimEnd());
  const body = lines.slice(anki.length).join('\n');
  const tabs = anki.includes('#separator:tab') || (lines[anki.length] ?? '').includes('\t');
  const records = delimitedRecords(body, tabs ? '\t' : ',', anki.length + 1);
  if (typeof records === 'string') return { ok: false, message: records };
  const named = anki.find((line) => line.startsWith('#columns:'))?.slice('#columns:'.length).split('\t');
  const first = records[0]?.fields.map((field) => field.trim().toLowerCase());
  const header = first?.includes('term') && first.includes('meaning') ? first : undefined;
  const columns = (header ?? named?.map((name) => name.trim().toLowerCase()) ?? [...GLOSSARY_COLUMNS]) as string[];
  const column = (fields: string[], name: (typeof GLOSSARY_COLUMNS)[number]) => {
    const index = columns.indexOf(name);
    return index === -1 ? '' : (fields[index] ?? '').trim();
  };
  const entries: GlossaryEntry[] = [];
  for (const { line, fields } of header ? records.slice(1) : records) {
    const surface = column(fields, 'term');
    const meaning = column(fields, 'meaning');
    const language = languageOf(column(fields, 'language'), defaultLanguage);
    if (surface === '') return { ok: false, message: `Line ${line}: the term is empty.` };
    if (meaning === '') return { ok: false, message: `Line ${line}: "${surface}" has no meaning.` };
    if (!language) return { ok: false, message: `Line ${line}: "${column(fields, 'language')}" is not a language Targum knows (he, ar or en).` };
    const lemma = column(fields, 'lemma');
    const note = column(fields, 'note');
    entries.push({ surface, meaning, language, ...(lemma ? { lemma } : {}), ...(note ? { note } : {}) });
  }
  return entries.length > 0 ? { ok: true, entries } : { ok: false, message: 'The file holds no glosses.' };
}
