import type { SegmentStatus } from './translation-output';
import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { targumProperty } from './targum-properties';
import { xmlAttribute, xmlElement, xmlText } from './xml-text';

/** The target `state` for each status, and back. */
export const xliffState: Record<SegmentStatus, string> = { machine: 'needs-review-translation', edited: 'translated', confirmed: 'final' };

export const xliffFallbackOriginal = 'targum-export';

/**
 * XLIFF 1.2 (valid against the strict schema): one `group` per paragraph, one `trans-unit` per unit; the raw machine
 * translation as `alt-trans` when a correction exists; model, confirmation date and link as a `context-group`.
 */
export async function writeXliff(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const { sourceLanguage: from, targetLanguage: to } = document;
  const outlet = document.outlet ? ` product-name="${xmlAttribute(document.outlet)}"` : '';
  const head =
    `<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n` +
    `  <file original="${xmlAttribute(document.title || xliffFallbackOriginal)}" source-language="${from}" target-language="${to}" datatype="plaintext"` +
    ` tool-id="targum" date="${new Date(document.createdAt).toISOString()}"${outlet}>\n` +
    `    <header>\n      <tool tool-id="targum" tool-name="Targum" tool-version="${xmlAttribute(document.toolVersion)}"/>\n    </header>\n    <body>\n`;
  const units = await mapWithProgress(
    document.units,
    (unit, index) => {
      const opens = index === 0 || document.units[index - 1]!.paragraph !== unit.paragraph;
      const closes = index === document.units.length - 1 || document.units[index + 1]!.paragraph !== unit.paragraph;
      return (
        (opens ? `      <group id="p${unit.paragraph + 1}" restype="x-paragraph">\n` : '') +
        transUnit(document, unit, index) +
        (closes ? '      </group>\n' : '')
      );
    },
    progress,
  );
  return `${head}${units.join('')}    </body>\n  </file>\n</xliff>\n`;
}

function transUnit(document: BilingualDocument, unit: BilingualUnit, index: number): string {
  const id = index + 1;
  const contexts = [
    [targumProperty.model, unit.model ?? document.model],
    [targumProperty.confirmed, unit.confirmedAt],
    [targumProperty.link, unit.link && linkType(unit.link)],
    [targumProperty.confidence, unit.link && String(roundConfidence(unit.link.confidence))],
    [targumProperty.mtConfidence, unit.quality && String(roundConfidence(unit.quality.confidence))],
  ]
    .filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== '')
    .map(([type, value]) => `\n            <context context-type="${type}">${xmlText(value)}</context>`)
    .join('');
  const lang = ` xml:lang="${document.targetLanguage}"`;
  return (
    `        <trans-unit id="${id}" restype="x-${document.segtype}" xml:space="preserve"${unit.status === 'confirmed' ? ' approved="yes"' : ''}>` +
    `\n          <source xml:lang="${document.sourceLanguage}">${xmlText(unit.source)}</source>` +
    `\n          <target${lang} state="${xliffState[unit.status]}">${xmlText(unit.target)}</target>` +
    (contexts ? `\n          <context-group name="u${id}" purpose="information">${contexts}\n          </context-group>` : '') +
    unit.notes.map((note) => `\n          ${xmlElement('note', note, ' annotates="source"')}`).join('') +
    (unit.machine === undefined ? '' : `\n          <alt-trans origin="machine-translation" tool-id="targum">${xmlElement('target', unit.machine, lang)}</alt-trans>`) +
    `\n        </trans-unit>\n`
  );
}
