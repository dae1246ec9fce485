/**
 * Text folded for matching: what a reader would call "the same word" compares equal. Arabic diacritics
 * (harakat, shadda, sukun, dagger alef, Quranic marks), tatweel, Hebrew niqqud and cantillation, zero-width
 * joiners and direction marks are dropped; alef and hamza seats, alef maqsura/ya and ta marbuta/ha are
 * unified; Hebrew geresh and gershayim and typographic quotes become the ASCII ' and " they are
 * typed as (צה״ל, צה"ל and צה”ל are one word); Eastern Arabic digits become Western; Latin is
 * lower-cased. Search, glosses, memory keys, alignment and import's boilerplate rules share it.
 */
const dropped = /[\u0591-\u05BD\u05BF\u05C1\u05C2\u05C4\u05C5\u05C7\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200B-\u200F\u061C\u2066-\u2069\u202A-\u202E]/g;
const unified: Record<string, string> = {
  'أ': 'ا',
  'إ': 'ا',
  'آ': 'ا',
  'ٱ': 'ا',
  'ى': 'ي',
  'ئ': 'ي',
  'ؤ': 'و',
  'ة': 'ه',
  '׳': "'",
  '‘': "'",
  '’': "'",
  '״': '"',
  '“': '"',
  '”': '"',
};
const unifiable = /[أإآٱىئؤة׳‘’״“”]/g;
const easternDigits = /[\u0660-\u0669\u06F0-\u06F9]/g;

/** Compatibility folding also drops every combining mark and format character (soft hyphen, BOM, word joiner…). */
const droppedForCompatibility = /[\p{M}\p{Cf}\u0640]/gu;
/** …and writes the Arabic decimal and thousands separators and the Hebrew maqaf as ASCII. */
const separators: Record<string, string> = { '٫': '.', '٬': ',', '־': '-' };
const separatorChars = /[٫٬־]/g;

export interface FoldOptions {
  /**
   * Compatibility folding (NFKC): presentation forms, ligatures and full-width letters as the plain
   * letters they stand for, every combining mark and format character dropped, Arabic separators and
   * maqaf as ASCII. For rules matched against whole lines (import's boilerplate rules). The default
   * (NFC) keeps one folded unit per character, which search snippets map back to the text, and keeps
   * the stored memory keys stable.
   */
  compatibility?: boolean;
}

export function foldText(text: string, options: FoldOptions = {}): string {
  const folded = options.compatibility
    ? text.normalize('NFKC').replace(droppedForCompatibility, '').replace(separatorChars, (mark) => separators[mark]!)
    : text.normalize('NFC').replace(dropped, '');
  return folded
    .replace(unifiable, (letter) => unified[letter]!)
    .replace(easternDigits, (digit) => String((digit.charCodeAt(0) & 0xf) % 10))
    .toLowerCase();
}
