/**
 * A Word document's (.docx) article text: the body's paragraphs in order, table cells included, one per line.
 * Inserted text (tracked changes) counts and deleted or moved-away text does not; footnote and endnote text,
 * comments, field codes and text inside drawings stay out. Right-to-left paragraphs are stored in logical
 * order already, like every other paragraph. The title is the paragraph in Word's Title style, or else the
 * document's title property (docProps/core.xml). The document's author and company are not its outlet, and
 * its created and modified dates are when the file was written, not when the article was published: neither
 * is taken.
 */
import { formatBytes } from '../format-bytes';
import { BilingualImportError, descendants, elements, firstElement, parseXmlRoot, type XmlElement } from '../formats/xml-tree';
import { ArticleImportError } from './article-import';
import { defaultZipLimits, readZipDirectory, readZipEntry, ZipError, type ZipEntry, type ZipLimits } from './zip';

export interface DocxContent {
  /** The paragraphs' text, one per line. */
  text: string;
  title?: string;
}

/** WHATWG `TextDecoder`, present in browsers and Node but not in the ECMAScript library this layer is typed with. */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean }) => { decode(input: Uint8Array): string };

const documentPart = 'word/document.xml';
const stylesPart = 'word/styles.xml';
const corePart = 'docProps/core.xml';

/** Compound File (OLE) signature: a .doc, or a .docx that Word encrypted with a password. */
const oleSignature = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

// Messages: one sentence each, what happened and what to do.
const oleMessage =
  'This is an old-style Word document (.doc) or a password-protected one, which Targum cannot read; save it in Word as .docx without a password and import it again.';
const notZipMessage = 'This file is not a Word document (.docx); save it from Word or LibreOffice as .docx and import it again.';
const noDocumentMessage = 'This ZIP archive is not a Word document (it has no word/document.xml); save the article from Word as .docx and import it again.';
const damagedMessage = 'This Word document is damaged; open it in Word or LibreOffice, save it again and import the new copy.';
const encryptedMessage = 'This Word document is encrypted; save it without a password and import it again.';
const unsupportedMessage = 'This Word document is stored in a way Targum cannot read (a ZIP64 archive or an unusual compression); save it again from Word.';
const bombMessage = (unpacked: number, packed: number): string =>
  `This .docx file unpacks to ${formatBytes(unpacked)} or more from ${formatBytes(packed)}, far out of proportion for a document (a zip bomb), so Targum does not open it.`;
const tooLargeMessage = (unpacked: number, limit: number): string =>
  `This Word document's text is ${formatBytes(unpacked)} of XML, more than Targum reads from one document (${formatBytes(limit)}); split it, or save it as plain text.`;
const lyingBombMessage = 'This .docx file unpacks to more than it declares, as a zip bomb does, so Targum does not open it.';
const doctypeMessage = 'This Word document holds XML with a DOCTYPE, which Word never writes; Targum does not read it.';
const noTextMessage = 'This Word document holds no text.';

function zipMessage(error: ZipError, limits: ZipLimits): string {
  switch (error.code) {
    case 'too-large':
      return tooLargeMessage(error.sizes?.unpacked ?? limits.maxEntryBytes, limits.maxEntryBytes);
    case 'not-zip':
      return notZipMessage;
    case 'encrypted':
      return encryptedMessage;
    case 'unsupported':
      return unsupportedMessage;
    case 'bomb':
      return error.sizes ? bombMessage(error.sizes.unpacked, error.sizes.packed) : lyingBombMessage;
    default:
      return damagedMessage;
  }
}

/** The text and title of a .docx file; a clear ArticleImportError for anything that is not a readable Word document. */
export function readDocx(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): DocxContent {
  if (oleSignature.every((byte, index) => bytes[index] === byte)) throw new ArticleImportError(oleMessage);
  try {
    const entries = new Map(readZipDirectory(bytes, limits).map((entry) => [entry.name, entry]));
    const documentEntry = entries.get(documentPart);
    if (documentEntry === undefined) throw new ArticleImportError(noDocumentMessage);
    const xml = (entry: ZipEntry | undefined): string | undefined => (entry === undefined ? undefined : xmlText(readZipEntry(bytes, entry, limits)));

    const titleStyles = titleStyleIds(xml(entries.get(stylesPart)));
    const paragraphs = bodyParagraphs(xml(documentEntry)!);
    const text = paragraphs.map((paragraph) => paragraph.text).join('\n');
    if (text.trim() === '') throw new ArticleImportError(noTextMessage);
    const title = paragraphs.find((paragraph) => paragraph.style !== undefined && titleStyles.has(paragraph.style) && paragraph.text.trim())?.text ?? coreTitle(xml(entries.get(corePart)));
    return { text, ...(title?.trim() ? { title: title.replace(/\s+/g, ' ').trim() } : {}) };
  } catch (error) {
    if (error instanceof ZipError) throw new ArticleImportError(zipMessage(error, limits));
    throw error;
  }
}

