import { Fragment } from 'react';

/** A run of Latin script with the digits, spaces and punctuation between its words ("F-16", "Windows 10"). */
const latinRun = /[A-Za-z][A-Za-z0-9.,'’&/+\-\s]*[A-Za-z0-9]|[A-Za-z]/g;

/**
 * Right-to-left text with its Latin-script runs isolated, so that a product name with a number or a URL keeps
 * its own order inside Hebrew or Arabic. Digits, Western or Eastern, are left as written.
 */
export function BidiText({ text }: { text: string }) {
  const parts: Array<string | { latin: string }> = [];
  let last = 0;
  for (const match of text.matchAll(latinRun)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({ latin: match[0] });
    last = match.index + match[0].length;
  }
  if (last === 0) return text;
  if (last < text.length) parts.push(text.slice(last));
  return parts.map((part, index) => (typeof part === 'string' ? <Fragment key={index}>{part}</Fragment> : <bdi key={index} dir="ltr">{part.latin}</bdi>));
}
