/**
 * Sentence segmentation for Hebrew, Arabic and English news text.
 *
 * The baseline is ICU's sentence segmenter (`Intl.Segmenter`, granularity "sentence"): the Unicode
 * sentence-break rules, with no abbreviations, no Hebrew acronyms, no Arabic abbreviations and none
 * of the quotation conventions of Hebrew and Arabic news. `findBoundaries` visits every place where
 * a sentence may end (terminators, then closing quotes or brackets, then whitespace); the rules in
 * `decide` settle most of them, and ICU's verdict settles the rest. A break is then moved past a
 * closing quote standing alone after it and past a short parenthetical ("(Bremer, 1998)").
 *
 * Shared code: standard ECMAScript and `Intl` only (runs in the renderer, in Node and in Electron).
 */
import {
  ABBREVIATIONS,
  ARABIC_AFTER_NUMBER,
  ARABIC_SENTENCE_STARTERS,
  ARABIC_STARTERS_AFTER_CONJUNCTION,
  CONTINUING_WORDS,
  ENGLISH_SENTENCE_STARTERS,
  ETCETERA,
  LETTER_NAMES,
  NAMES_WITH_EXCLAMATION,
  SPEECH_VERBS,
  type AbbreviationKind,
} from './abbreviations';
import type { TextLanguage } from './language';

/**
 * Version of the segmentation rules, stored with derived sentences. Bump it whenever a change to
 * this module or to abbreviations.ts can move a sentence boundary, so stored sentences are rebuilt.
 */
export const SEGMENTER_VERSION = 3;

// ---------------------------------------------------------------------------------------------
// Paragraphs

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029\u0085]/;

/**
 * Splits raw text into paragraphs: every line break ends a paragraph (the sources have one
 * paragraph per line), blank lines are dropped, paragraphs are trimmed.
 */
export function splitParagraphs(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(LINE_BREAK)) {
    const trimmed = line.trim();
    if (trimmed !== '') out.push(trimmed);
  }
  return out;
}

/** Paragraphs of sentences. */
export function segmentText(text: string, language: TextLanguage): string[][] {
  return splitParagraphs(text).map((paragraph) => splitSentences(paragraph, language));
}

// ---------------------------------------------------------------------------------------------
// Sentences

/**
 * Splits a paragraph into trimmed sentences, in order. Joining them with single spaces gives the
 * paragraph back with only the whitespace between sentences changed. A line break inside the
 * paragraph always ends a sentence, and a short line of questions and exclamations standing alone
 * (a few words, such as «טעינו? נתקן!») stays one sentence: its pieces say one thing, and translate
 * as one.
 */
export function splitSentences(paragraph: string, language: TextLanguage): string[] {
  const out: string[] = [];
  for (const line of paragraph.split(LINE_BREAK)) {
    const text = line.trim();
    if (text === '') continue;
    if (isShortLine(text)) {
      out.push(text);
      continue;
    }
    let start = 0;
    for (const boundary of findBoundaries(text, language)) {
      const sentence = text.slice(start, boundary).trim();
      if (sentence !== '') out.push(sentence);
      start = boundary;
    }
    const last = text.slice(start).trim();
    if (last !== '') out.push(last);
  }
  return out;
}

/** At most this many words make a line of questions and exclamations short enough to stay one sentence. */
const SHORT_LINE_WORDS = 3;

/** A line of a few words whose only breaks are question and exclamation marks (never a full stop inside). */
function isShortLine(text: string): boolean {
  return text.split(/\s+/).length <= SHORT_LINE_WORDS && /[?!\u061F]/.test(text) && !/\.\s/.test(text);
}

// ---------------------------------------------------------------------------------------------
// ICU

const icuCache = new Map<TextLanguage, Intl.Segmenter | null>();

function icuSegmenter(language: TextLanguage): Intl.Segmenter | null {
  let segmenter = icuCache.get(language);
  if (segmenter === undefined) {
    segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(language, { granularity: 'sentence' }) : null;
    icuCache.set(language, segmenter);
  }
  return segmenter;
}

/** Context ICU needs around a candidate: the word before the terminators, some text after. */
const ICU_BEFORE = 32;
const ICU_AFTER = 64;

