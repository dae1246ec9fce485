import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { mapWithProgress, type ExportProgress } from './export-progress';

/** The units grouped by paragraph, in order. */
export function unitsByParagraph(units: readonly BilingualUnit[]): BilingualUnit[][] {
  const paragraphs: BilingualUnit[][] = [];
  units.forEach((unit, index) => {
    if (index === 0 || units[index - 1]!.paragraph !== unit.paragraph) paragraphs.push([]);
    paragraphs.at(-1)!.push(unit);
  });
  return paragraphs;
}

/** txt (docs/cli.md): the translation only, a paragraph's sentences joined by a space, paragraphs separated by a blank line. */
export async function writeTranslationText(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const paragraphs = await mapWithProgress(unitsByParagraph(document.units), (units) => units.map((unit) => unit.target).filter((text) => text !== '').join(' '), progress);
  return `${paragraphs.join('\n\n')}\n`;
}

/** Plain text interleaved: the title, then each source line followed by its translation and its notes, a blank line between units. */
export async function writeInterleavedText(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const units = await mapWithProgress(document.units, (unit) => [unit.source, unit.target, ...unit.notes.map((note) => `Note: ${note}`)].join('\n'), progress);
  return [...(document.title ? [document.title] : []), ...units].join('\n\n') + '\n';
}

/** Moses parallel text: line N of each file is unit N; line breaks inside a unit become spaces. */
export async function writeMoses(document: BilingualDocument, progress?: ExportProgress): Promise<{ source: string; target: string }> {
  const oneLine = (text: string) => text.replace(/\r\n|[\n\r\v\f\u0085\u2028\u2029]/g, ' ');
  const lines = await mapWithProgress(document.units, (unit) => [oneLine(unit.source), oneLine(unit.target)] as const, progress);
  const file = (side: 0 | 1) => lines.map((pair) => `${pair[side]}\n`).join('');
  return { source: file(0), target: file(1) };
}
