import type { BilingualDocument } from './bilingual-document';
import { withoutBidiControls } from './bilingual-text';
import { writeCsv, writeTsv, type DelimitedOptions } from './delimited-writers';
import { writeDocx } from './docx-writer';
import { safeFileName } from './file-name';
import { writeHtml } from './html-writer';
import { writeJson } from './json-writer';
import { writeInterleavedText, writeMoses, writeTranslationText } from './text-writers';
import { writeTmx } from './tmx-writer';
import { writeXliff } from './xliff-writer';

export const bilingualFormats = ['txt', 'interleaved', 'tsv', 'csv', 'json', 'tmx', 'xliff', 'moses', 'html', 'docx'] as const;
export type BilingualFormat = (typeof bilingualFormats)[number];

/** What an export dialog shows for each format. */
export const bilingualFormatLabels: Record<BilingualFormat, string> = {
  txt: 'Plain text, translation only',
  interleaved: 'Plain text, interleaved',
  tsv: 'TSV',
  csv: 'CSV',
  json: 'JSON',
  tmx: 'TMX 1.4b',
  xliff: 'XLIFF 1.2',
  moses: 'Moses parallel text (two files)',
  html: 'Bilingual HTML',
  docx: 'Word (DOCX)',
};

export type WriterOptions = DelimitedOptions;

/** One written file: its extension (without the dot), type and content; Moses gives two, named by language. */
export interface WrittenFile {
  extension: string;
  mimeType: string;
  data: string | Uint8Array;
}

const utf8 = ';charset=utf-8';
const one = (extension: string, mimeType: string) => (data: string | Uint8Array): WrittenFile[] => [{ extension, mimeType, data }];

/**
 * Every format's writer, by name. All take the same document; bidi embedding, override and isolate controls are
 * removed first (direction marks stay).
 */
export const bilingualWriters: Record<BilingualFormat, (document: BilingualDocument, options?: WriterOptions) => Promise<WrittenFile[]>> = {
  txt: async (document, options) => one('txt', `text/plain${utf8}`)(await writeTranslationText(withoutBidiControls(document), options)),
  interleaved: async (document, options) => one('txt', `text/plain${utf8}`)(await writeInterleavedText(withoutBidiControls(document), options)),
  tsv: async (document, options) => one('tsv', `text/tab-separated-values${utf8}`)(await writeTsv(withoutBidiControls(document), options)),
  csv: async (document, options) => one('csv', `text/csv${utf8}`)(await writeCsv(withoutBidiControls(document), options)),
  json: async (document, options) => one('json', 'application/json')(await writeJson(withoutBidiControls(document), options)),
  tmx: async (document, options) => one('tmx', 'application/x-tmx+xml')(await writeTmx(withoutBidiControls(document), options)),
  xliff: async (document, options) => one('xlf', 'application/x-xliff+xml')(await writeXliff(withoutBidiControls(document), options)),
  html: async (document, options) => one('html', `text/html${utf8}`)(await writeHtml(withoutBidiControls(document), options)),
  docx: async (document, options) =>
    one('docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')(await writeDocx(withoutBidiControls(document), options)),
  moses: async (document, options) => {
    const { source, target } = await writeMoses(withoutBidiControls(document), options);
    return [
      { extension: document.sourceLanguage, mimeType: `text/plain${utf8}`, data: source },
      { extension: document.targetLanguage, mimeType: `text/plain${utf8}`, data: target },
    ];
  },
};

export interface ExportedFile extends WrittenFile {
  /** A safe file name from the document's title. */
  name: string;
}

/** An export as the app saves it: the files of `format`, each named from the title (Moses: `Title.he` and `Title.en`). */
export async function exportBilingual(document: BilingualDocument, format: BilingualFormat, options?: WriterOptions): Promise<ExportedFile[]> {
  const files = await bilingualWriters[format](document, options);
  return files.map((file) => ({ ...file, name: safeFileName(document.title, file.extension) }));
}