/**
 * ICU's verdict at a candidate, asked on a small window around it. Its sentence-break rules look
 * only at the terminators, the closing punctuation and spaces after them, the character before
 * and the first letters after; and V8's segment iterator is quadratic on long texts, so a
 * window keeps huge paragraphs linear.
 */
function icuBreaksWithin(text: string, language: TextLanguage, termStart: number, nextStart: number): boolean {
  const segmenter = icuSegmenter(language);
  if (segmenter === null) return true; // no Intl.Segmenter: break, as the rules left it
  const from = Math.max(0, termStart - ICU_BEFORE);
  const excerpt = text.slice(from, Math.min(text.length, nextStart + ICU_AFTER));
  const segment = segmenter.segment(excerpt).containing(nextStart - from);
  return segment === undefined || segment.index > termStart - from;
}

/**
 * Running counts of quotation marks in one text, built on first use, so that whether a quotation
 * is open over any span is answered in constant time.
 */
class QuoteCounts {
  /** straight[i]: runs of straight quotes (" ״, not Hebrew word marks) starting before i. */
  private straight: Int32Array | undefined;
  /** curly[i]: “ « „ minus ” » before i. */
  private curly: Int32Array | undefined;

  constructor(private readonly text: string) {}

  /**
   * Whether a quotation is open at `to` counting from `from`: an odd number of straight quotes
   * (adjacent ones, as in the CSV escapes `""`, count once) or more “ « „ than ” ».
   */
  openBetween(from: number, to: number): boolean {
    if (this.straight === undefined || this.curly === undefined) this.build();
    const straight = (this.straight?.[to] ?? 0) - (this.straight?.[from] ?? 0);
    const curly = (this.curly?.[to] ?? 0) - (this.curly?.[from] ?? 0);
    return straight % 2 === 1 || curly > 0;
  }

  private build(): void {
    const { text } = this;
    const straight = new Int32Array(text.length + 1);
    const curly = new Int32Array(text.length + 1);
    for (let i = 0; i < text.length; i++) {
      const ch = text[i] ?? '';
      let s = 0;
      let c = 0;
      if (ch === '"' || ch === '\u05F4') {
        const previous = text[i - 1];
        if (previous !== '"' && previous !== '\u05F4' && !isHebrewWordMark(text, i)) s = 1;
      } else if (ch === '\u201C' || ch === '\u00AB' || ch === '\u201E') c = 1;
      else if (ch === '\u201D' || ch === '\u00BB') c = -1;
      straight[i + 1] = (straight[i] ?? 0) + s;
      curly[i + 1] = (curly[i] ?? 0) + c;
    }
    this.straight = straight;
    this.curly = curly;
  }
}

// ---------------------------------------------------------------------------------------------
// Characters

/** Sentence terminators: . ! ? Arabic ؟, Urdu full stop ۔, ellipsis …, ‼ ⁇ ⁈ ⁉ and CJK forms. */
const TERMINATOR_RUN = /[.!?\u061F\u06D4\u2026\u203C\u2047-\u2049\u3002\uFF01\uFF1F\uFF61]+/g;
/** A terminator ending something inside a parenthesis (not the periods of "أ.ف.ب" or "U.S."). */
const INNER_SENTENCE_END = /[!?\u061F\u06D4]|[.\u2026](?:\s|$)/;
/** Quotation marks: " ' “ ” „ ‘ ’ ‚ « » ‹ › and Hebrew ״ (gershayim, also used as a quote). */
const QUOTES = '"\'\u201C\u201D\u201E\u2018\u2019\u201A\u00AB\u00BB\u2039\u203A\u05F4';
const CLOSING_BRACKETS = ')]}';
const OPENING_BRACKETS = '([{';
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const CONTENT = /[\p{L}\p{N}]/gu;
const ENUMERATOR = /^[([]?(?:\p{Nd}{1,3}|[ivx]{1,4}|[IVX]{1,4}|\p{L})[)\]]?$/u;
const DOTTED_ACRONYM = /^(?:[\p{L}\p{M}]{1,3}\.)+[\p{L}\p{M}]{1,3}$/u;
const SINGLE_LETTER = /^\p{L}\p{M}*$/u;
const NUMBER_THEN_LETTERS = /^[\p{Nd}/.,:\u066B\u066C-]+(\p{L}.*)$/u;
const WORD_START = /^[\p{L}\p{M}]+(?:["'\u05F3\u05F4][\p{L}\p{M}]+)*['\u05F3]?/u;
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u0640]/g;
const CLAUSE_PUNCTUATION = ',\u060C;\u061B:';

const isQuote = (ch: string): boolean => ch !== '' && QUOTES.includes(ch);
const isCloser = (ch: string): boolean => ch !== '' && (QUOTES.includes(ch) || CLOSING_BRACKETS.includes(ch));
const isOpener = (ch: string): boolean => ch !== '' && (QUOTES.includes(ch) || OPENING_BRACKETS.includes(ch));

function isSpace(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || ((c === 0xa0 || c >= 0x1680) && /\s/.test(ch));
}

/** Directional and zero-width marks (LRM, RLM, ALM, embeddings, isolates, ZWSP, ZWNJ, ZWJ, BOM). */
function isInvisible(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x200b && c <= 0x200f) || c === 0x061c || (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) || c === 0xfeff;
}

function isHebrewLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x05d0 && c <= 0x05ea) || (c >= 0x05f0 && c <= 0x05f2);
}

function isArabicLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x0620 && c <= 0x064a) || (c >= 0x066e && c <= 0x06d3) || c === 0x06d5 || (c >= 0x06fa && c <= 0x06fc) || (c >= 0x0750 && c <= 0x077f);
}

function isLatinLetter(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)
  );
}

const isLatinUpper = (ch: string): boolean => isLatinLetter(ch) && ch !== ch.toLowerCase();
const isLatinLower = (ch: string): boolean => isLatinLetter(ch) && ch !== ch.toUpperCase();
/** A letter that UAX #29 classes as Upper or OLetter, in our scripts. */
const isSentenceLetter = (ch: string): boolean => isLatinUpper(ch) || isHebrewLetter(ch) || isArabicLetter(ch);

/** ASCII, Arabic-Indic (٠-٩) and Extended Arabic-Indic (۰-۹) digits. */
function isDigit(ch: string): boolean {
  const c = ch.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0660 && c <= 0x0669) || (c >= 0x06f0 && c <= 0x06f9);
}

/**
 * Whether the quotation mark at `i` is a Hebrew gershayim or geresh inside or at the end of a word
 * (צה"ל, ארה״ב, ג'ורג', גב'), including the doubled `""` that CSV exports leave (מכ""ם).
 */
function isHebrewWordMark(text: string, i: number): boolean {
  const ch = text[i] ?? '';
  if (ch !== '"' && ch !== '\u05F4' && ch !== "'" && ch !== '\u05F3') return false;
  const before = text[i - 1] ?? '';
  const after = text[i + 1] ?? '';
  if (isHebrewLetter(before)) {
    if (isHebrewLetter(after)) return true;
    if (ch === '"' && after === '"' && isHebrewLetter(text[i + 2] ?? '')) return true;
    if (ch === "'" || ch === '\u05F3') return true;
  }
  return ch === '"' && before === '"' && isHebrewLetter(text[i - 2] ?? '') && isHebrewLetter(after);
}

/** Strips leading quotation marks, opening brackets and invisible marks. */
function stripOpeners(token: string): string {
  let i = 0;
  while (i < token.length && (isOpener(token[i] ?? '') || isInvisible(token[i] ?? ''))) i++;
  return i === 0 ? token : token.slice(i);
}

/** The leading word of a token: letters and marks, with in-word gershayim and geresh. */
function leadingWord(token: string): string {
  return WORD_START.exec(token)?.[0] ?? '';
}

/**
 * Whether the token after a possible break visibly starts a sentence: a common sentence-initial
 * English or Arabic word, or a capital after an opening quote. Hebrew has no letter case and no
 * reliable sentence-initial words, so `otherScripts` answers for it (and for other scripts).
 */
function looksLikeSentenceStart(next: string, otherScripts: boolean): boolean {
  const core = stripOpeners(next);
  const first = core[0] ?? '';
  if (first === '') return otherScripts;
  if (isLatinUpper(first)) {
    return ENGLISH_SENTENCE_STARTERS.has(leadingWord(core)) || (core.length < next.length && isQuote(next[0] ?? ''));
  }
  if (isLatinLower(first) || isDigit(first)) return false;
  if (isArabicLetter(first)) {
    const word = leadingWord(core).replace(ARABIC_MARKS, '');
    if (ARABIC_SENTENCE_STARTERS.has(word)) return true;
    const rest = word.slice(1);
    return (word[0] === 'و' || word[0] === 'ف') && (ARABIC_SENTENCE_STARTERS.has(rest) || ARABIC_STARTERS_AFTER_CONJUNCTION.has(rest));
  }
  return otherScripts;
}

