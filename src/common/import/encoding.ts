/**
 * An imported file's bytes turned into text: the encoding is detected (or taken from the caller), the
 * bytes are decoded, and binary data, empty files and garbled text are refused with one sentence.
 *
 * Detection, in order:
 * 1. A byte-order mark decides: UTF-8, UTF-16 LE or UTF-16 BE (a UTF-32 mark is refused).
 * 2. UTF-16 without a mark: when, read in one byte order, 90% of the first 8192 16-bit units are
 *    ASCII, Latin-1, Hebrew, Arabic or common punctuation, and read in the other most are not.
 *    That is what ASCII (a NUL in every other byte) or Hebrew/Arabic (0x05/0x06 in every other byte)
 *    looks like in UTF-16; no 8-bit text looks like that.
 * 3. A NUL byte, or more than 2% control characters: binary.
 * 4. Bytes that the fatal UTF-8 decoder accepts: UTF-8 (plain ASCII lands here).
 * 5. Otherwise windows-1255, iso-8859-8, windows-1256 and iso-8859-6 each decode the bytes and their
 *    texts are scored (see `assess`): letters of the code page's own script in plausible words count
 *    for it (vowel marks half, Arabic words that start with the article ال once more); replacement
 *    characters, C1 controls, words mixing scripts (a Latin "é" inside an Arabic word is what
 *    iso-8859-6 read as windows-1256 looks like), vowel marks with no letter before them and Hebrew
 *    final letters in the middle of a word count against it. The best score wins; on a tie the order
 *    above decides. Hebrew letters sit at 0xE0–0xFA in both Hebrew code pages, so windows-1255 (the
 *    common one, a superset for practical purposes) wins unless its decoding is worse, i.e. the file
 *    uses a byte windows-1255 leaves undefined (0xDF, "‗"); a file in visual order (see below) is
 *    named iso-8859-8 when both decode it alike, since only ISO-8859-8 files use visual order.
 *
 * Whatever the encoding, the text is then refused if it has replacement characters or many C1
 * controls, or if it looks like UTF-8 that was read as windows-1252, windows-1255 or windows-1256 and
 * saved again ("×©×œ×•×", "׳©׳œ׳•׳", "ط§ظ„"). A detected 8-bit decoding must also score at least
 * 0.5 (a right one scores about 1); one with no Hebrew or Arabic in it at all must have nothing
 * implausible in it (so English with curly quotes reads as windows-1255, where they decode alike).
 * An encoding the caller names skips detection and scoring but not these checks.
 *
 * Visual order: in Hebrew 8-bit text, words whose first letter is a final form (ך ם ן ף ץ) or whose
 * last letter is the ordinary form of one (כ מ נ פ צ), and lines that start with their full stop, are
 * evidence of visual order; the opposite placements are evidence of logical order. When there are at
 * least 4 pieces of evidence and 80% of them say visual, every line is reversed: characters are
 * reversed, runs of Latin letters and digits (with the spaces and punctuation between them) keep their
 * left-to-right order, and brackets outside those runs are mirrored back.
 */

/** WHATWG `TextDecoder`, present in browsers and Node but not in the ECMAScript library this layer is typed with. */
declare const TextDecoder: new (label: string, options?: { fatal?: boolean; ignoreBOM?: boolean }) => { decode(input: Uint8Array): string };

export const supportedEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1255', 'windows-1256', 'iso-8859-6', 'iso-8859-8'] as const;
export type SupportedEncoding = (typeof supportedEncodings)[number];

export interface DecodedText {
  text: string;
  encoding: SupportedEncoding;
  /** The bytes started with a byte-order mark (not part of `text`). */
  bom: boolean;
  /** ISO-8859-8 visual order was detected and reversed to logical order */
  reversedVisualOrder?: boolean;
}

export type ImportTextErrorCode = 'binary' | 'empty' | 'undecodable' | 'unsupported-encoding';

export class ImportTextError extends Error {
  constructor(
    readonly code: ImportTextErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ImportTextError';
  }
}