function xmlText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleImportError(damagedMessage);
  }
  // Entity definitions are how XML bombs expand; Word's parts never declare any.
  if (/<!DOCTYPE/i.test(text)) throw new ArticleImportError(doctypeMessage);
  return text;
}

/** A part's root element; what the XML reader refuses is said of the Word document. */
function parsePart(xml: string): XmlElement {
  try {
    return parseXmlRoot(xml, 'Word XML');
  } catch (error) {
    if (!(error instanceof BilingualImportError)) throw error;
    const disallowed = /refers to the character (.+), which XML does not allow/.exec(error.message)?.[1];
    if (disallowed) throw new ArticleImportError(`This Word document refers to the character ${disallowed}, which XML does not allow; it is damaged or was not made by Word.`);
    const reason = /: (its .*|it .*)\.$/.exec(error.message)?.[1] ?? 'its XML could not be read';
    throw new ArticleImportError(`This Word document cannot be read: ${reason}; open it in Word or LibreOffice and save it again.`);
  }
}

// ---------------------------------------------------------------------------------------------
// WordprocessingML

/** Parts of the body that are not the article's running text. */
const skippedInBody = new Set(['del', 'moveFrom', 'sectPr', 'drawing', 'pict', 'object', 'Fallback', 'commentRangeStart', 'commentRangeEnd']);
/** Parts of a paragraph that are not its text: properties, deleted text, field codes, note and comment marks, drawings and text boxes. */
const skippedInParagraph = new Set([
  'pPr', 'rPr', 'del', 'delText', 'moveFrom', 'instrText', 'delInstrText', 'fldChar', 'footnoteReference', 'endnoteReference', 'commentReference',
  'annotationRef', 'footnoteRef', 'endnoteRef', 'separator', 'continuationSeparator', 'drawing', 'pict', 'object', 'Fallback', 'sym', 'softHyphen', 'lastRenderedPageBreak',
]);

interface DocxParagraph {
  text: string;
  style?: string;
}

function bodyParagraphs(xml: string): DocxParagraph[] {
  const root = parsePart(xml);
  const body = root.name === 'document' ? firstElement(root, 'body') : undefined;
  if (body === undefined) throw new ArticleImportError(damagedMessage);
  const paragraphs: DocxParagraph[] = [];
  collectParagraphs(body, paragraphs);
  return paragraphs;
}

/** An attribute by its name without the namespace prefix (`w:val` is `val`). */
function attribute(element: XmlElement | undefined, name: string): string | undefined {
  if (element === undefined) return undefined;
  for (const [key, value] of Object.entries(element.attributes)) if (key.slice(key.indexOf(':') + 1) === name) return value;
  return undefined;
}

/** Paragraphs in document order, through tables, content controls and inserted runs. */
function collectParagraphs(parent: XmlElement, paragraphs: DocxParagraph[]): void {
  for (const element of elements(parent)) {
    if (skippedInBody.has(element.name)) continue;
    if (element.name === 'p') {
      const properties = firstElement(element, 'pPr');
      const style = attribute(properties && firstElement(properties, 'pStyle'), 'val');
      paragraphs.push({ text: paragraphText(element), ...(style ? { style } : {}) });
    } else {
      collectParagraphs(element, paragraphs);
    }
  }
}

function paragraphText(parent: XmlElement): string {
  let text = '';
  for (const element of elements(parent)) {
    const tag = element.name;
    if (skippedInParagraph.has(tag)) continue;
    if (tag === 't') text += element.children.filter((child) => typeof child === 'string').join('');
    else if (tag === 'tab' || tag === 'ptab') text += '\t';
    else if (tag === 'br' || tag === 'cr') text += '\n';
    else if (tag === 'noBreakHyphen') text += '\u2011';
    else text += paragraphText(element);
  }
  return text;
}

/** Ids of the paragraph styles named "Title" (built-in style names are stored in English, whatever the display language). */
function titleStyleIds(xml: string | undefined): Set<string> {
  const ids = new Set(['Title']);
  if (xml === undefined) return ids;
  for (const style of elements(parsePart(xml), 'style')) {
    const styleId = attribute(style, 'styleId');
    if (styleId && attribute(firstElement(style, 'name'), 'val')?.toLowerCase() === 'title') ids.add(styleId);
  }
  return ids;
}

function coreTitle(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const title = descendants(parsePart(xml), 'title')[0];
  return title && title.children.filter((child) => typeof child === 'string').join('');
}
