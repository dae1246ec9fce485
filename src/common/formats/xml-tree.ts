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
  const root = toNodes(parser.parse(source) as ParsedNode[]).find((node): node is XmlElement => typeof node !== 'string');
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