type LegacyEncoding = 'windows-1255' | 'iso-8859-8' | 'windows-1256' | 'iso-8859-6';
type Script = 'hebrew' | 'arabic';

/** The detection order, which also breaks ties. */
const legacyEncodings: readonly LegacyEncoding[] = ['windows-1255', 'iso-8859-8', 'windows-1256', 'iso-8859-6'];
const scriptOf: Record<LegacyEncoding, Script> = { 'windows-1255': 'hebrew', 'iso-8859-8': 'hebrew', 'windows-1256': 'arabic', 'iso-8859-6': 'arabic' };

/** Names accepted for each encoding, compared in lower case with everything but letters and digits removed. */
const encodingNames: Record<SupportedEncoding, readonly string[]> = {
  'utf-8': ['utf8', 'unicode11utf8', 'unicode20utf8', 'xunicode20utf8'],
  'utf-16le': ['utf16le', 'utf16', 'ucs2', 'unicode', 'csunicode', 'iso10646ucs2', 'unicodefeff'],
  'utf-16be': ['utf16be', 'unicodefffe'],
  'windows-1255': ['windows1255', 'cp1255', 'win1255', 'xcp1255', 'ms1255'],
  'windows-1256': ['windows1256', 'cp1256', 'win1256', 'xcp1256', 'ms1256'],
  'iso-8859-6': ['iso88596', 'iso885961987', 'isoir127', 'arabic', 'latinarabic', 'asmo708', 'ecma114', 'csisolatinarabic', 'iso88596e', 'iso88596i'],
  'iso-8859-8': ['iso88598', 'iso885981988', 'isoir138', 'hebrew', 'latinhebrew', 'visual', 'csisolatinhebrew', 'iso88598e', 'csiso88598e'],
};
/** ISO-8859-8-I names the same code page in logical order: chosen explicitly, it turns off visual-order detection. */
const logicalHebrewNames: readonly string[] = ['iso88598i', 'csiso88598i', 'logical'];

interface ResolvedEncoding {
  encoding: SupportedEncoding;
  logicalOrder: boolean;
}

function resolveEncoding(name: string): ResolvedEncoding {
  const key = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (logicalHebrewNames.includes(key)) return { encoding: 'iso-8859-8', logicalOrder: true };
  for (const encoding of supportedEncodings) {
    if (encodingNames[encoding].includes(key)) return { encoding, logicalOrder: false };
  }
  throw new ImportTextError('unsupported-encoding', `Unknown encoding "${name}"; use one of ${supportedEncodings.join(', ')}.`);
}

// Messages: one sentence each, what happened and what to do.
const binaryMessage = 'This file holds binary data, not text.';
const emptyMessage = "This file is empty; choose a file that holds the article's text.";
const blankMessage = "This file holds only blank space; choose a file that holds the article's text.";
const utf32Message = 'This file is in UTF-32, which Targum does not read; save it as UTF-8 and import it again.';
const notDetectedMessage =
  "This file's encoding could not be recognised (it is neither UTF-8 nor UTF-16, and in windows-1255, iso-8859-8, windows-1256 and iso-8859-6 it reads as garbled text); choose its encoding by hand.";
const notValidMessage = (encoding: SupportedEncoding): string => `This file is not valid ${encoding} text; choose another encoding, or leave it unset to have it detected.`;
const badBomMessage = (encoding: SupportedEncoding): string => `This file starts with a ${encoding} byte-order mark but is not valid ${encoding}; choose its encoding by hand.`;
const utf8ReadAsMessage = (encoding: SupportedEncoding): string => `This file is UTF-8 and comes out garbled when read as ${encoding}; choose utf-8, or leave the encoding unset to have it detected.`;
const doubleEncodedMessage = (codePage: string, example: string): string =>
  `This file's text was garbled before it was saved (it reads like "${example}", UTF-8 misread as ${codePage}); import a clean copy from the source, or choose the encoding by hand if you know it.`;

