import { diffArrays } from 'diff';

export interface DiffSegment {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/**
 * Words (letters, marks and digits of any script, with apostrophes inside: Hezbollah's), runs of
 * white space, and single other characters. The diff package's own word tokenizers split Hebrew and
 * Arabic words into letters, so the tokens are made here and compared with diffArrays.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*|\s+|./gsu;

function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

/**
 * What changed from the machine translation to the correction, word by word, for display: the
 * `same` and `removed` texts in order spell the machine translation, `same` and `added` the
 * correction. A change is shown whole: the spaces between its words go with it (removed "of Syria",
 * not "of" and "Syria"), and within a change the removed text comes before the added text.
 */
export function wordDiff(machine: string, corrected: string): DiffSegment[] {
  const changes = diffArrays(tokens(machine), tokens(corrected));
  const segments: DiffSegment[] = [];
  let removed = '';
  let added = '';
  const flush = () => {
    if (removed !== '') segments.push({ kind: 'removed', text: removed });
    if (added !== '') segments.push({ kind: 'added', text: added });
    removed = '';
    added = '';
  };
  changes.forEach((change, position) => {
    const text = change.value.join('');
    if (change.removed) removed += text;
    else if (change.added) added += text;
    else if (/^\s+$/u.test(text) && (removed !== '' || added !== '') && (changes[position + 1]?.added || changes[position + 1]?.removed)) {
      removed += text;
      added += text;
    } else {
      flush();
      const last = segments.at(-1);
      if (last?.kind === 'same') last.text += text;
      else segments.push({ kind: 'same', text });
    }
  });
  flush();
  return segments;
}