// ---------------------------------------------------------------------------------------------
// Datelines

/**
 * A dateline opens a news paragraph: short parts separated by dashes, each one to four place words
 * (dotted abbreviations allowed) or an agency in parentheses: «موسكو - دمشق - وكالات -»,
 * «بيروت – (أ ف ب) –», «واشنطن - أ. ف. ب. -», "WASHINGTON, D.C. (AP) —". No break falls inside.
 */
const DATELINE_SEPARATOR = /\s+[-\u2013\u2014]\s+/g;
const DATELINE_WORD = /^(?:[\p{L}\p{M}'\u2019]+|(?:[\p{L}\p{M}]{1,2}\.)+)[,\u060C]?$/u;

function datelineEnd(text: string): number {
  let end = 0;
  DATELINE_SEPARATOR.lastIndex = 0;
  for (let parts = 0; parts < 6; parts++) {
    const match = DATELINE_SEPARATOR.exec(text);
    if (match === null || match.index - end > 60 || !isDatelinePart(text.slice(end, match.index))) break;
    end = match.index + match[0].length;
  }
  return end;
}

function isDatelinePart(part: string): boolean {
  const withoutAgency = part.replace(/\([^()]{1,30}\)/g, ' ').trim();
  if (withoutAgency === '') return part.includes('(');
  const words = withoutAgency.split(/\s+/);
  return words.length <= 4 && words.every((word) => DATELINE_WORD.test(word));
}

// ---------------------------------------------------------------------------------------------
// Boundaries

interface Candidate {
  text: string;
  quotes: QuoteCounts;
  /** Start of the current sentence. */
  sentenceStart: number;
  /** The terminator run is [termStart, termEnd). */
  termStart: number;
  termEnd: number;
  term: string;
  /** Closing quotes and brackets right after the terminators. */
  closers: string;
  /** The whitespace-delimited token ending at termStart. */
  word: string;
  /** The whitespace-delimited token after the whitespace. */
  next: string;
}

/** Offsets where the second and later sentences of a one-line text start. */
function findBoundaries(text: string, language: TextLanguage): number[] {
  const boundaries: number[] = [];
  // All computed on first use: most candidates are settled by the rules.
  const quotes = new QuoteCounts(text);
  let dateline = -1;
  let sentenceStart = 0;
  // Offset of the first letter or digit of the current sentence (searched once per sentence).
  let firstContent = -1;

  TERMINATOR_RUN.lastIndex = 0;
  for (let match = TERMINATOR_RUN.exec(text); match !== null; match = TERMINATOR_RUN.exec(text)) {
    const termStart = match.index;
    const termEnd = termStart + match[0].length;
    if (termStart < sentenceStart) continue;

    let closeEnd = termEnd;
    while (closeEnd < text.length && (isCloser(text[closeEnd] ?? '') || isInvisible(text[closeEnd] ?? ''))) closeEnd++;
    let nextStart = closeEnd;
    while (nextStart < text.length && isSpace(text[nextStart] ?? '')) nextStart++;
    if (nextStart >= text.length) break;
    if (nextStart === closeEnd) {
      // No whitespace after the terminators: decimals (3.5), dates (28.8.2017), times, URLs,
      // e-mail addresses, domain and file names, dotted acronyms (U.S., אי.אף.פי, أ.ف.ب) are no
      // break, unless a space is plainly missing between two sentences.
      if (isGluedSentenceEnd(text, sentenceStart, termStart, termEnd, closeEnd)) {
        boundaries.push(closeEnd);
        sentenceStart = closeEnd;
      }
      continue;
    }
    if (nextStart < 200) {
      if (dateline < 0) dateline = datelineEnd(text);
      if (nextStart <= dateline) continue;
    }

    if (firstContent < sentenceStart) {
      CONTENT.lastIndex = sentenceStart;
      firstContent = CONTENT.exec(text)?.index ?? text.length;
    }
    // A sentence needs content: "!!! Wow", "... and so".
    if (firstContent >= termStart) continue;

    let nextEnd = nextStart;
    while (nextEnd < text.length && !isSpace(text[nextEnd] ?? '')) nextEnd++;
    let wordStart = termStart;
    while (wordStart > sentenceStart && !isSpace(text[wordStart - 1] ?? '')) wordStart--;

    let verdict = decide({
      text,
      quotes,
      sentenceStart,
      termStart,
      termEnd,
      term: match[0],
      closers: text.slice(termEnd, closeEnd),
      word: text.slice(wordStart, termStart),
      next: text.slice(nextStart, nextEnd),
    });
    // Before a capital or a Hebrew or Arabic letter ICU's answer is known (UAX #29 rule SB11:
    // nothing keeps the sentence going); elsewhere (digits, symbols, punctuation) ask it.
    verdict ??= isSentenceLetter(text[nextStart] ?? '') || icuBreaksWithin(text, language, termStart, nextStart);
    if (!verdict) continue;

    let boundary = attachDetachedQuotes(text, quotes, nextStart, sentenceStart);
    boundary = attachParenthetical(text, boundary);
    if (boundary >= text.length) break;
    boundaries.push(boundary);
    sentenceStart = boundary;
  }
  return boundaries;
}

const MAX_TOKEN = 200;
const WORD_CHAR = /[\p{L}\p{M}\p{Nd}]/u;
const URL_LIKE = /:\/\/|^www\.|@|\.(?:com|org|net|edu|gov|io|co|il|info|html?|php|aspx?|pdf|docx?|xlsx?|jpe?g|png|gif|txt|zip)\b/i;

/**
 * A sentence end with the space after it missing, as in "…التنمية المؤسسية المرئية.و تربط الطرق…"
 * or "…one good thing to learn.Learning takes place…": a single period (or ! ? ؟) between a
 * Hebrew or Arabic word of four letters or more, or a number, and a letter of the same script; or
 * between a lower-case Latin word and a capitalised one. Not inside URL-like tokens, chains of
 * dotted parts (האן.בי.איי, أ.ف.ب, U.S.A) or after a listed abbreviation.
 */
function isGluedSentenceEnd(text: string, sentenceStart: number, termStart: number, termEnd: number, closeEnd: number): boolean {
  const term = text.slice(termStart, termEnd);
  if (term !== '.' && term !== '!' && term !== '?' && term !== '\u061F') return false;
  const after = text[closeEnd] ?? '';
  const last = text[termStart - 1] ?? '';
  // No Hebrew word starts with a final letter form (ך ם ן ף ץ): "…יותר.ץ" is a stray letter.
  const hebrewAfter = isHebrewLetter(after) && !'\u05DA\u05DD\u05DF\u05E3\u05E5'.includes(after);
  const rtlWord = (isArabicLetter(after) && (isArabicLetter(last) || isDigit(last))) || (hebrewAfter && (isHebrewLetter(last) || isDigit(last)));
  const latinWord = isLatinLower(last) && isLatinUpper(after) && isLatinLower(text[closeEnd + 1] ?? '');
  if (!rtlWord && !latinWord) return false;
  // Scans are bounded so that long tokens (a pasted blob, a long URL) stay linear; a token longer
  // than the bound is not a word glued to a word.
  const floor = Math.max(sentenceStart, termStart - MAX_TOKEN);
  let segmentStart = termStart;
  while (segmentStart > floor && WORD_CHAR.test(text[segmentStart - 1] ?? '')) segmentStart--;
  const segment = text.slice(segmentStart, termStart);
  let tokenStart = segmentStart;
  while (tokenStart > floor && !isSpace(text[tokenStart - 1] ?? '')) tokenStart--;
  let tokenEnd = closeEnd;
  while (tokenEnd < text.length && tokenEnd - closeEnd < MAX_TOKEN && !isSpace(text[tokenEnd] ?? '')) tokenEnd++;
  if (tokenStart === termStart - MAX_TOKEN || tokenEnd - closeEnd === MAX_TOKEN) return false;
  const token = text.slice(tokenStart, tokenEnd);
  if (segment === '' || URL_LIKE.test(token) || ABBREVIATIONS.has(segment.toLowerCase())) return false;
  // Another terminator in the same token: a dotted chain or a URL path.
  if (/[.!?\u061F]/.test(text.slice(tokenStart, segmentStart)) || /[.!?\u061F]/.test(text.slice(closeEnd, tokenEnd).replace(/[.!?\u061F]+["'\u201D\u2019\u00BB\u05F4)\]]*$/, ''))) {
    return false;
  }
  return rtlWord ? isDigit(last) || segment.length >= 4 : segment.length >= 2;
}

/** Whether a candidate is a sentence break; undefined leaves it to ICU. */
function decide(c: Candidate): boolean | undefined {
  const { text, term, next, closers } = c;
  // The end of the sentence so far, in a bounded window so that a long sentence stays linear.
  const beforeStart = Math.max(c.sentenceStart, c.termStart - 16);
  const before = text.slice(beforeStart, c.termStart).trim();
  const nextCore = stripOpeners(next);
  const nextFirst = nextCore[0] ?? '';
  const wordCore = stripOpeners(c.word);
  const key = wordCore.toLowerCase();

  // A lower-case Latin word continues the sentence: "Wait… and then", "\"Why?\" he asked",
  // "Yahoo! and Microsoft", "U.S. officials", "10 a.m. local time".
  if (isLatinLower(nextFirst)) return false;

  if (term.includes('\u2026') || term.includes('..')) {
    // "(...)" and "[…]" mark an omission.
    if (OPENING_BRACKETS.includes(text[c.termStart - 1] ?? 'x')) return false;
    // ",..." and "، ..." trail off a clause that goes on.
    if (CLAUSE_PUNCTUATION.includes(before[before.length - 1] ?? 'x')) return false;
    // "رواية القصص... إلخ", "oranges… etc."
    if (ETCETERA.has(leadingWord(nextCore).toLowerCase())) return false;
    // "والنقل البري إلخ... من أجل": after "etc." only a visible sentence start breaks.
    if (ETCETERA.has(key)) return looksLikeSentenceStart(next, true);
    // «…أثناء جلسة الاستماع... ونقل…», «…במהלך הדיון... ו…»: more of the same sentence or quotation.
    if (continuesAfterEllipsis(c, nextCore)) return false;
    // ICU breaks after "..." but not after "…": treat both alike.
    return true;
  }

  if (term === '.') {
    // A list number: "1. ", "iv. ", "(a). ".
    if (beforeStart === c.sentenceStart && ENUMERATOR.test(before)) return false;

    // Initials in Arabic and Hebrew script: «دي. كي. رولينغ», «ג'יי. קיי. רולינג».
    if (isScriptInitial(c, wordCore, nextCore)) return false;
    const kind = wordKind(c, wordCore, key);
    if (kind === 'title') return false;
    // "(storyboarding, editing, etc.) Interactive design": a parenthesis closed after the
    // abbreviation and a capital follows: the sentence ended with the parenthesis.
    const bracketThenCapital = /[)\]]/.test(closers) && isLatinUpper(nextFirst);
    if (kind === 'number' && isDigit(nextFirst)) return false;
    if (kind === 'final' || (kind === 'number' && followsNumber(c, wordCore))) {
      return isLatinUpper(nextFirst) || looksLikeSentenceStart(next, true);
    }
    if (kind === 'number' || kind === 'ambiguous') return bracketThenCapital || looksLikeSentenceStart(next, true);
    if (kind === 'initial' && isLatinUpper(nextFirst)) {
      // "J. R. R. Tolkien", "George W. Bush": an initial before a capitalised name. (Before
      // anything else, as in "…one letter, Õ / õ. באופן מסורתי", the letter is a word.)
      return bracketThenCapital || (looksLikeSentenceStart(next, false) && !/^\p{L}\./u.test(nextCore));
    }
    // "…while responding. 28-year-old Vidal": ICU does not break before a digit followed by a
    // lower-case word, but a number after a full stop starts a sentence.
    if (kind === null && isDigit(nextFirst)) return true;
  }

  if ([...closers].some(isQuote)) {
    // "…to Utah."" said Tom Duxbury": attribution after a quotation ending with its own terminator.
    if (SPEECH_VERBS.has(leadingWord(nextCore))) return false;
    // A short quotation inside the sentence: הוא צעק "עצור!" ויצא, the firm "HK Management Inc." …
    if (isShortInnerQuotation(c) && !(isLatinUpper(nextFirst) && looksLikeSentenceStart(next, false))) return false;
  }

  // "Yahoo! and Microsoft", "Yahoo! ומיקרוסופט".
  if (term === '!' && NAMES_WITH_EXCLAMATION.has(key)) return looksLikeSentenceStart(next, false);

  return undefined;
}

/** A letter name of the Arabic or Hebrew script standing for a Latin letter, as in «دي.» or «קיי.». */
function isLetterName(token: string): boolean {
  return LETTER_NAMES.has(token.replace(ARABIC_MARKS, '').replace('\u05F3', "'"));
}

/**
 * The word before a single period is a letter name in Arabic or Hebrew script (or a single letter)
 * in a chain of initials: another initial follows, or one stands before it and a name follows.
 */
function isScriptInitial(c: Candidate, wordCore: string, nextCore: string): boolean {
  const first = wordCore[0] ?? '';
  // Letter names are at most six letters long (دبليو, דאבליו): longer words are settled at once.
  if (wordCore.length > 6 || (!isArabicLetter(first) && !isHebrewLetter(first))) return false;
  const isInitial = (token: string): boolean => isLetterName(token) || SINGLE_LETTER.test(token);
  if (!isInitial(wordCore)) return false;
  const nextInitial = /^([^\s.]+)\.(?:\s|$)/u.exec(nextCore)?.[1];
  if (nextInitial !== undefined && isInitial(nextInitial)) return true;
  // The token before, within a bounded window: initials are short, and a long sentence stays linear.
  const wordStart = c.termStart - c.word.length;
  const before = c.text.slice(Math.max(c.sentenceStart, wordStart - 24), wordStart).trimEnd();
  const previous = /(?:^|\s)([^\s]+)\.$/u.exec(before)?.[1];
  return previous !== undefined && isInitial(stripOpeners(previous)) && !looksLikeSentenceStart(nextCore, false);
}

/**
 * After an ellipsis in Hebrew or Arabic, the text goes on when a quotation open before it closes
 * later on the line, or when the next word is a conjunction-prefixed word (ו, و, ف) that is not a
 * known sentence opener, or a preposition or particle.
 */
const ELLIPSIS_QUOTE_REACH = 400;

function continuesAfterEllipsis(c: Candidate, nextCore: string): boolean {
  const first = nextCore[0] ?? '';
  if (!isArabicLetter(first) && !isHebrewLetter(first)) return false;
  if (c.quotes.openBetween(c.sentenceStart, c.termStart) && c.quotes.openBetween(c.sentenceStart, c.termEnd)) {
    // The quotation closes further on (within a few sentences' reach, so long lines stay linear).
    if (/[\u201D\u00BB"\u05F4]/.test(c.text.slice(c.termEnd, c.termEnd + ELLIPSIS_QUOTE_REACH))) return true;
  }
  const word = leadingWord(nextCore).replace(ARABIC_MARKS, '');
  if (CONTINUING_WORDS.has(word)) return true;
  if (isHebrewLetter(first)) return first === '\u05D5' && word.length > 1;
  return (first === 'و' || first === 'ف') && word.length > 2 && !looksLikeSentenceStart(nextCore, false);
}

type WordKind = AbbreviationKind | 'initial' | null;

/** The word before the period comes after a number: "on 1 Jan.", "عام 2017 م.". */
function followsNumber(c: Candidate, wordCore: string): boolean {
  const wordStart = c.termStart - wordCore.length;
  const before = c.text.slice(Math.max(c.sentenceStart, wordStart - 64), wordStart).trimEnd();
  return isDigit(before.slice(-1));
}

/** Classifies the word before a single period. */
function wordKind(c: Candidate, wordCore: string, key: string): WordKind {
  // Arabic era and time markers after a number: "2017 م.", "1439 هـ.", "500 ق.م.", "2017م.".
  const attached = isDigit(wordCore[0] ?? '') ? NUMBER_THEN_LETTERS.exec(wordCore) : null;
  const marker = attached?.[1] ?? wordCore;
  if (ARABIC_AFTER_NUMBER.has(marker) && (attached !== null || followsNumber(c, wordCore))) return 'ambiguous';
  const listed = ABBREVIATIONS.get(key);
  if (listed !== undefined) return listed;
  if (DOTTED_ACRONYM.test(wordCore)) return 'ambiguous';
  if (SINGLE_LETTER.test(wordCore)) {
    // Hebrew and Arabic one-letter words are prefixes joined to the next word, so a letter standing
    // alone before a period is an initial or an abbreviation: א. ב. יהושע, د. محمد.
    const first = wordCore[0] ?? '';
    return isHebrewLetter(first) || isArabicLetter(first) ? 'title' : 'initial';
  }
  return null;
}

/**
 * The terminators stand inside a quotation that closes right after them, opened inside this
 * sentence after some words (not after a colon), and short: at most six words of one sentence.
 */
function isShortInnerQuotation(c: Candidate): boolean {
  const { text } = c;
  const closer = [...c.closers].find(isQuote) ?? '';
  let open = -1;
  // A short quotation opens at most a few words back.
  for (let i = c.termStart - 1; i >= Math.max(c.sentenceStart, c.termStart - 160); i--) {
    const ch = text[i] ?? '';
    if (!isQuote(ch) || isHebrewWordMark(text, i)) continue;
    // An opening quote follows a space, a bracket, a colon or a quote and precedes a word; a
    // straight quote opens only if the straight quotes before it are balanced (in
    // `כדור הארץ, ""הוסיף סטופאן."` the `""` glued to the next word closes a quotation).
    let opens = !LETTER_OR_DIGIT.test(text[i - 1] ?? ' ') && (LETTER_OR_DIGIT.test(text[i + 1] ?? '') || isQuote(text[i + 1] ?? ''));
    if (opens && (ch === '"' || ch === '\u05F4')) {
      let runStart = i;
      while (runStart > c.sentenceStart && (text[runStart - 1] === '"' || text[runStart - 1] === '\u05F4')) runStart--;
      opens = !c.quotes.openBetween(c.sentenceStart, runStart);
    }
    if (opens) {
      open = i;
      break;
    }
    if (closer !== "'" && closer !== '\u2019') return false; // another closing quote before
  }
  if (open < 0 || !LETTER_OR_DIGIT.test(text.slice(Math.max(c.sentenceStart, open - 200), open))) return false;
  // After a colon the quotation is direct speech standing for a whole sentence: אמר: "זה נגמר."
  let lead = open - 1;
  while (lead > c.sentenceStart && (isSpace(text[lead] ?? '') || isQuote(text[lead] ?? ''))) lead--;
  if (text[lead] === ':') return false;
  const quoted = text.slice(open + 1, c.termStart).trim();
  if (quoted.split(/\s+/).length > 6) return false;
  return !/[.!?\u061F\u2026]["'\u201D\u2019\u00BB\u05F4)]*\s/.test(quoted);
}

/**
 * After a break, quotation marks standing alone (`…להתאושש. """ בשבוע`) close the quotation of
 * the sentence before when one is open there.
 */
function attachDetachedQuotes(text: string, quotes: QuoteCounts, at: number, sentenceStart: number): number {
  let end = at;
  while (end < text.length && isQuote(text[end] ?? '')) end++;
  if (end === at || (end < text.length && !isSpace(text[end] ?? ''))) return at;
  if (!/[\u201D\u00BB\u203A]/.test(text.slice(at, end)) && !quotes.openBetween(sentenceStart, at)) return at;
  while (end < text.length && isSpace(text[end] ?? '')) end++;
  return end;
}

/**
 * After a break, a short parenthetical without a sentence inside belongs to the sentence before:
 * a citation "(Bremer, 1998)", "(see below)", an agency "(AFP)". List markers "(2)" do not.
 */
function attachParenthetical(text: string, at: number): number {
  if (text[at] !== '(') return at;
  const offset = text.slice(at, at + 62).indexOf(')');
  if (offset < 0) return at;
  const close = at + offset;
  const inside = text.slice(at + 1, close);
  if (inside.includes('(') || INNER_SENTENCE_END.test(inside) || ENUMERATOR.test(inside.trim())) return at;
  if (inside.trim().split(/\s+/).length > 6) return at;
  let end = close + 1;
  if (end < text.length && !isSpace(text[end] ?? '')) return at;
  while (end < text.length && isSpace(text[end] ?? '')) end++;
  return end;
}