/** Detects the encoding (unless one is given), decodes, and refuses binary data, empty text and mojibake with a clear one-sentence message. */
export function decodeText(bytes: Uint8Array, options?: { encoding?: string }): DecodedText {
  const requested = options?.encoding === undefined ? undefined : resolveEncoding(options.encoding);
  if (bytes.length === 0) throw new ImportTextError('empty', emptyMessage);
  const decoded = requested === undefined ? detectAndDecode(bytes) : decodeAs(bytes, requested.encoding);
  checkText(decoded.text, decoded.encoding, requested !== undefined, bytes);

  if (scriptOf[decoded.encoding as LegacyEncoding] === 'hebrew' && !requested?.logicalOrder && looksVisual(decoded.text)) {
    let encoding = decoded.encoding;
    // Visual order is an ISO-8859-8 habit (Windows code page 1255 files are logical): name it so when the bytes read the same in it.
    if (requested === undefined && encoding === 'windows-1255' && decodeLegacy(bytes, 'iso-8859-8') === decoded.text) encoding = 'iso-8859-8';
    return { text: visualToLogical(decoded.text), encoding, bom: false, reversedVisualOrder: true };
  }
  return decoded;
}

// ---------------------------------------------------------------------------------------------
// Decoding

function decodeUnicode(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be'): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function decodeLegacy(bytes: Uint8Array, encoding: LegacyEncoding): string {
  return new TextDecoder(encoding).decode(bytes);
}

const boms: ReadonlyArray<[SupportedEncoding, readonly number[]]> = [
  ['utf-8', [0xef, 0xbb, 0xbf]],
  ['utf-16le', [0xff, 0xfe]],
  ['utf-16be', [0xfe, 0xff]],
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, index) => bytes[index] === byte);
}

function bomOf(bytes: Uint8Array): SupportedEncoding | undefined {
  return boms.find(([, prefix]) => startsWith(bytes, prefix))?.[0];
}

function bomLength(encoding: SupportedEncoding): number {
  return boms.find(([name]) => name === encoding)?.[1].length ?? 0;
}

/** The bytes in the encoding the caller chose; a byte-order mark is dropped only if it is that encoding's. */
function decodeAs(bytes: Uint8Array, encoding: SupportedEncoding): DecodedText {
  if (encoding === 'utf-8' || encoding === 'utf-16le' || encoding === 'utf-16be') {
    const bom = bomOf(bytes) === encoding;
    if (encoding === 'utf-8' && hasNul(bytes)) throw new ImportTextError('binary', binaryMessage);
    const text = decodeUnicode(bom ? bytes.subarray(bomLength(encoding)) : bytes, encoding);
    if (text === undefined) throw new ImportTextError('undecodable', notValidMessage(encoding));
    return { text, encoding, bom };
  }
  if (hasNul(bytes)) throw new ImportTextError('binary', binaryMessage);
  return { text: decodeLegacy(bytes, encoding), encoding, bom: false };
}

function detectAndDecode(bytes: Uint8Array): DecodedText {
  if (startsWith(bytes, [0xff, 0xfe, 0, 0]) || startsWith(bytes, [0, 0, 0xfe, 0xff])) throw new ImportTextError('unsupported-encoding', utf32Message);
  const bom = bomOf(bytes);
  if (bom !== undefined) {
    const text = decodeUnicode(bytes.subarray(bomLength(bom)), bom as 'utf-8' | 'utf-16le' | 'utf-16be');
    if (text === undefined) throw new ImportTextError('undecodable', badBomMessage(bom));
    return { text, encoding: bom, bom: true };
  }
  const utf16 = sniffUtf16(bytes);
  if (utf16 !== undefined) {
    const text = decodeUnicode(bytes, utf16);
    if (text !== undefined) return { text, encoding: utf16, bom: false };
  }
  if (hasNul(bytes) || controlShare(bytes) > maxControlShare) throw new ImportTextError('binary', binaryMessage);
  const utf8 = decodeUnicode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', bom: false };

  const candidates = legacyEncodings.map((encoding) => {
    const text = decodeLegacy(bytes, encoding);
    return { encoding, text, quality: assess(text, scriptOf[encoding]) };
  });
  const best = candidates.reduce((winner, next) => (next.quality.score > winner.quality.score ? next : winner));
  const { quality } = best;
  if (quality.replacement > 0 || tooManyC1(quality.c1, quality.nonAscii)) throw new ImportTextError('undecodable', notDetectedMessage);
  if (quality.good > 0 ? quality.score < minScore : quality.bad > 0) throw new ImportTextError('undecodable', notDetectedMessage);
  return { text: best.text, encoding: best.encoding, bom: false };
}

