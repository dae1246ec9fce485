import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A file that is not what its reader reads; the message is one sentence for the user. */
export class BilingualImportError extends Error {
  override name = 'BilingualImportError';
}

export interface XmlElement {
  /** The name without its namespace prefix. */
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const references = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(amp|lt|gt|quot|apos));/g;
const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML's five named references and character references, decoded once (the parser is told to leave them). */
function decodeReferences(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(references, (whole, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (name) return named[name]!;
    const codePoint = Number.parseInt(hex ?? decimal!, hex ? 16 : 10);
    return codePoint <= 0x10ffff ? String.fromCodePoint(codePoint) : whole;
  });
}

/** The deepest element nesting read (fast-xml-parser's own limit, stated here so the message can name it). */
export const maxXmlNesting = 100;

/**
 * The first character reference to a character XML does not allow (`&#0;`, a lone surrogate `&#xD800;`, other
 * C0 controls but tab and line ends, U+FFFE, U+FFFF, or past U+10FFFF), as U+XXXX; undefined when there is none.
 */
export function disallowedCharacterReference(text: string): string | undefined {
  if (!text.includes('&#')) return undefined;
  for (const match of text.matchAll(/&#(?:x([0-9a-fA-F]+)|([0-9]+));/g)) {
    const codePoint = Number.parseInt(match[1] ?? match[2]!, match[1] ? 16 : 10);
    const allowed =
      codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd || (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) || (codePoint >= 0x10000 && codePoint <= 0x10ffff);
    if (!allowed) return codePoint > 0xffffff ? 'past U+10FFFF' : `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

/** A parser library's failure in the user's words: what is wrong with the file, never the library's own message. */
export function xmlFailureReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/nested tags|maximum call stack|too much recursion/i.test(message)) return `its elements are nested more than ${maxXmlNesting} levels deep, far more than any real document`;
  if (/entit/i.test(message)) return 'it declares entities, which Targum does not expand';
  return 'its XML could not be read';
}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
  maxNestedTags: maxXmlNesting,
});

type ParsedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

function toNodes(parsed: ParsedNode[]): XmlNode[] {
  const nodes: XmlNode[] = [];
  for (const node of parsed) {
    if ('#text' in node) nodes.push(decodeReferences(String(node['#text'])));
    else if ('#cdata' in node) nodes.push((node['#cdata'] as ParsedNode[]).map((text) => String(text['#text'] ?? '')).join(''));
    else {
      const tag = Object.keys(node).find((key) => key !== ':@');
      if (tag === undefined || tag.startsWith('?') || tag.startsWith('!')) continue;
      const attributes: Record<string, string> = {};
      for (const [key, value] of Object.entries(node[':@'] ?? {})) attributes[key] = decodeReferences(String(value));
      nodes.push({ name: tag.slice(tag.indexOf(':') + 1), attributes, children: toNodes(node[tag] as ParsedNode[]) });
    }
  }
  return nodes;
}

/** The root element of an XML file; anything that is not well-formed XML is refused in one sentence. */
export function parseXmlRoot(text: string, format: string): XmlElement {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.trimStart().startsWith('<')) throw new BilingualImportError(`This file is not ${format}: it is not XML.`);
  const valid = XMLValidator.validate(source);
  if (valid !== true) throw new BilingualImportError(`This file is not ${format}: its XML is broken at line ${valid.err.line} (${valid.err.msg}).`);
  const disallowed = disallowedCharacterReference(source);
  if (disallowed) throw new BilingualImportError(`This file is not ${format} Targum can read: it refers to the character ${disallowed}, which XML does not allow.`);
  let parsed: ParsedNode[];
  try {
    parsed = parser.parse(source) as ParsedNode[];
  } catch (error) {
    throw new BilingualImportError(`This file is not ${format} Targum can read: ${xmlFailureReason(error)}.`);
  }
  const root = toNodes(parsed).find((node): node is XmlElement => typeof node !== 'string');
  if (!root) throw new BilingualImportError(`This file is not ${format}: it has no root element.`);
  return root;
}

export function elements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter((node): node is XmlElement => typeof node !== 'string' && (name === undefined || node.name === name));
}

export function firstElement(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((node): node is XmlElement => typeof node !== 'string' && node.name === name);
}

/** Every element named `name` below `parent`, in document order (not looking inside matches). */
export function descendants(parent: XmlElement, name: string, found: XmlElement[] = []): XmlElement[] {
  for (const child of elements(parent)) {
    if (child.name === name) found.push(child);
    else descendants(child, name, found);
  }
  return found;
}

/**
 * The text of a segment with inline markup: the text inside `keep` elements (highlighting, groups) stays; other
 * elements are native codes (`<b>`, placeholders) and are left out with their content.
 */
export function inlineText(element: XmlElement, keep: ReadonlySet<string>): string {
  let text = '';
  for (const child of element.children) {
    if (typeof child === 'string') text += child;
    else if (keep.has(child.name)) text += inlineText(child, keep);
  }
  return text;
}

/** `xml:lang`, or the `lang` of older files. */
export function languageAttribute(element: XmlElement): string | undefined {
  return element.attributes['xml:lang'] ?? element.attributes.lang;
}
