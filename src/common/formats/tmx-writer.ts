import { linkType, type BilingualDocument, type BilingualUnit } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { targumProperty, tmxDate } from './targum-properties';
import { xmlAttribute, xmlElement, xmlText } from './xml-text';

const prop = (type: string, value: string | undefined, indent = '      ') => (value === undefined || value === '' ? '' : `\n${indent}<prop type="${type}">${xmlText(value)}</prop>`);

/** TMX 1.4b (valid against tmx14.dtd): one `tu` per unit, Targum's metadata as `prop`s, glosses as `note`s. */
export async function writeTmx(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const header =
    `<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n` +
    `  <header creationtool="Targum" creationtoolversion="${xmlAttribute(document.toolVersion)}" segtype="${document.segtype}" o-tmf="Targum"` +
    ` adminlang="en" srclang="${document.sourceLanguage}" datatype="plaintext" creationdate="${tmxDate(document.createdAt)}">` +
    [
      prop(targumProperty.title, document.title, '    '),
      prop(targumProperty.outlet, document.outlet, '    '),
      prop(targumProperty.model, document.model, '    '),
    ].join('') +
    `\n  </header>\n  <body>\n`;
  // What every tu repeats is escaped once.
  const shared = {
    model: prop(targumProperty.model, document.model),
    article: prop(targumProperty.title, document.title) + prop(targumProperty.outlet, document.outlet),
    source: `\n      <tuv xml:lang="${document.sourceLanguage}"><seg>`,
    target: `</seg></tuv>\n      <tuv xml:lang="${document.targetLanguage}"><seg>`,
  };
  const units = await mapWithProgress(document.units, (unit, index) => tmxUnit(unit, index, shared), progress);
  return `${header}${units.join('')}  </body>\n</tmx>\n`;
}

function tmxUnit(unit: BilingualUnit, index: number, shared: { model: string; article: string; source: string; target: string }): string {
  const changed = unit.confirmedAt ? ` changedate="${tmxDate(unit.confirmedAt)}"` : '';
  const notes = unit.notes.map((note) => `\n      ${xmlElement('note', note)}`).join('');
  return (
    `    <tu tuid="${index + 1}"${changed}>` +
    `\n      <prop type="${targumProperty.status}">${unit.status}</prop>` +
    `\n      <prop type="${targumProperty.paragraph}">${unit.paragraph + 1}</prop>` +
    (unit.model === undefined ? shared.model : prop(targumProperty.model, unit.model)) +
    prop(targumProperty.confirmed, unit.confirmedAt) +
    shared.article +
    prop(targumProperty.machine, unit.machine) +
    (unit.quality ? prop(targumProperty.mtConfidence, String(roundConfidence(unit.quality.confidence))) : '') +
    (unit.link ? prop(targumProperty.link, linkType(unit.link)) + prop(targumProperty.confidence, String(roundConfidence(unit.link.confidence))) : '') +
    notes +
    `${shared.source}${xmlText(unit.source)}${shared.target}${xmlText(unit.target)}</seg></tuv>\n    </tu>\n`
  );
}
