/**
 * Anchors: things a translation keeps whatever the language, so that two sentences sharing one are
 * likely to be translations of each other. Each anchor is a key; the same key on both sides is a match.
 *
 * - numbers, Eastern and Western digits unified, thousands separators dropped (`number:1500`, `number:2.5`);
 * - months and weekdays by name in English, Hebrew and Arabic (both the Egyptian and the Levantine
 *   month names), as `month:8`, `day:1`;
 * - question and exclamation marks (`?` and `؟` alike), quotations, parentheses, colons, semicolons,
 *   dashes and per cent;
 * - Latin-script words (`latin:hiv`): in Hebrew or Arabic text they are names, acronyms and brands
 *   left untranslated; in English text every word is one (only keys found on both sides count);
 * - names by their consonant skeleton (`name:KNM`), written the same way for English, Hebrew and
 *   Arabic: Konami, קונאמי and كونامي all give KNM. English gives its capitalised words; Hebrew and
 *   Arabic give every word, with and without its prefixes (ו, ב, ה…; و, ب, ال…), since names are
 *   not marked there. Only skeletons of three consonants or more count.
 *
 * `lexicon` and `dictionary` anchors are not found here: they are word pairs learned from the document
 * (document-lexicon.ts) and those of the lexicon Targum ships (bilingual-lexicon.ts).
 */
import { foldText } from '../text/fold';
import type { SourceLanguage, TextLanguage } from '../text/language';

export type AnchorKind = 'number' | 'month' | 'day' | 'question' | 'exclamation' | 'quotation' | 'parenthesis' | 'mark' | 'latin' | 'name' | 'lexicon' | 'dictionary';

export function anchorKind(key: string): AnchorKind {
  return key.slice(0, key.indexOf(':')) as AnchorKind;
}

const englishMonths = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const englishDays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const hebrewMonths = ['ינואר', 'פברואר', 'מרץ|מרס', 'אפריל', 'מאי', 'יוני', 'יולי', 'אוגוסט', 'ספטמבר', 'אוקטובר', 'נובמבר', 'דצמבר'];
const hebrewDays = ['ראשון', 'שני', 'שלישי', 'רביעי', 'חמישי', 'שישי'];
/** After folding (alef and hamza forms unified, ta marbuta as ha): Egyptian | Levantine names. */
const arabicMonths = [
  'يناير|كانون الثاني',
  'فبراير|شباط',
  'مارس|اذار',
  'ابريل|نيسان',
  'مايو|ايار',
  'يونيو|يونيه|حزيران',
  'يوليو|يوليه|تموز',
  'اغسطس|اب',
  'سبتمبر|ايلول',
  'اكتوبر|تشرين الاول',
  'نوفمبر|تشرين الثاني',
  'ديسمبر|كانون الاول',
];
const arabicDays = ['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت'];

/** Month and weekday names (one or two words) and their keys, per language. */
const dateWords: Record<TextLanguage, Map<string, string>> = {
  en: new Map([...englishMonths.map((name, month) => [name, `month:${month + 1}`] as const), ...englishDays.map((name, day) => [name, `day:${day}`] as const)]),
  he: new Map([
    ...hebrewMonths.flatMap((names, month) => names.split('|').map((name) => [name, `month:${month + 1}`] as const)),
    ...hebrewDays.flatMap((name, day) => [[`יום ${name}`, `day:${day}`] as const, [`יום ה${name}`, `day:${day}`] as const]),
    ['שבת', 'day:6'],
  ]),
  ar: new Map([
    ...arabicMonths.flatMap((names, month) => names.split('|').map((name) => [name, `month:${month + 1}`] as const)),
    ...arabicDays.map((name, day) => [name, `day:${day}`] as const),
  ]),
};

/** Letters of each script (after folding), and the one-letter prefixes its words carry. */
const WORDS: Record<SourceLanguage, RegExp> = { he: /[\u05D0-\u05EA]+/g, ar: /[\u0621-\u064A\u067E\u0686\u06A4\u06AF]+/g };
const PREFIXES: Record<SourceLanguage, RegExp> = { he: /^[ובלמהשכ]{1,3}/, ar: /^(?:[وفبلك]?ال|لل|[وفبلك]{1,2})/ };

/**
 * Consonant classes shared by the three scripts: B (b p f v), K (k q g j c), T (t d), S (s z sh ch ts),
 * L, M, N, R. Vowels, h, w, y, alef, ayin and the other gutturals are dropped, and a repeated class
 * counts once: transliterations disagree most on exactly those.
 */
const consonantClass: Record<string, string> = {
  b: 'B', p: 'B', f: 'B', v: 'B', k: 'K', q: 'K', g: 'K', j: 'K', c: 'K', x: 'K', t: 'T', d: 'T', s: 'S', z: 'S', l: 'L', m: 'M', n: 'N', r: 'R',
  ב: 'B', פ: 'B', ף: 'B', כ: 'K', ך: 'K', ק: 'K', ג: 'K', ט: 'T', ת: 'T', ד: 'T', ס: 'S', ש: 'S', צ: 'S', ץ: 'S', ז: 'S',
  ל: 'L', מ: 'M', ם: 'M', נ: 'N', ן: 'N', ר: 'R',
  ب: 'B', ف: 'B', پ: 'B', ڤ: 'B', ك: 'K', ق: 'K', ج: 'K', غ: 'K', خ: 'K', گ: 'K', ت: 'T', ط: 'T', د: 'T', ض: 'T', ذ: 'T', ظ: 'T',
  س: 'S', ش: 'S', ص: 'S', ز: 'S', ث: 'S', چ: 'S', ل: 'L', م: 'M', ن: 'N', ر: 'R',
};

