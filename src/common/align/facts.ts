/**
 * Facts that outlets report differently, found in English text (a paragraph's translation): numbers
 * with what they count ("500 fighters", "fifty ISIS gunmen", "350 gunmen") and capitalised names of
 * people and places. Offsets are UTF-16 offsets into the English text; a number written in digits is
 * also located in the original paragraph (Eastern or Western digits) so that both can be highlighted.
 */

export interface TextSpan {
  start: number;
  end: number;
}

export interface NumberFact extends TextSpan {
  text: string;
  value: number;
  /** What is counted, as a canonical noun ("fighters" for fighters, gunmen, militants…); undefined when nothing follows. */
  subject?: string;
  /** Capitalised words between the number and its noun, lower-cased ("isis" in "600 ISIS fighters"). */
  qualifier?: string;
}

/** Two numbers count the same kind of thing: the same noun, and the same qualifier unless one has none. */
export function sameSubject(a: NumberFact, b: NumberFact): boolean {
  return a.subject !== undefined && a.subject === b.subject && (!a.qualifier || !b.qualifier || a.qualifier === b.qualifier);
}

export interface NameFact extends TextSpan {
  text: string;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const NUMBER_WORD = `(?:${TENS.filter(Boolean).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(2).join('|')}`;
/** Digits (with thousands commas or a decimal point) or number words, with "hundred"/"thousand"/"million" after. */
const NUMBER = new RegExp(`(?<![\\w/.,])(?:\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?|(?:${NUMBER_WORD}))(?:\\s+(?:hundred|thousand|million))?(?![\\w/]|[.,]\\d)`, 'giu');

/** Words that name the same kind of thing in news reports, and what they count as. */
const SUBJECTS: Record<string, string> = {
  fighter: 'fighters', militant: 'fighters', gunman: 'fighters', gunmen: 'fighters', member: 'fighters', element: 'fighters', jihadist: 'fighters',
  combatant: 'fighters', men: 'fighters', soldier: 'soldiers', troop: 'soldiers', dead: 'dead', killed: 'dead', death: 'dead', body: 'dead', bodies: 'dead',
  wounded: 'wounded', injured: 'wounded', kilometer: 'km', kilometre: 'km', km: 'km', bus: 'buses', buses: 'buses', civilian: 'civilians',
  family: 'families', families: 'families', people: 'people', person: 'people', prisoner: 'prisoners', captive: 'prisoners', hostage: 'prisoners',
};
const SKIPPED_BEFORE_SUBJECT = new Set(['of', 'the', 'more', 'than', 'other', 'armed', 'foreign', 'square', 'some', 'about', 'from']);

function wordValue(word: string): number | undefined {
  const parts = word.toLowerCase().split(/[- ]/);
  let value = 0;
  for (const part of parts) {
    const unit = UNITS.indexOf(part);
    const tens = TENS.indexOf(part);
    if (unit >= 0) value += unit;
    else if (tens >= 2) value += tens * 10;
    else return undefined;
  }
  return value;
}

function numberValue(text: string): number | undefined {
  const [, head, scale] = /^(.*?)(?:\s+(hundred|thousand|million))?$/i.exec(text)!;
  const base = /\d/.test(head!) ? Number(head!.replace(/,/g, '')) : wordValue(head!);
  if (base === undefined || Number.isNaN(base)) return undefined;
  return base * ({ hundred: 100, thousand: 1000, million: 1_000_000 }[scale?.toLowerCase() ?? ''] ?? 1);
}

/** The kind of thing a noun counts: synonyms in news reports share one ("gunmen", "militants" → "fighters"). */
export function canonicalSubject(word: string): string {
  const lower = word.toLowerCase();
  return SUBJECTS[lower] ?? SUBJECTS[lower.replace(/s$/, '')] ?? lower.replace(/s$/, '');
}

export function isCountedNoun(word: string): boolean {
  const lower = word.toLowerCase();
  return lower in SUBJECTS || lower.replace(/s$/, '') in SUBJECTS;
}

/** Numbers in English text with the noun they count (the first lower-case word after, past capitalised names). */
export function numberFacts(english: string): NumberFact[] {
  const facts: NumberFact[] = [];
  for (const match of english.matchAll(NUMBER)) {
    const value = numberValue(match[0]);
    if (value === undefined) continue;
    // "Channel 2", "Resolution 1701": a number after a capitalised word inside a sentence is part of a name.
    const prefix = english.slice(0, match.index);
    if (/[A-Z]\S*\s+$/.test(prefix) && !SENTENCE_START.test(prefix.replace(/\S+\s+$/, ''))) continue;
    let end = match.index + match[0].length;
    let subject: string | undefined;
    const qualifiers: string[] = [];
    const following = /\s+([A-Za-z][\w'-]*)/y;
    for (let words = 0; words < 3; words++) {
      following.lastIndex = end;
      const next = following.exec(english);
      if (!next) break;
      const word = next[1]!;
      if (/^[A-Z]/.test(word) || SKIPPED_BEFORE_SUBJECT.has(word)) {
        if (/^[A-Z]/.test(word)) qualifiers.push(word.toLowerCase());
        end = following.lastIndex;
        continue;
      }
      subject = canonicalSubject(word);
      end = following.lastIndex;
      break;
    }
    if (!subject) end = match.index + match[0].length;
    facts.push({ text: english.slice(match.index, end), start: match.index, end, value, subject, qualifier: subject && qualifiers.length > 0 ? qualifiers.join(' ') : undefined });
  }
  return facts;
}

/** Text ends where a sentence (or a quotation, or a parenthesis) starts. */
const SENTENCE_START = /(?:^|[.!?:;"“(]\s*)$/;
const NAME = /\b[A-Z][\p{L}'’]*(?:(?:\s+|-)(?:(?:al|el|ez|ad|as|bin|ibn|abu|de|of|for|the)[-\s])?[A-Z][\p{L}'’]*)*/gu;
/** Capitalised function words, dropped from the start of a name. */
const FUNCTION_WORDS = new Set('The A An This That These Those It Its In On At By For From With After Before Since As If When While I'.split(' '));
/**
 * Capitalised words that are not names: days, months and other common words of news English. Dropped
 * from either end of a name ("Saturday", "On Saturday Netanyahu"), never a name alone.
 */
const COMMON_CAPITALISED = new Set(
  (
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August ' +
    'September October November December Today Yesterday Tomorrow Tonight Morning Evening Night Week Month Year ' +
    'Mr Mrs Ms Dr Sir He She They We You Our Their His Her There Here But And Or So Then Also However Meanwhile According'
  ).split(' '),
);
/** Adjectives of nationality: part of a name ("Syrian Observatory"), not one alone. */
const NATIONALITIES = /^(?:Lebanese|Syrian|Syrians|Russian|Russians|Iranian|Turkish|Israeli|Arab|Arabic|Iraqi|Jordanian|Egyptian|Palestinian|American|British|French)$/;

/**
 * Capitalised names (people, places, organisations) in English text. A single capitalised word that
 * starts a sentence is taken only when written in capitals (ISIS, AFP): otherwise it is just a first word.
 */
export function nameFacts(english: string): NameFact[] {
  const facts: NameFact[] = [];
  for (const match of english.matchAll(NAME)) {
    let start = match.index;
    let end = match.index + match[0].length;
    // Function and common words at the start, common words at the end, are not part of the name.
    for (let first = /^\S+/.exec(english.slice(start, end))?.[0]; first !== undefined && (FUNCTION_WORDS.has(first) || COMMON_CAPITALISED.has(first)); ) {
      const rest = english.slice(start + first.length, end);
      const gap = rest.search(/\S/);
      if (gap < 0) break;
      start += first.length + gap;
      first = /^\S+/.exec(english.slice(start, end))?.[0];
    }
    for (let last = /\S+$/.exec(english.slice(start, end))?.[0]; last !== undefined && COMMON_CAPITALISED.has(last) && end - last.length > start; ) {
      end = start + english.slice(start, end - last.length).trimEnd().length;
      last = /\S+$/.exec(english.slice(start, end))?.[0];
    }
    const text = english.slice(start, end);
    if (FUNCTION_WORDS.has(text) || COMMON_CAPITALISED.has(text)) continue;
    const single = !/\s/.test(text);
    if (single && NATIONALITIES.test(text)) continue;
    if (single && SENTENCE_START.test(english.slice(0, start)) && text !== text.toUpperCase()) continue;
    facts.push({ text, start, end: start + text.length });
  }
  return facts;
}

/** Where the digits of `value` stand in the original text (Western or Eastern Arabic digits), after `from`. */
export function findNumberInOriginal(original: string, value: number, from = 0): TextSpan | undefined {
  const western = String(value);
  const eastern = western.replace(/\d/g, (digit) => String.fromCharCode(0x0660 + Number(digit)));
  const pattern = new RegExp(`(?<![\\d\\u0660-\\u0669])(?:${western}|${eastern})(?![\\d\\u0660-\\u0669])`, 'g');
  pattern.lastIndex = from;
  const match = pattern.exec(original);
  return match ? { start: match.index, end: match.index + match[0].length } : undefined;
}
