import { languageFromTag } from '../formats/import-support';
import { BilingualImportError, descendants, elements, inlineText, languageAttribute, parseXmlRoot, type XmlElement } from '../formats/xml-tree';
import { detectLanguage, languageNames, type TextLanguage } from '../text/language';
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
 * in a header row. Rows without a language take the language of the term's script, or
 * `defaultLanguage` when it has no letters. The whole file is refused, with the line at fault, when a
 * row has no term or no meaning or names an unknown language.
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
    const language = languageOf(column(fields, 'language'), detectLanguage(surface) ?? defaultLanguage);
    if (surface === '') return { ok: false, message: `Line ${line}: the term is empty.` };
    if (meaning === '') return { ok: false, message: `Line ${line}: "${surface}" has no meaning.` };
    if (!language) return { ok: false, message: `Line ${line}: "${column(fields, 'language')}" is not a language Targum knows (he, ar or en).` };
    const lemma = column(fields, 'lemma');
    const note = column(fields, 'note');
    entries.push({ surface, meaning, language, ...(lemma ? { lemma } : {}), ...(note ? { note } : {}) });
  }
  return entries.length > 0 ? { ok: true, entries } : { ok: false, message: 'The file holds no glosses.' };
}

/** TBX v3 (`conceptEntry`, `langSec`, `termSec`) and the older TBX v2 / MARTIF names for the same parts. */
const conceptNames = ['conceptEntry', 'termEntry'];
const languageSectionNames = new Set(['langSec', 'langSet']);
const termSectionNames = new Set(['termSec', 'tig', 'ntig']);
const conceptStart = /<(?:[\w.-]+:)?(?:conceptEntry|termEntry)[\s/>]/g;

const textOf = (element: XmlElement): string => inlineText(element, new Set(['hi'])).trim();

/** The terms of a language section, each with whether a note or termNote calls it the lemma. */
function termsOf(section: XmlElement): Array<{ text: string; lemma: boolean }> {
  const sections = elements(section).filter((child) => termSectionNames.has(child.name));
  return sections.flatMap((termSection) => {
    const term = descendants(termSection, 'term')[0];
    const notes = [...descendants(termSection, 'note'), ...descendants(termSection, 'termNote')].map(textOf);
    return term && textOf(term) !== '' ? [{ text: textOf(term), lemma: notes.some((note) => note.toLowerCase() === 'lemma') }] : [];
  });
}

/**
 * Reads a TBX glossary (TBX v3 as formatGlossaryTbx writes it, or the older TBX v2 / MARTIF layout): each
 * concept entry gives one gloss per Hebrew or Arabic section, its first term the term, a term noted
 * `lemma` the lemma, the entry's notes the note, and the first English term the meaning. The whole file is
 * refused, with the line at fault, when it is not well-formed or an entry has no Hebrew or Arabic term or
 * no English one.
 */
export function parseGlossaryTbx(text: string): GlossaryImport {
  let root: XmlElement;
  try {
    root = parseXmlRoot(text, 'TBX');
  } catch (error) {
    if (error instanceof BilingualImportError) return { ok: false, message: error.message };
    throw error;
  }
  if (root.name !== 'tbx' && root.name !== 'martif') return { ok: false, message: `This file is XML but not TBX: its root element is <${root.name}>.` };
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const lines = [...source.matchAll(conceptStart)].map((match) => source.slice(0, match.index).split('\n').length);
  const concepts = conceptNames.flatMap((name) => descendants(root, name));
  const entries: GlossaryEntry[] = [];
  for (const [index, concept] of concepts.entries()) {
    const at = lines[index] === undefined ? `Entry ${index + 1}` : `Line ${lines[index]}`;
    const sections = elements(concept).filter((child) => languageSectionNames.has(child.name));
    const withLanguage = sections.map((section) => ({ language: languageFromTag(languageAttribute(section)), terms: termsOf(section) }));
    const meaning = withLanguage.find((section) => section.language === 'en')?.terms[0]?.text;
    const glossed = withLanguage.filter((section) => (section.language === 'he' || section.language === 'ar') && section.terms.length > 0);
    if (glossed.length === 0) return { ok: false, message: `${at}: the entry has no Hebrew or Arabic term.` };
    if (meaning === undefined) return { ok: false, message: `${at}: "${glossed[0]!.terms[0]!.text}" has no English term to give its meaning.` };
    const note = elements(concept, 'note').map(textOf).filter(Boolean).join('\n');
    for (const { language, terms } of glossed) {
      const surface = terms.find((term) => !term.lemma) ?? terms[0]!;
      const lemma = terms.find((term) => term.lemma && term !== surface)?.text;
      entries.push({ surface: surface.text, language: language!, meaning, ...(lemma ? { lemma } : {}), ...(note ? { note } : {}) });
    }
  }
  return entries.length > 0 ? { ok: true, entries } : { ok: false, message: 'The file holds no glosses.' };
}

/** A glossary file by its kind: TBX (`.tbx`, or any file that starts as XML), otherwise CSV or Anki's TSV. */
export function parseGlossaryFile(fileName: string, text: string, defaultLanguage: TextLanguage): GlossaryImport {
  const xml = /\.(tbx|xml)$/i.test(fileName) || text.replace(/^\uFEFF/, '').trimStart().startsWith('<');
  return xml ? parseGlossaryTbx(text) : parseGlossary(text, defaultLanguage);
}
