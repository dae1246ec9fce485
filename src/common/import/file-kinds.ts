/** The kinds of file Targum imports, told by a file's extension or a fetched page's content type. */
export type ImportFileKind = 'text' | 'html' | 'docx';

const kindByExtension: Readonly<Record<string, ImportFileKind>> = {
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
  '.markdown': 'text',
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.docx': 'docx',
};

const kindByContentType: Readonly<Record<string, ImportFileKind>> = {
  'text/plain': 'text',
  'text/markdown': 'text',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** Bilingual files (translation memories, CAT tool exchanges, tables of pairs): imported as pairs, not as articles. */
const bilingualExtensions = new Set(['.tmx', '.xlf', '.xliff', '.tsv']);

export function isBilingualFile(name: string): boolean {
  return bilingualExtensions.has(extensionOf(name));
}

/** What a file picker offers. */
export const importAccept =
  '.txt,.md,.html,.htm,.docx,.tmx,.xlf,.xliff,.tsv,text/plain,text/markdown,text/html,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The extension of a file name, in lower case with its dot ('' when it has none). */
export function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot).toLowerCase() : '';
}

/** The kind of content a media type (a Content-Type header, parameters and all) names. */
export function importKindOfType(contentType: string): ImportFileKind | undefined {
  return kindByContentType[contentType.split(';')[0]!.trim().toLowerCase()];
}

/** The kind of a file: by its extension; by its content type when it has no known extension; text when it has neither. */
export function importKindOf(name: string, contentType?: string): ImportFileKind | undefined {
  const extension = extensionOf(name);
  const byExtension = kindByExtension[extension];
  if (byExtension !== undefined) return byExtension;
  if (contentType) return importKindOfType(contentType);
  return extension === '' ? 'text' : undefined;
}

export function unsupportedTypeMessage(name: string, contentType?: string): string {
  const extension = extensionOf(name);
  const what = extension ? `${extension} files` : contentType ? `${contentType.split(';')[0]} content` : 'This kind of file';
  return `${what} cannot be imported; Targum reads .txt, .md, .html, .htm and .docx files.`;
}