// ---------------------------------------------------------------------------------------------
// Binary data and UTF-16 without a byte-order mark

const maxControlShare = 0.02;
const minScore = 0.5;

function hasNul(bytes: Uint8Array): boolean {
  return bytes.includes(0);
}

/** C0 controls other than tab, line feed, vertical tab, form feed and carriage return, and DEL. */
function isControl(code: number): boolean {
  return (code < 0x20 && (code < 0x09 || code > 0x0d)) || code === 0x7f;
}

function controlShare(bytes: Uint8Array): number {
  let controls = 0;
  for (const byte of bytes) if (isControl(byte)) controls += 1;
  return controls / bytes.length;
}

function textControlShare(text: string): number {
  let controls = 0;
  for (let index = 0; index < text.length; index += 1) if (isControl(text.charCodeAt(index))) controls += 1;
  return controls / Math.max(1, text.length);
}

/** A 16-bit unit that is common in the texts Targum reads: ASCII, Latin-1, Hebrew, Arabic, and the punctuation around them. */
function plausibleUnit(unit: number): boolean {
  return (
    unit === 0x09 ||
    unit === 0x0a ||
    unit === 0x0d ||
    (unit >= 0x20 && unit <= 0x7e) ||
    (unit >= 0xa0 && unit <= 0xff) ||
    (unit >= 0x0591 && unit <= 0x05f4) ||
    (unit >= 0x060c && unit <= 0x06ff) ||
    (unit >= 0x200b && unit <= 0x200f) ||
    (unit >= 0x2010 && unit <= 0x2015) ||
    (unit >= 0x2018 && unit <= 0x201e) ||
    unit === 0x2026 ||
    unit === 0x20aa ||
    unit === 0x20ac ||
    (unit >= 0xfb1d && unit <= 0xfb4f) ||
    (unit >= 0xfe70 && unit <= 0xfefc)
  );
}

function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return undefined;
  const units = Math.min(bytes.length / 2, 8192);
  let littleEndian = 0;
  let bigEndian = 0;
  for (let index = 0; index < units; index += 1) {
    const first = bytes[2 * index]!;
    const second = bytes[2 * index + 1]!;
    if (plausibleUnit(first | (second << 8))) littleEndian += 1;
    if (plausibleUnit((first << 8) | second)) bigEndian += 1;
  }
  if (littleEndian >= 0.9 * units && bigEndian < 0.5 * units) return 'utf-16le';
  if (bigEndian >= 0.9 * units && littleEndian < 0.5 * units) return 'utf-16be';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Checks on the decoded text

function tooManyC1(c1: number, nonAscii: number): boolean {
  return c1 > 0.01 * nonAscii;
}

function checkText(text: string, encoding: SupportedEncoding, requested: boolean, bytes: Uint8Array): void {
  if (text.includes('\0') || textControlShare(text) > maxControlShare) throw new ImportTextError('binary', binaryMessage);
  if (/^[\s\u200B-\u200F\u2060]*$/u.test(text)) throw new ImportTextError('empty', text.length === 0 ? emptyMessage : blankMessage);
  let c1 = 0;
  let nonAscii = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd) throw new ImportTextError('undecodable', requested ? notValidMessage(encoding) : notDetectedMessage);
    if (code >= 0x80) nonAscii += 1;
    if (code >= 0x80 && code <= 0x9f) c1 += 1;
  }
  const misread = doubleEncoding(text);
  if (misread !== undefined) {
    if (requested && encoding !== 'utf-8' && decodeUnicode(bytes, 'utf-8') !== undefined) throw new ImportTextError('undecodable', utf8ReadAsMessage(encoding));
    throw new ImportTextError('undecodable', doubleEncodedMessage(misread.codePage, misread.example));
  }
  if (tooManyC1(c1, nonAscii)) throw new ImportTextError('undecodable', requested ? notValidMessage(encoding) : notDetectedMessage);
}

