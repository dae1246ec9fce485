/**
 * A Word document's (.docx) article text: the body's paragraphs in order, table cells included, one per line.
 * Inserted text (tracked changes) counts and deleted or moved-away text does not; footnote and endnote text,
 * comments, field codes and text inside drawings stay out. Right-to-left paragraphs are stored in logical
 * order already, like every other paragraph. The title is the paragraph in Word's Title style, or else the
 * document's title property (docProps/core.xml). The document's author and company are not its outlet, and
 * its created and modified dates are when the file was written, not when the article was published: neither
 * is taken.
 */
import { XMLParser } from 'fast-xml-parser';
import { formatBytes } from '../format-bytes';
import { disallowedCharacterReference, maxXmlNesting, xmlFailureReason } from '../formats/xml-tree';
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
const lyingBombMessage = 'This .docx file unpacks to more than it declares, as a zip bomb does, so Targum does not open it.';
const doctypeMessage = 'This Word document holds XML with a DOCTYPE, which Word never writes; Targum does not read it.';
const noTextMessage = 'This Word document holds no text.';

function zipMessage(error: ZipError): string {
  switch (error.code) {
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
    if (error instanceof ZipError) throw new ArticleImportError(zipMessage(error));
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
  const disallowed = disallowedCharacterReference(text);
  if (disallowed) throw new ArticleImportError(`This Word document refers to the character ${disallowed}, which XML does not allow; it is damaged or was not made by Word.`);
  return text;
}

/** A part parsed, the parser's own failures told as what is wrong with the document. */
function parsePart<Parsed>(parse: () => Parsed): Parsed {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ArticleImportError) throw error;
    throw new ArticleImportError(`This Word document cannot be read: ${xmlFailureReason(error)}; open it in Word or LibreOffice and save it again.`);
  }
}

// ---------------------------------------------------------------------------------------------
// WordprocessingML

/** A parsed XML node in document order (fast-xml-parser's preserveOrder form), namespace prefixes removed. */
type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const orderedParser = new XMLParser({
  preserveOrder: true,
  removeNSPrefix: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: maxXmlNesting,
});

function tagOf(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@');
}

function childrenOf(node: XmlNode, tag: string): XmlNode[] {
  const children = node[tag];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}

function findChild(nodes: readonly XmlNode[], tag: string): XmlNode | undefined {
  return nodes.find((node) => tagOf(node) === tag);
}

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
  const root = parsePart(() => orderedParser.parse(xml) as XmlNode[]);
  const document = findChild(root, 'document');
  const body = document && findChild(childrenOf(document, 'document'), 'body');
  if (body === undefined) throw new ArticleImportError(damagedMessage);
  const paragraphs: DocxParagraph[] = [];
  collectParagraphs(childrenOf(body, 'body'), paragraphs);
  return paragraphs;
}

/** Paragraphs in document order, through tables, content controls and inserted runs. */
function collectParagraphs(nodes: readonly XmlNode[], paragraphs: DocxParagraph[]): void {
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || skippedInBody.has(tag)) continue;
    if (tag === 'p') {
      const children = childrenOf(node, 'p');
      const properties = findChild(children, 'pPr');
      const style = properties && findChild(childrenOf(properties, 'pPr'), 'pStyle')?.[':@']?.val;
      paragraphs.push({ text: paragraphText(children), ...(style ? { style } : {}) });
    } else {
      collectParagraphs(childrenOf(node, tag), paragraphs);
    }
  }
}

function paragraphText(nodes: readonly XmlNode[]): string {
  let text = '';
  for (const node of nodes) {
    const tag = tagOf(node);
    if (tag === undefined || skippedInParagraph.has(tag)) continue;
    if (tag === 't') text += childrenOf(node, 't').map((child) => (typeof child['#text'] === 'string' ? child['#text'] : '')).join('');
    else if (tag === 'tab' || tag === 'ptab') text += '\t';
    else if (tag === 'br' || tag === 'cr') text += '\n';
    else if (tag === 'noBreakHyphen') text += '\u2011';
    else if (tag !== '#text') text += paragraphText(childrenOf(node, tag));
  }
  return text;
}

const plainParser = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, parseAttributeValue: false, ignoreDeclaration: true, maxNestedTags: maxXmlNesting });

/** Ids of the paragraph styles named "Title" (built-in style names are stored in English, whatever the display language). */
function titleStyleIds(xml: string | undefined): Set<string> {
  const ids = new Set(['Title']);
  if (xml === undefined) return ids;
  const styles = (parsePart(() => plainParser.parse(xml)) as { styles?: { style?: unknown } }).styles?.style;
  for (const style of Array.isArray(styles) ? styles : styles ? [styles] : []) {
    const { styleId, name } = style as { styleId?: string; name?: { val?: string } };
    if (styleId && name?.val?.toLowerCase() === 'title') ids.add(styleId);
  }
  return ids;
}

function coreTitle(xml: string | undefined): string | undefined {
  if (xml === undefined) return undefined;
  const title = (parsePart(() => plainParser.parse(xml)) as { coreProperties?: { title?: unknown } }).coreProperties?.title;
  if (typeof title === 'string') return title;
  const text = (title as { '#text'?: unknown } | undefined)?.['#text'];
  return typeof text === 'string' ? text : undefined;
}
