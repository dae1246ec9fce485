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

/** A TMX, XLIFF or TSV file's text as a bilingual document; a file that is none of these is refused in one sentence. */
export function readBilingualText(fileName: string, text: string, languages?: TsvLanguages): BilingualDocument {
  const format = importFormatOf(fileName, text);
  return format === 'tmx' ? readTmx(text) : format === 'xliff' ? readXliff(text) : readTsvPairs(text, languages);
}

/** The same from a file's bytes: UTF-8 or UTF-16 (TMX files often are), with or without a byte-order mark. */
export function readBilingualFile(fileName: string, bytes: Uint8Array, languages?: TsvLanguages): BilingualDocument {
  return readBilingualText(fileName, decodeText(bytes).text, languages);
}