/** For each code page UTF-8 is commonly misread as: the byte of each character it decodes 0x80–0xFF to. */
let misreadMaps: Array<[string, Map<number, number>]> | undefined;

function codePageMap(encoding: string, latin1 = false): Map<number, number> {
  const map = new Map<number, number>();
  const decoder = new TextDecoder(encoding);
  for (let byte = 0x80; byte <= 0xff; byte += 1) {
    const code = decoder.decode(Uint8Array.of(byte)).charCodeAt(0);
    if (code !== 0xfffd) map.set(code, byte);
    // ISO-8859-1 proper (not its windows-1252 stand-in) turns 0x80–0x9F into C1 controls.
    if (latin1 && !map.has(byte)) map.set(byte, byte);
  }
  return map;
}

/**
 * Whether the text reads like UTF-8 that was decoded as an 8-bit code page and encoded again: mapped
 * back through that code page, at least half its non-ASCII characters (and at least two sequences)
 * form well-formed UTF-8 multi-byte sequences. Genuine Hebrew and Arabic never do: their letters
 * are lead bytes at best, and the continuation bytes (0x80–0xBF) are punctuation in these code pages.
 */
function doubleEncoding(text: string): { codePage: string; example: string } | undefined {
  misreadMaps ??= [
    ['windows-1252', codePageMap('windows-1252', true)],
    ['windows-1255', codePageMap('windows-1255')],
    ['windows-1256', codePageMap('windows-1256')],
  ];
  const sample = text.slice(0, sampleLength);
  let nonAscii = 0;
  for (let index = 0; index < sample.length; index += 1) if (sample.charCodeAt(index) >= 0x80) nonAscii += 1;
  if (nonAscii < 2) return undefined;
  for (const [codePage, map] of misreadMaps) {
    let sequences = 0;
    let covered = 0;
    let example = '';
    for (let index = 0; index < sample.length; ) {
      const length = utf8SequenceLength(sample, index, map);
      if (length === 0) {
        index += 1;
        continue;
      }
      sequences += 1;
      covered += length;
      if (example.length < 12) example += sample.slice(index, index + length);
      index += length;
    }
    if (sequences >= 2 && covered >= 0.5 * nonAscii) return { codePage, example: example.replace(/[\u0080-\u009f]/g, '') };
  }
  return undefined;
}

/** The length of the well-formed UTF-8 multi-byte sequence the characters at `index` map to through `map`, or 0. */
function utf8SequenceLength(text: string, index: number, map: Map<number, number>): number {
  const lead = map.get(text.charCodeAt(index));
  if (lead === undefined) return 0;
  const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
  if (length === 0 || index + length > text.length) return 0;
  for (let offset = 1; offset < length; offset += 1) {
    const byte = map.get(text.charCodeAt(index + offset));
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return 0;
  }
  return length;
}

// ---------------------------------------------------------------------------------------------
// Scoring a decoding for a script

/** Scoring and the other heuristics look at this many characters from the start. */
const sampleLength = 100_000;

/** The 27 Hebrew letters (the Yiddish ligatures U+05F0–U+05F2, which Arabic read as windows-1255 produces, are left out). */
const isHebrewLetter = (code: number): boolean => code >= 0x05d0 && code <= 0x05ea;
const isHebrewMark = (code: number): boolean =>
  (code >= 0x0591 && code <= 0x05bd) || code === 0x05bf || code === 0x05c1 || code === 0x05c2 || code === 0x05c4 || code === 0x05c5 || code === 0x05c7;
