import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { formatGlossaryAnki, formatGlossaryCsv, formatGlossaryTbx, type GlossaryEntry } from '../../../src/common/glossary/glossary-export';
import { parseGlossary, parseGlossaryFile, parseGlossaryTbx } from '../../../src/common/glossary/glossary-import';

const glossary: GlossaryEntry[] = [
  { surface: 'לצבא', language: 'he', meaning: 'to the army', lemma: 'צבא', note: 'seed 000: "בקשה לצבא סוריה"' },
  { surface: 'צה"ל', language: 'he', meaning: 'IDF, Israel Defense Forces' },
  { surface: 'حزب الله', language: 'ar', meaning: 'Hezbollah\t(party of God)', note: 'line one\nline two' },
  { surface: 'داعش', language: 'ar', meaning: '"Daesh" <ISIS> & co.', lemma: 'داعش' },
  { surface: '#وسم', language: 'ar', meaning: 'hashtag' },
];

const folder = mkdtempSync(path.join(tmpdir(), 'targum-glossary-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('glossary CSV', () => {
  it('has a header row and one RFC 4180 row per gloss, and reads back the same glossary', () => {
    const csv = formatGlossaryCsv(glossary);
    expect(csv.split('\r\n')[0]).toBe('term,meaning,lemma,note,language');
    expect(csv).toContain('"צה""ל","IDF, Israel Defense Forces",,,he\r\n');
    expect(parseGlossary(csv, 'he')).toEqual({ ok: true, entries: glossary });
  });

  it('starts with a byte-order mark when asked, and still reads back', () => {
    const csv = formatGlossaryCsv(glossary, { byteOrderMark: true });
    expect(csv.startsWith('\uFEFFterm,')).toBe(true);
    expect(parseGlossary(csv, 'he')).toEqual({ ok: true, entries: glossary });
  });
});

describe('glossary TSV for Anki', () => {
  const tsv = formatGlossaryAnki(glossary);
  const lines = tsv.split('\n');

  it('starts with the header lines Anki reads and has one line of five tab-separated fields per gloss', () => {
    expect(lines.slice(0, 4)).toEqual(['#separator:tab', '#html:false', '#columns:term\tmeaning\tlemma\tnote\tlanguage', '#tags column:5']);
    expect(lines.slice(4, -1)).toHaveLength(glossary.length);
    expect(lines.at(-1)).toBe('');
    for (const line of lines.slice(4, -1)) expect(line.split('\t')).toHaveLength(5);
  });

  it('turns tabs and line breaks inside a field into spaces and quotes fields Anki would misread', () => {
    expect(lines[6]).toBe('حزب الله\tHezbollah (party of God)\t\tline one line two\tar');
    expect(lines[7]).toBe('داعش\t"""Daesh"" <ISIS> & co."\tداعش\t\tar');
    expect(lines[8]).toBe('"#وسم"\thashtag\t\t\tar');
  });

  it('reads back, with tabs and line breaks as spaces', () => {
    const flattened = glossary.map((entry) => ({ ...entry, meaning: entry.meaning.replace(/\t/g, ' '), ...(entry.note ? { note: entry.note.replace(/\n/g, ' ') } : {}) }));
    expect(parseGlossary(tsv, 'he')).toEqual({ ok: true, entries: flattened });
  });
});

describe('glossary TBX', () => {
  const tbx = formatGlossaryTbx(glossary);

  it('is well-formed XML (xmllint), also when the glossary is empty', () => {
    for (const [name, text] of [['glossary.tbx', tbx], ['empty.tbx', formatGlossaryTbx([])]] as const) {
      const file = path.join(folder, name);
      writeFileSync(file, text);
      expect(() => execFileSync('xmllint', ['--noout', file], { stdio: 'pipe' })).not.toThrow();
    }
    expect(formatGlossaryTbx([])).not.toContain('<body>');
  });

  it('is TBX-Basic: one conceptEntry per gloss with the source term (and lemma) and the English meaning', () => {
    expect(tbx).toContain('<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">');
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['conceptEntry', 'langSec', 'termSec', 'note'].includes(name) }).parse(tbx);
    const concepts = parsed.tbx.text.body.conceptEntry as Array<Record<string, unknown>>;
    expect(concepts).toHaveLength(glossary.length);
    const read = concepts.map((concept) => {
      const [source, english] = concept.langSec as Array<{ '@_xml:lang': string; termSec: Array<{ term: string; note?: string[] }> }>;
      return {
        id: concept['@_id'],
        language: source!['@_xml:lang'],
        terms: source!.termSec.map((termSec) => [termSec.term, ...(termSec.note ?? [])]),
        english: [english!['@_xml:lang'], english!.termSec[0]!.term],
        note: concept.note,
      };
    });
    expect(read[0]).toEqual({ id: 'c1', language: 'he', terms: [['לצבא'], ['צבא', 'lemma']], english: ['en', 'to the army'], note: ['seed 000: "בקשה לצבא סוריה"'] });
    expect(read[2]).toMatchObject({ language: 'ar', terms: [['حزب الله']], note: ['line one\nline two'] });
    // The lemma equal to the term is not repeated; markup characters come back as text.
    expect(read[3]).toMatchObject({ terms: [['داعش']], english: ['en', '"Daesh" <ISIS> & co.'], note: undefined });
  });
});