/** consonantClass by UTF-16 code unit (all three scripts are below U+0700), 0 for none. */
const CLASS_OF = new Uint8Array(0x700);
for (const [letter, mapped] of Object.entries(consonantClass)) CLASS_OF[letter.charCodeAt(0)] = mapped.charCodeAt(0);

function skeleton(word: string): string {
  let out = '';
  let last = 0;
  for (let index = 0; index < word.length; index++) {
    const code = word.charCodeAt(index);
    const mapped = code < CLASS_OF.length ? CLASS_OF[code]! : 0;
    if (mapped !== 0 && mapped !== last) out += String.fromCharCode(mapped);
    if (mapped !== 0) last = mapped;
  }
  return out;
}

function englishSkeleton(word: string): string {
  return skeleton(
    word
      .toLowerCase()
      .replace(/c(?=[eiy])/g, 's')
      .replace(/ch|sh|tz|ts/g, 's')
      .replace(/ph/g, 'f')
      .replace(/th/g, 't')
      .replace(/gh/g, ''),
  );
}

const NUMBER = /\d+(?:[.,\u066B\u066C]\d+)*/g;
const LATIN_WORD = /[a-z][a-z0-9]*(?:[-'][a-z0-9]+)*|\d+[a-z][a-z0-9]*/g;
/** A double quotation mark; " and ״ only when not inside a word (צה"ל is an acronym). */
const QUOTATION = /[\u201C\u201D\u201E\u00AB\u00BB]|(?<![\u05D0-\u05EA])["\u05F4]|["\u05F4](?![\u05D0-\u05EA])/;

/**
 * Marks a translation keeps: a colon (not between digits), a semicolon (`;` and `؛`), a dash between
 * words, and per cent (`%`, `٪` or the word; Arabic بالمئة as folded).
 */
const MARK = /:(?!\d)|[;\u061B]|\s[-\u2013\u2014]\s|\u2014|[%\u066A]|\bper ?cent\b|(?:بال|في ال)(?:ميه|مايه)|אחוז/gi;

function markOf(mark: string): string {
  if (mark === ':') return 'colon';
  if (mark === ';' || mark === '\u061B') return 'semicolon';
  if (/[-\u2013\u2014]/.test(mark)) return 'dash';
  return 'percent';
}

function numberKey(raw: string): string {
  const groups = raw.split(/[.,\u066B\u066C]/);
  const separators = raw.match(/[.,\u066B\u066C]/g) ?? [];
  const thousands = separators.every((s) => s === ',' || s === '\u066C') && groups.slice(1).every((g) => g.length === 3);
  const value = thousands ? groups.join('') : `${groups[0]}${groups.length > 1 ? `.${groups.slice(1).join('')}` : ''}`;
  return `number:${value.replace(/^0+(?=\d)/, '')}`;
}

/** Month and weekday keys and name skeletons of an English text. */
function englishWordKeys(text: string, keys: string[]): void {
  const names = new Set<string>();
  // Month and weekday names are capitalised in English; lower-case "may" and "march" are other words.
  for (const word of text.match(/\b[A-Z][A-Za-z]+/g) ?? []) {
    const date = dateWords.en.get(word.toLowerCase());
    if (date) keys.push(date);
    names.add(englishSkeleton(word));
  }
  for (const name of names) if (name.length >= 3) keys.push(`name:${name}`);
}

/** Month and weekday keys and name skeletons of a Hebrew or Arabic text (already folded). */
function semiticWordKeys(folded: string, language: SourceLanguage, keys: string[]): void {
  const words = folded.replace(/['\u05F3\u2019]/g, '').match(WORDS[language]) ?? [];
  const dates = dateWords[language];
  const names = new Set<string>();
  for (let k = 0; k < words.length; k++) {
    const word = words[k]!;
    const bare = word.replace(PREFIXES[language], '');
    const next = words[k + 1];
    const date = dates.get(word) ?? dates.get(bare) ?? (next === undefined ? undefined : (dates.get(`${word} ${next}`) ?? dates.get(`${bare} ${next}`)));
    if (date) keys.push(date);
    names.add(skeleton(word));
    if (bare.length >= 2) names.add(skeleton(bare));
    if (language === 'he' && word.length > 3) names.add(skeleton(word.slice(1)));
  }
  for (const name of names) if (name.length >= 3) keys.push(`name:${name}`);
}

/** The anchor keys of one sentence (or paragraph), with repetitions. */
export function anchorKeys(text: string, language: TextLanguage): string[] {
  const keys: string[] = [];
  const folded = foldText(text);
  for (const match of folded.match(NUMBER) ?? []) keys.push(numberKey(match));
  if (language === 'en') englishWordKeys(text, keys);
  else semiticWordKeys(folded, language, keys);
  for (const word of folded.match(LATIN_WORD) ?? []) if (word.length > 1) keys.push(`latin:${word}`);
  for (const _ of folded.matchAll(/[?\u061F]/g)) keys.push('question:?');
  for (const _ of folded.matchAll(/!/g)) keys.push('exclamation:!');
  if (QUOTATION.test(text)) keys.push('quotation:"');
  if (text.includes('(')) keys.push('parenthesis:(');
  for (const match of folded.matchAll(MARK)) keys.push(`mark:${markOf(match[0])}`);
  return keys;
}

/** The kinds of anchor a translation keeps even where it cannot be matched (a number written the same on neither side still counts). */
const KEPT_KINDS: ReadonlySet<AnchorKind> = new Set<AnchorKind>(['number', 'question', 'exclamation', 'quotation', 'parenthesis', 'mark']);

/** How many numbers and marks that a translation keeps (question and exclamation marks, quotations, parentheses, colons…) a text's anchor keys hold. */
export function keptMarks(keys: readonly string[]): number {
  return keys.filter((key) => KEPT_KINDS.has(anchorKind(key))).length;
}