const isHebrewPunctuation = (code: number): boolean => code === 0x05be || code === 0x05c0 || code === 0x05c3 || code === 0x05c6 || code === 0x05f3 || code === 0x05f4;
const isArabicLetter = (code: number): boolean => (code >= 0x0620 && code <= 0x064a) || (code >= 0x066e && code <= 0x06d3) || code === 0x06d5;
const isArabicMark = (code: number): boolean => (code >= 0x064b && code <= 0x065f) || code === 0x0670;
const isArabicPunctuation = (code: number): boolean => code === 0x060c || code === 0x061b || code === 0x061f || (code >= 0x0660 && code <= 0x066d);
const finalLetters = new Set([0x05da, 0x05dd, 0x05df, 0x05e3, 0x05e5]); // ך ם ן ף ץ
const nonFinalForms = new Set([0x05db, 0x05de, 0x05e0, 0x05e4, 0x05e6]); // כ מ נ פ צ
/** The Arabic article, alone or after a one-letter prefix (و ف ب ك ل; لل is ل + ال): the commonest word start in Arabic. */
const arabicArticle = /^[\u0648\u0641\u0628\u0643\u0644]?\u0627\u0644|^\u0644\u0644/u;

const latinLetter = /\p{Script=Latin}/u;
const otherLetter = /\p{L}/u;
const wordPattern = /[\p{L}\p{M}]+/gu;

interface Assessment {
  /**
   * Evidence for the script: 1 for each of its letters in a plausible word, ½ for each vowel mark
   * after a letter (weak evidence: Arabic read as windows-1255 is full of "niqqud"), 1 for each
   * Arabic comma, semicolon or question mark, and 1 more for each Arabic word that starts with the article.
   */
  good: number;
  /** Characters in implausible places: mixed-script words, stray marks, final letters inside words. */
  bad: number;
  /** Symbols and punctuation shared by the code pages, Hebrew punctuation, Latin words. */
  neutral: number;
  replacement: number;
  c1: number;
  nonAscii: number;
  /** (good − bad − 4 × (replacement + C1)) over the non-ASCII characters: about 1 for a right decoding, below ½ for a wrong one. */
  score: number;
}

function assess(text: string, script: Script): Assessment {
  const sample = text.slice(0, sampleLength);
  const tally = { good: 0, bad: 0, neutral: 0, replacement: 0, c1: 0, nonAscii: 0 };
  let position = 0;
  for (const match of sample.matchAll(wordPattern)) {
    for (let index = position; index < match.index; index += 1) assessCharacter(sample.charCodeAt(index), script, tally);
    assessWord(match[0], script, tally);
    position = match.index + match[0].length;
  }
  for (let index = position; index < sample.length; index += 1) assessCharacter(sample.charCodeAt(index), script, tally);
  const penalty = tally.bad + 4 * (tally.replacement + tally.c1);
  return { ...tally, score: (tally.good - penalty) / Math.max(1, tally.nonAscii) };
}

type Tally = Omit<Assessment, 'score'>;

/** A character outside words. */
function assessCharacter(code: number, script: Script, tally: Tally): void {
  if (code < 0x80) return;
  tally.nonAscii += 1;
  if (code === 0xfffd) tally.replacement += 1;
  else if (code <= 0x9f) tally.c1 += 1;
  else if (isArabicPunctuation(code)) tally[script === 'arabic' ? 'good' : 'bad'] += 1;
  else if (isHebrewPunctuation(code)) tally[script === 'hebrew' ? 'neutral' : 'bad'] += 1;
  else tally.neutral += 1;
}

