/** Characters XML 1.0 does not allow anywhere (C0 controls but tab and line ends, U+FFFE/F, unpaired surrogates). */
// eslint-disable-next-line no-control-regex -- these control characters are exactly what must go
const notXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const textEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const attributeEscapes: Record<string, string> = { ...textEscapes, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

// eslint-disable-next-line no-control-regex -- a quick test for anything xmlText or xmlAttribute would change
const needsWork = /[\u0000-\u001F&<>"\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Element content: markup characters escaped, a carriage return kept as a reference (parsers turn a raw one into a newline). */
export function xmlText(value: string): string {
  if (!needsWork.test(value)) return value;
  return value.replace(notXml, '').replace(/[&<>\r]/g, (character) => textEscapes[character]!);
}

/** A double-quoted attribute value; tabs and line ends as references so that attribute normalisation keeps them. */
export function xmlAttribute(value: string): string {
  if (!needsWork.test(value)) return value;
  return value.replace(notXml, '').replace(/[&<>"\t\n\r]/g, (character) => attributeEscapes[character]!);
}

/** An element with escaped text content, or nothing when the value is undefined. */
export function xmlElement(name: string, value: string | undefined, attributes = ''): string {
  return value === undefined ? '' : `<${name}${attributes}>${xmlText(value)}</${name}>`;
}
