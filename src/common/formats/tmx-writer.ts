import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { targumProperty, tmxDate } from './targum-properties';
import { xmlAttribute, xmlElement, xmlText } from './xml-text';

const prop = (type: string, value: string | undefined, indent = '      ') => (value === undefined || value === '' ? '' : `\n${indent}<prop type="${type}">${xmlText(value)}</prop>`);

/** TMX 1.4b (valid against tmx14.dtd): one `tu` per unit, Targum's metadata as `prop`s, glosses as `note`s. */
export async function writeTmx(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const header =
    `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n<tmx version="1.4">\n` +
    `  <header creationtool="Targum" creationtoolversion="${xmlAttribute(document.toolVersion)}" segtype="${document.segtype}" o-tmf="Targum"` +
    ` adminlang="en" srclang="${document.sourceLanguage}" datatype="plaintext" creationdate="${tmxDate(document.createdAt)}">` +
    [
      prop(targumProperty.title, document.title, '    '),
      prop(targumProperty.outlet, document.outlet, '    '),
      prop(targumProperty.model, document.model, '    '),
    ].join('') +
    `\n  </header>\n  <body>\n`;
  const units = await mapWithProgress(document.units, (unit, index) => tmxUnit(document, unit, index), progress);
  return `${header}${units.join('')}  </body>\n</tmx>\n`;
}

function tmxUnit(document: BilingualDocument, unit: BilingualUnit, index: number): string {
  const changed = unit.confirmedAt ? ` changedate="${tmxDate(unit.confirmedAt)}"` : '';
  const notes = unit.notes.map((note) => `\n      ${xmlElement('note', note)}`).join('');
  return (
    `    <tu tuid="${index + 1}"${changed}>` +
    prop(targumProperty.status, unit.status) +
    prop(targumProperty.paragraph, String(unit.paragraph + 1)) +
    prop(targumProperty.model, unit.model ?? document.model) +
    prop(targumProperty.confirmed, unit.confirmedAt) +
    prop(targumProperty.title, document.title) +
    prop(targumProperty.outlet, document.outlet) +
    prop(targumProperty.machine, unit.machine) +
    (unit.link ? prop(targumProperty.link, linkType(unit.link)) + prop(targumProperty.confidence, String(roundConfidence(unit.link.confidence))) : '') +
    notes +
    `\n      <tuv xml:lang="${document.sourceLanguage}"><seg>${xmlText(unit.source)}</seg></tuv>` +
    `\n      <tuv xml:lang="${document.targetLanguage}"><seg>${xmlText(unit.target)}</seg></tuv>\n    </tu>\n`
  );
}