describe('parseGlossary', () => {
  it('reads a plain two-column list in the default language', () => {
    expect(parseGlossary('צבא,army\nחיזבאללה,Hezbollah\n', 'he')).toEqual({
      ok: true,
      entries: [
        { surface: 'צבא', meaning: 'army', language: 'he' },
        { surface: 'חיזבאללה', meaning: 'Hezbollah', language: 'he' },
      ],
    });
  });

  it('refuses the whole file, naming the line, when a row is not a gloss', () => {
    expect(parseGlossary('term,meaning\nצבא,army\nחיזבאללה,\n', 'he')).toEqual({ ok: false, message: 'Line 3: "חיזבאללה" has no meaning.' });
    expect(parseGlossary('term,meaning,language\nצבא,army,fr\n', 'he')).toEqual({ ok: false, message: 'Line 2: "fr" is not a language Targum knows (he, ar or en).' });
    expect(parseGlossary('"צבא,army\n', 'he')).toEqual({ ok: false, message: 'Line 1: a quoted field is never closed.' });
    expect(parseGlossary('\n\n', 'he')).toEqual({ ok: false, message: 'The file holds no glosses.' });
  });

  it('accepts language names as well as codes', () => {
    expect(parseGlossary('term\tmeaning\tlanguage\nجيش\tarmy\tArabic\n', 'he')).toEqual({ ok: true, entries: [{ surface: 'جيش', meaning: 'army', language: 'ar' }] });
  });
});

describe('parseGlossary with Windows line ends', () => {
  it('reads an Anki file saved with CRLF', () => {
    const tsv = formatGlossaryAnki(glossary.slice(0, 2)).replace(/\n/g, '\r\n');
    expect(parseGlossary(tsv, 'ar')).toEqual({ ok: true, entries: glossary.slice(0, 2) });
  });
});

describe('parseGlossaryTbx', () => {
  it('reads back the TBX export (a lemma equal to its term is not repeated there, so it comes back without one)', () => {
    const expected = glossary.map(({ lemma, ...entry }) => ({ ...entry, ...(lemma && lemma !== entry.surface ? { lemma } : {}) }));
    expect(parseGlossaryTbx(formatGlossaryTbx(glossary))).toEqual({ ok: true, entries: expected });
  });

  it('reads the older TBX v2 (MARTIF) layout: termEntry, langSet, tig', () => {
    const martif = `<?xml version="1.0"?>
<martif type="TBX" xml:lang="en"><text><body>
  <termEntry id="t1"><note>army of a state</note>
    <langSet xml:lang="he-IL"><tig><term>צבא</term></tig></langSet>
    <langSet xml:lang="en-US"><tig><term>army</term></tig><tig><term>military</term></tig></langSet>
  </termEntry>
</body></text></martif>`;
    expect(parseGlossaryTbx(martif)).toEqual({ ok: true, entries: [{ surface: 'צבא', language: 'he', meaning: 'army', note: 'army of a state' }] });
  });

  it('refuses the whole file, naming the line, when an entry has no meaning or no Hebrew or Arabic term, or the XML is broken', () => {
    const lines = formatGlossaryTbx(glossary.slice(0, 2)).split('\n');
    const second = lines.findIndex((line) => line.includes('<conceptEntry id="c2">'));
    const withoutMeaning = lines.map((line, index) => (index > second && line.includes('IDF') ? line.replace('IDF, Israel Defense Forces', '') : line)).join('\n');
    expect(parseGlossaryTbx(withoutMeaning)).toEqual({ ok: false, message: `Line ${second + 1}: "צה"ל" has no English term to give its meaning.` });
    const french = '<tbx>\n<text><body>\n<conceptEntry id="c1">\n<langSec xml:lang="fr"><termSec><term>armée</term></termSec></langSec></conceptEntry>\n</body></text></tbx>';
    expect(parseGlossaryTbx(french)).toEqual({ ok: false, message: 'Line 3: the entry has no Hebrew or Arabic term.' });
    expect(parseGlossaryTbx('<tbx>\n<text>\n<body></text></tbx>')).toMatchObject({ ok: false, message: expect.stringMatching(/^This file is not TBX: its XML is broken at line 3/) });
    expect(parseGlossaryTbx('<html><body/></html>')).toEqual({ ok: false, message: 'This file is XML but not TBX: its root element is <html>.' });
  });

  it('is chosen by the file name or by content that starts as XML', () => {
    const tbx = formatGlossaryTbx(glossary.slice(1, 2));
    expect(parseGlossaryFile('terms.tbx', tbx, 'he')).toEqual(parseGlossaryTbx(tbx));
    expect(parseGlossaryFile('terms.txt', tbx, 'he')).toEqual(parseGlossaryTbx(tbx));
    expect(parseGlossaryFile('terms.csv', 'جيش,army\n', 'he')).toEqual({ ok: true, entries: [{ surface: 'جيش', meaning: 'army', language: 'ar' }] });
  });
});
