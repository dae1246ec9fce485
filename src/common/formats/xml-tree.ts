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

/** The deepest element nesting read. */
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

/** Where a broken file goes wrong, for the user: the line of `position`, and what is wrong there. */
function broken(source: string, position: number, format: string, what: string): BilingualImportError {
  let line = 1;
  for (let index = source.indexOf('\n'); index !== -1 && index < position; index = source.indexOf('\n', index + 1)) line++;
  return new BilingualImportError(`This file is not ${format}: its XML is broken at line ${line} (${what}).`);
}

const nameAt = /[^\s/>!?<="']+/y;
const attributeAt = /\s+([^\s=/>"'<]+)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;
const tagEndAt = /\s*(\/?)>/y;
const closingEndAt = /\s*>/y;
const bareAmpersand = /&(?!#x[0-9a-fA-F]+;|#[0-9]+;|[A-Za-z_][\w.-]*;)/;

/** The end of a DOCTYPE that starts at `start` (its internal subset skipped, never expanded), or -1 when it has none. */
function doctypeEnd(source: string, start: number): number {
  let quote = '';
  let depth = 0;
  for (let index = start + 2; index < source.length; index++) {
    const char = source[index]!;
    if (quote) quote = char === quote ? '' : quote;
    else if (char === '"' || char === "'") quote = char;
    else if (char === '[') depth++;
    else if (char === ']') depth--;
    else if (char === '>' && depth <= 0) return index + 1;
  }
  return -1;
}

/** Characters read between two progress reports. */
const progressStep = 1 << 20;

/**
 * One linear pass over the text, building the tree and checking well-formedness as it goes (matching tags, quoted
 * attributes, no duplicate attribute, one root, no bare `&`). Comments, processing instructions and the DOCTYPE are
 * skipped; entities the file declares are not expanded (their references stay as written).
 */
function scanXml(source: string, format: string, onProgress?: (fraction: number) => void): XmlElement | undefined {
  const open: Array<{ element: XmlElement; tag: string }> = [];
  let root: XmlElement | undefined;
  const addText = (text: string, position: number) => {
    const parent = open.at(-1);
    if (!parent) {
      if (text.trim() !== '') throw broken(source, position, format, 'text outside the root element');
      return;
    }
    if (bareAmpersand.test(text)) throw broken(source, position, format, "an '&' that starts no reference");
    parent.element.children.push(decodeReferences(text));
  };
  let index = 0;
  let reported = 0;
  while (index < source.length) {
    if (onProgress && index - reported > progressStep) {
      reported = index;
      onProgress(index / source.length);
    }
    const lt = source.indexOf('<', index);
    if (lt !== index) addText(source.slice(index, lt === -1 ? source.length : lt), index);
    if (lt === -1) break;
    const next = source[lt + 1];
    if (next === '/') {
      nameAt.lastIndex = lt + 2;
      const tag = nameAt.exec(source)?.[0];
      closingEndAt.lastIndex = lt + 2 + (tag?.length ?? 0);
      const current = open.at(-1);
      if (!tag || !closingEndAt.exec(source)) throw broken(source, lt, format, 'a closing tag that does not end');
      if (current?.tag !== tag) throw broken(source, lt, format, current ? `</${tag}> closes <${current.tag}>` : `</${tag}> closes nothing`);
      open.pop();
      index = closingEndAt.lastIndex;
    } else if (next === '!') {
      if (source.startsWith('<!--', lt)) {
        const end = source.indexOf('-->', lt + 4);
        if (end === -1) throw broken(source, lt, format, 'a comment that does not end');
        index = end + 3;
      } else if (source.startsWith('<![CDATA[', lt)) {
        const end = source.indexOf(']]>', lt + 9);
        if (end === -1 || open.length === 0) throw broken(source, lt, format, 'a CDATA section out of place');
        open.at(-1)!.element.children.push(source.slice(lt + 9, end));
        index = end + 3;
      } else if (source.startsWith('<!DOCTYPE', lt) && root === undefined) {
        index = doctypeEnd(source, lt);
        if (index === -1) throw broken(source, lt, format, 'a DOCTYPE that does not end');
      } else throw broken(source, lt, format, "a '<!' that starts nothing XML knows");
    } else if (next === '?') {
      const end = source.indexOf('?>', lt + 2);
      if (end === -1) throw broken(source, lt, format, 'a processing instruction that does not end');
      index = end + 2;
    } else {
      nameAt.lastIndex = lt + 1;
      const tag = nameAt.exec(source)?.[0];
      if (!tag) throw broken(source, lt, format, "a '<' that starts no tag");
      const attributes: Record<string, string> = {};
      let position = lt + 1 + tag.length;
      for (let match; (attributeAt.lastIndex = position), (match = attributeAt.exec(source)); position = attributeAt.lastIndex) {
        const name = match[1]!;
        if (Object.hasOwn(attributes, name)) throw broken(source, lt, format, `<${tag}> has the attribute ${name} twice`);
        attributes[name] = decodeReferences(match[2] ?? match[3]!);
      }
      tagEndAt.lastIndex = position;
      const end = tagEndAt.exec(source);
      if (!end) throw broken(source, lt, format, `<${tag}> has a malformed attribute or does not end`);
      const element: XmlElement = { name: tag.slice(tag.indexOf(':') + 1), attributes, children: [] };
      const parent = open.at(-1);
      if (parent) parent.element.children.push(element);
      else if (root) throw broken(source, lt, format, 'a second root element');
      else root = element;
      if (!end[1]) {
        if (open.length === maxXmlNesting) throw new BilingualImportError(`This file is not ${format} Targum can read: its elements are nested more than ${maxXmlNesting} levels deep, far more than any real document.`);
        open.push({ element, tag });
      }
      index = tagEndAt.lastIndex;
    }
  }
  const unclosed = open.at(-1);
  if (unclosed) throw broken(source, source.length, format, `<${unclosed.tag}> is never closed`);
  return root;
}

/** The root element of an XML file; anything that is not well-formed XML is refused in one sentence. */
export function parseXmlRoot(text: string, format: string, onProgress?: (fraction: number) => void): XmlElement {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!source.trimStart().startsWith('<')) throw new BilingualImportError(`This file is not ${format}: it is not XML.`);
  const disallowed = disallowedCharacterReference(source);
  if (disallowed) throw new BilingualImportError(`This file is not ${format} Targum can read: it refers to the character ${disallowed}, which XML does not allow.`);
  const root = scanXml(source, format, onProgress);
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
