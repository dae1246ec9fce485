import { foldText } from '../../common/text/fold';

/** A stretch of text around a match, cut into plain and matched parts. */
export interface Snippet {
  parts: Array<{ text: string; match: boolean }>;
  /** Whether text was cut off before and after. */
  before: boolean;
  after: boolean;
}

const foldedChars = new Map<string, string>();

/**
 * The text folded character by character, with where each folded unit came from: `origins[i]` is the index
 * in `text` of the character that folded unit i comes from. The text must be in NFC, as foldText makes it.
 */
export function foldWithOrigins(text: string): { folded: string; origins: Int32Array } {
  const units: string[] = [];
  const origins = new Int32Array(text.length + 1);
  let length = 0;
  let index = 0;
  for (const char of text) {
    let folded = foldedChars.get(char);
    if (folded === undefined) foldedChars.set(char, (folded = foldText(char)));
    units.push(folded);
    for (let unit = 0; unit < folded.length; unit++) origins[length++] = index;
    index += char.length;
  }
  origins[length] = text.length;
  return { folded: units.join(''), origins: origins.subarray(0, length + 1) };
}

/**
 * The passage around the first place where one of the folded terms occurs, in the first paragraph (or
 * sentence) that has one, with every occurrence in it marked; undefined when none occurs. Terms have no
 * spaces, so none spans two paragraphs: only the paragraph found is folded character by character.
 */
export function snippetOf(paragraphs: readonly string[], terms: readonly string[], radius = { before: 50, after: 130 }): Snippet | undefined {
  for (const [index, paragraph] of paragraphs.entries()) {
    const folded = foldText(paragraph);
    if (!terms.some((term) => folded.includes(term))) continue;
    const snippet = snippetInParagraph(paragraph, terms, radius);
    if (snippet) return { ...snippet, before: snippet.before || index > 0, after: snippet.after || index < paragraphs.length - 1 };
  }
  return undefined;
}

function snippetInParagraph(text: string, terms: readonly string[], radius: { before: number; after: number }): Snippet | undefined {
  const normal = text.normalize('NFC');
  const { folded, origins } = foldWithOrigins(normal);
  const first = Math.min(...terms.map((term) => folded.indexOf(term)).filter((at) => at >= 0));
  if (!Number.isFinite(first)) return undefined;
  const hit = origins[first]!;
  let start = Math.max(0, hit - radius.before);
  let end = Math.min(normal.length, hit + radius.after);
  // Whole words at both ends.
  if (start > 0) start = Math.min(nextWordStart(normal, start), hit);
  if (end < normal.length) end = Math.max(previousWordEnd(normal, end), hit + 1);

  const marked: Array<[number, number]> = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      const from = origins[at]!;
      const to = origins[at + term.length]!;
      if (to > start && from < end) marked.push([Math.max(from, start), Math.min(to, end)]);
    }
  }
  marked.sort((a, b) => a[0] - b[0]);
  const parts: Snippet['parts'] = [];
  let position = start;
  for (const [from, to] of marked) {
    if (to <= position) continue;
    if (from > position) parts.push({ text: normal.slice(position, from), match: false });
    parts.push({ text: normal.slice(Math.max(from, position), to), match: true });
    position = to;
  }
  if (position < end) parts.push({ text: normal.slice(position, end), match: false });
  return { parts, before: start > 0, after: end < normal.length };
}

function nextWordStart(text: string, from: number): number {
  const space = text.slice(from).search(/\s/);
  return space < 0 ? from : from + space + 1;
}

function previousWordEnd(text: string, to: number): number {
  const space = text.slice(0, to).search(/\s\S*$/);
  return space < 0 ? to : space;
}