/** A run of letters and marks. */
function assessWord(word: string, script: Script, tally: Tally): void {
  let hebrew = 0;
  let arabic = 0;
  let latin = 0;
  let other = 0;
  let nonAscii = 0;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (code >= 0x80) nonAscii += 1;
    if (isHebrewLetter(code)) hebrew += 1;
    else if (isArabicLetter(code)) arabic += 1;
    else if (isHebrewMark(code) || isArabicMark(code)) continue;
    else if (code < 0x80 || latinLetter.test(word[index]!)) latin += 1;
    else if (otherLetter.test(word[index]!)) other += 1;
  }
  if (nonAscii === 0) return;
  tally.nonAscii += nonAscii;
  const scripts = Number(hebrew > 0) + Number(arabic > 0) + Number(latin > 0) + Number(other > 0);
  if (scripts === 1 && latin > 0) {
    tally.neutral += nonAscii; // a Latin word such as "café"
    return;
  }
  const own = script === 'hebrew' ? hebrew : arabic;
  if (scripts !== 1 || own === 0) {
    tally.bad += nonAscii; // mixed scripts, marks alone, or the other script
    return;
  }
  const isLetter = script === 'hebrew' ? isHebrewLetter : isArabicLetter;
  const isMark = script === 'hebrew' ? isHebrewMark : isArabicMark;
  const maxMarks = script === 'hebrew' ? 3 : 2;
  let marksInRow = 0;
  let lettersSoFar = 0;
  for (let index = 0; index < word.length; index += 1) {
    const code = word.charCodeAt(index);
    if (isLetter(code)) {
      marksInRow = 0;
      lettersSoFar += 1;
      // A final form between two letters (at either end is fine: the end in logical order, the start in visual order).
      const inside = finalLetters.has(code) && lettersSoFar > 1 && lettersSoFar < own;
      tally[inside ? 'bad' : 'good'] += 1;
    } else if (isMark(code)) {
      marksInRow += 1;
      if (lettersSoFar > 0 && marksInRow <= maxMarks) tally.good += 0.5;
      else tally.bad += 1;
    } else {
      tally.bad += 1; // a mark of the other script
    }
  }
  if (script === 'arabic' && arabicArticle.test(word)) tally.good += 1;
}

// ---------------------------------------------------------------------------------------------
// Visual order (Hebrew)

function looksVisual(text: string): boolean {
  const sample = text.slice(0, sampleLength);
  let visual = 0;
  let logical = 0;
  for (const [word] of sample.matchAll(/(?:[\u05D0-\u05EA]|[\u0591-\u05C7])+/gu)) {
    const letters = word.replace(/[\u0591-\u05C7]/gu, '');
    if (letters.length < 2) continue;
    const first = letters.charCodeAt(0);
    const last = letters.charCodeAt(letters.length - 1);
    if (finalLetters.has(first) || nonFinalForms.has(last)) visual += 1;
    if (finalLetters.has(last) || nonFinalForms.has(first)) logical += 1;
  }
  for (const line of sample.split(/\r\n|\r|\n/)) {
    if (/^\s*[.,:;!?]\s*[\u05D0-\u05EA]/u.test(line)) visual += 1;
    if (/[\u05D0-\u05EA][.,:;!?]\s*$/u.test(line)) logical += 1;
  }
  return visual + logical >= 4 && visual >= 0.8 * (visual + logical);
}

/** A run that keeps its left-to-right order: from a Latin letter or digit to the last one before right-to-left text. */
const leftToRightRun = /[A-Za-z0-9\u00C0-\u024F](?:[^\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\r\n]*[A-Za-z0-9\u00C0-\u024F])?/gu;
const mirrored: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«', '‹': '›', '›': '‹' };

/** Each line of visually ordered text in logical order (the transformation is its own inverse). */
function visualToLogical(text: string): string {
  return text
    .split(/(\r\n|\r|\n)/)
    .map((part, index) => (index % 2 === 1 ? part : reverseLine(part)))
    .join('');
}

function reverseLine(line: string): string {
  const reversed = Array.from(line).reverse().join('');
  let result = '';
  let position = 0;
  const mirror = (segment: string): string => Array.from(segment, (character) => mirrored[character] ?? character).join('');
  for (const match of reversed.matchAll(leftToRightRun)) {
    result += mirror(reversed.slice(position, match.index));
    result += Array.from(match[0]).reverse().join('');
    position = match.index + match[0].length;
  }
  return result + mirror(reversed.slice(position));
}
