import { cleanImportedLine, stripBidiControls } from '../import/clean-text';
import { decodeText } from '../import/encoding';
import type { BilingualDocument } from './bilingual-document';
import { readTmx } from './tmx-reader';
import { readTsvPairs, type TsvLanguages } from './tsv-reader';
import { readXliff } from './xliff-reader';

export { BilingualImportError } from './xml-tree';
export type BilingualImportFormat = 'tmx' | 'xliff' | 'tsv';

/** The format of a file from its name, or from its first element when the name says nothing. */
export function importFormatOf(fileName: string, text: string): BilingualImportFormat {
  const extension = /\.([^.]+)$/.exec(fileName.toLowerCase())?.[1];
  if (extension === 'tmx') return 'tmx';
  if (extension === 'xlf' || extension === 'xliff') return 'xliff';
  if (extension === 'tsv' || extension === 'tab') return 'tsv';
  const start = text.slice(0, 4096);
  if (/<(\w+:)?xliff[\s>]/.test(start)) return 'xliff';
  if (/^\s*(\uFEFF)?\s*</.test(start)) return 'tmx';
  return 'tsv';
}

/** How far a reader is through a file's text, from 0 to 1 (XML files report as they are read; TSV is quick). */
export type ReadProgress = (fraction: number) => void;

/** A TMX, XLIFF or TSV file's text as a bilingual document; a file that is none of these is refused in one sentence. */
export function readBilingualText(fileName: string, text: string, languages?: TsvLanguages, onProgress?: ReadProgress): BilingualDocument {
  const format = importFormatOf(fileName, text);
  return withoutBidiControls(format === 'tmx' ? readTmx(text, onProgress) : format === 'xliff' ? readXliff(text, onProgress) : readTsvPairs(text, languages));
}

/** Every text the file gave, without bidi overrides (layout instructions that can disguise what text says). */
function withoutBidiControls(document: BilingualDocument): BilingualDocument {
  const { outlet: given, ...rest } = document;
  const outlet = given === undefined ? undefined : cleanImportedLine(given);
  return {
    ...rest,
    title: cleanImportedLine(document.title),
    ...(outlet ? { outlet } : {}),
    units: document.units.map((unit) => ({
      ...unit,
      source: stripBidiControls(unit.source),
      target: stripBidiControls(unit.target),
      ...(unit.machine === undefined ? {} : { machine: stripBidiControls(unit.machine) }),
      notes: unit.notes.map(stripBidiControls),
      ...(unit.link ? { link: { ...unit.link, sourceSentences: unit.link.sourceSentences.map(stripBidiControls), targetSentences: unit.link.targetSentences.map(stripBidiControls) } } : {}),
    })),
  };
}

/** The same from a file's bytes: UTF-8 or UTF-16 (TMX files often are), with or without a byte-order mark. */
export function readBilingualFile(fileName: string, bytes: Uint8Array, languages?: TsvLanguages, onProgress?: ReadProgress): BilingualDocument {
  return readBilingualText(fileName, decodeText(bytes).text, languages, onProgress);
}
