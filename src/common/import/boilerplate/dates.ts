/** Date lines, and the publication date an article's paragraphs state. */
import { foldLine, type Line, phraseSet, toLine } from './lines';

interface MonthName {
  name: string;
  month: number;
}

/** Gregorian month names: English, Hebrew, Arabic (Egypt and the Gulf, the Levant and Iraq, the Maghreb). */
const MONTH_NAMES: readonly (readonly [number, readonly string[]])[] = [
  [1, ['january', 'jan', 'ינואר', 'يناير', 'كانون الثاني', 'كانون ثاني', 'جانفي']],
  [2, ['february', 'feb', 'פברואר', 'فبراير', 'شباط', 'فيفري', 'فبرایر']],
  [3, ['march', 'mar', 'מרץ', 'מרס', 'مارس', 'آذار']],
  [4, ['april', 'apr', 'אפריל', 'أبريل', 'إبريل', 'نيسان', 'أفريل']],
  [5, ['may', 'מאי', 'مايو', 'أيار', 'ماي']],
  [6, ['june', 'jun', 'יוני', 'يونيو', 'يونيه', 'حزيران', 'جوان']],
  [7, ['july', 'jul', 'יולי', 'يوليو', 'يوليه', 'تموز', 'جويلية', 'يوليوز']],
  [8, ['august', 'aug', 'אוגוסט', 'أغسطس', 'آب', 'أوت', 'غشت']],
  [9, ['september', 'sep', 'sept', 'ספטמבר', 'سبتمبر', 'أيلول', 'شتنبر']],
  [10, ['october', 'oct', 'אוקטובר', 'أكتوبر', 'تشرين الأول', 'تشرين أول', 'اكتوبر']],
  [11, ['november', 'nov', 'נובמבר', 'نوفمبر', 'تشرين الثاني', 'تشرين ثاني', 'نونبر']],
  [12, ['december', 'dec', 'דצמבר', 'ديسمبر', 'كانون الأول', 'كانون أول', 'دجنبر']],
];
const MONTHS: readonly MonthName[] = MONTH_NAMES.flatMap(([month, names]) => names.map((name) => ({ name: foldLine(name), month })));
const MONTH_BY_NAME = new Map(MONTHS.map((m) => [m.name, m.month]));

/** Hijri months: they make a date line, but no ISO date is read from them. */
const HIJRI_MONTHS = ['محرم', 'صفر', 'ربيع الأول', 'ربيع الآخر', 'ربيع الثاني', 'جمادى الأولى', 'جمادى الآخرة', 'جمادى الثانية', 'رجب', 'شعبان', 'رمضان', 'شوال', 'ذو القعدة', 'ذو الحجة'];
/** Hebrew-calendar months, likewise. */
const HEBREW_MONTHS = ['תשרי', 'חשוון', 'חשון', 'כסלו', 'טבת', 'שבט', 'אדר', "אדר א'", "אדר ב'", 'ניסן', 'אייר', 'סיוון', 'סיון', 'תמוז', 'אב', 'אלול'];

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
const alternation = (names: readonly string[]): string => [...new Set(names)].sort((a, b) => b.length - a.length).map(escape).join('|');

const MONTH = `(?<![\\p{L}])(?:[\u05D1\u05DC]-?)?(${alternation(MONTHS.map((m) => m.name))})(?![\\p{L}])\\.?`;
const MONTH_ALSO = `(?:\\s*[(/]\\s*(?:${alternation(MONTHS.map((m) => m.name))})\\.?\\s*\\)?)?`;
const HIJRI_MONTH = `(?<![\\p{L}])(?:${alternation(HIJRI_MONTHS.map(foldLine))})(?![\\p{L}])`;
const HEBREW_MONTH = `(?<![\\p{L}])(?:[\u05D1\u05DC]-?)?(?:${alternation(HEBREW_MONTHS.map(foldLine))})(?![\\p{L}])`;
/** A Hebrew-calendar day or year in letters, with its geresh or gershayim: ה', ט"ו, תשע"ז. */
const HEBREW_DAY = `(?<![\\p{L}])(?:[\u05D0-\u05EA]'|[\u05D0-\u05EA]"[\u05D0-\u05EA])`;
const HEBREW_YEAR = `(?<![\\p{L}])(?:\u05D4)?\u05EA[\u05E9\u05E8\u05E7]?[\u05D0-\u05EA]?["'][\u05D0-\u05EA](?![\\p{L}])`;
const DAY = '(?<![\\d.:/-])(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])';
const YEAR = '(\\d{4})(?![\\d:])';
const SEP = '(?:\\s*[/.,\u060C-]\\s*|\\s+)';

/** 28 آب (أغسطس) 2017, 22/مايو/2018, 24 באוגוסט 2017, 28th of August, 2017. */
const DAY_MONTH_YEAR = new RegExp(`${DAY}${SEP}(?:of\\s+)?${MONTH}${MONTH_ALSO}${SEP}${YEAR}`, 'gu');
/** August 28, 2017. */
const MONTH_DAY_YEAR = new RegExp(`${MONTH}${MONTH_ALSO}\\s*(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:]),?\\s+${YEAR}`, 'gu');
/** 28/8/2017, 28.08.17, 2017-08-28 (one separator throughout). */
const NUMERIC_DATE = /(?<![\d.:/-])(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})(?![\d/-]|\.\d)/gu;
/**
 * Date-like spans that carry no Gregorian date: a day and month, a month and year, Hijri and
 * Hebrew-calendar dates. `full`: a day, a month and a year.
 */
const OTHER_DATES: readonly { pattern: RegExp; full: boolean }[] = [
  { pattern: new RegExp(`\\d{1,2}${SEP}${HIJRI_MONTH}${SEP}\\d{4}(?![\\d:])`, 'gu'), full: true },
  { pattern: new RegExp(`${HEBREW_DAY}${SEP}${HEBREW_MONTH}${SEP}${HEBREW_YEAR}`, 'gu'), full: true },
  { pattern: new RegExp(`${DAY}${SEP}${MONTH}${MONTH_ALSO}`, 'gu'), full: false },
  { pattern: new RegExp(`${MONTH}${MONTH_ALSO}${SEP}\\d{1,4}(?![\\d:])`, 'gu'), full: false },
  { pattern: new RegExp(`\\d{1,2}${SEP}${HIJRI_MONTH}`, 'gu'), full: false },
  { pattern: new RegExp(`${HIJRI_MONTH}${SEP}\\d{4}(?![\\d:])`, 'gu'), full: false },
  { pattern: new RegExp(`${HEBREW_DAY}${SEP}${HEBREW_MONTH}`, 'gu'), full: false },
  { pattern: new RegExp(`${HEBREW_MONTH}${SEP}${HEBREW_YEAR}`, 'gu'), full: false },
];
/** 03:18, 21:47:05, 14.30 (dates such as 28.08.2017 are taken out before). */
const TIME = /(?<![\d.])\d{1,2}[:.]\d{2}(?::\d{2})?(?![\d.])/gu;

/** Words that may stand beside a date in a date line. */
const WEEKDAYS = phraseSet(
  'الأحد', 'الإثنين', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت', 'أحد', 'اثنين', 'ثلاثاء', 'أربعاء', 'خميس', 'جمعة', 'سبت',
  'ראשון', 'שני', 'שלישי', 'רביעי', 'חמישי', 'שישי', 'שבת', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'mon',
  'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
);
const DATE_LABELS = phraseSet(
  // Arabic: published, updated, date, on, at the hour, corresponding to; AD/AH, am/pm, time zones
  'نشر', 'نشرت', 'منشور', 'النشر', 'تاريخ', 'بتاريخ', 'آخر', 'تحديث', 'التحديث', 'محدث', 'تم', 'في', 'الساعة', 'ساعة', 'الموافق', 'يوم', 'اليوم',
  'م', 'هـ', 'ه', 'ص', 'مساء', 'مساءً', 'صباحا', 'صباحاً', 'ظهرا', 'عصرا', 'ليلا', 'بتوقيت', 'توقيت', 'غرينتش', 'جرينتش', 'ت', 'غ', 'مكة', 'المكرمة',
  // Hebrew
  'פורסם', 'פורסמה', 'פורסמו', 'עודכן', 'עודכנה', 'עדכון', 'אחרון', 'לאחרונה', 'תאריך', 'בתאריך', 'שעה', 'בשעה', 'יום', 'ביום', 'ב', 'ה', 'ו',
  'שעון', 'ישראל',
  // English
  'published', 'posted', 'updated', 'last', 'first', 'modified', 'on', 'at', 'date', 'the', 'of', 'am', 'pm', 'a', 'p', 'm', 'gmt', 'utc', 'est',
  'edt', 'bst', 'cet', 'cest', 'et', 'pt', 'local', 'time',
);

/** Labels of a publication or update time: with one of them a bare time is a date line. */
const PUBLISHED_LABELS = phraseSet(
  'نشر', 'نشرت', 'منشور', 'النشر', 'تاريخ', 'بتاريخ', 'تحديث', 'التحديث', 'محدث', 'آخر تحديث', 'פורסם', 'פורסמה', 'פורסמו', 'עודכן', 'עודכנה', 'עדכון', 'תאריך',
  'בתאריך', 'published', 'posted', 'updated', 'modified', 'date',
);

interface DateSpan {
  index: number;
  end: number;
  /** A day, a month and a year (of any calendar). */
  full: boolean;
  /** ISO yyyy-mm-dd when the span is a complete, valid Gregorian date. */
  iso?: string;
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 100) year += year < 70 ? 2000 : 1900;
  if (year < 1900 || year > 2199 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** First words of every month name: without one of them only numeric dates are looked for. */
const MONTH_WORDS = new Set([...MONTHS.map((m) => m.name), ...HIJRI_MONTHS.map(foldLine), ...HEBREW_MONTHS.map(foldLine)].map((name) => name.split(' ')[0] ?? name));

function mentionsMonth(folded: string): boolean {
  return folded.split(/[^\p{L}]+/u).some((word) => MONTH_WORDS.has(word) || (/^[\u05D1\u05DC]/u.test(word) && MONTH_WORDS.has(word.slice(1))));
}

/** Every date span in folded text, with its ISO date where it is a full Gregorian date. */
function dateSpans(folded: string): DateSpan[] {
  const spans: DateSpan[] = [];
  const months = mentionsMonth(folded);
  const add = (index: number, end: number, full: boolean, iso?: string): void => {
    if (spans.some((s) => index < s.end && end > s.index)) return; // the first (most complete) pattern wins
    spans.push(iso === undefined ? { index, end, full } : { index, end, full, iso });
  };
  for (const match of months ? folded.matchAll(DAY_MONTH_YEAR) : []) {
    add(match.index, match.index + match[0].length, true, isoDate(Number(match[3]), MONTH_BY_NAME.get(match[2] ?? '') ?? 0, Number(match[1])));
  }
  for (const match of months ? folded.matchAll(MONTH_DAY_YEAR) : []) {
    add(match.index, match.index + match[0].length, true, isoDate(Number(match[3]), MONTH_BY_NAME.get(match[1] ?? '') ?? 0, Number(match[2])));
  }
  for (const match of folded.matchAll(NUMERIC_DATE)) {
    const [a, b, c] = [match[1] ?? '', match[3] ?? '', match[4] ?? ''];
    let iso: string | undefined;
    if (a.length === 4) iso = isoDate(Number(a), Number(b), Number(c));
    else if (a.length <= 2 && (c.length === 4 || c.length === 2)) {
      // Day first (Hebrew, Arabic and European usage), month first when only that reads as a date.
      iso = isoDate(Number(c), Number(b), Number(a)) ?? isoDate(Number(c), Number(a), Number(b));
    }
    add(match.index, match.index + match[0].length, true, iso);
  }
  for (const { pattern, full } of months ? OTHER_DATES : []) {
    for (const match of folded.matchAll(pattern)) add(match.index, match.index + match[0].length, full);
  }
  return spans.sort((x, y) => x.index - y.index);
}

/**
 * Whether a short text is essentially a date or time, with at most a word or two beside it (a
 * section or site name such as «الحدث»). A full date (day, month and year), or a partial one
 * beside a weekday or a time, allows two other words, at most one of them after the date; weaker
 * evidence (a month and year, a day and month, a time beside a weekday or a "published"/"updated"
 * label) allows one. A text ending with a comma is the start of a sentence.
 */
function isDateText(folded: string): boolean {
  // Every date has a digit, or a geresh or gershayim (a Hebrew-calendar date).
  if (folded.length > 90 || !/[\d'"]/.test(folded) || /[,\u060C]\s*$/u.test(folded)) return false;
  const spans = dateSpans(folded);
  let rest = folded;
  for (const span of [...spans].reverse()) rest = `${rest.slice(0, span.index)} \uE000 ${rest.slice(span.end)}`;
  const times = [...rest.matchAll(TIME)];
  rest = rest.replace(TIME, ' \uE001 ');
  const tokens = rest.split(/[^\p{L}\p{N}\uE000\uE001]+/u).filter((t) => t !== '');
  let seenDate = false;
  let weekday = false;
  let published = false;
  let before = 0;
  let after = 0;
  for (const token of tokens) {
    if (token === '\uE000' || token === '\uE001') {
      seenDate = true;
      continue;
    }
    const bare = /^[\u05D1\u05D4\u05D5\u05DC]./u.test(token) && WEEKDAYS.has(token.slice(1)) ? token.slice(1) : token;
    if (WEEKDAYS.has(bare)) {
      seenDate = true;
      weekday = true;
    } else if (PUBLISHED_LABELS.has(bare)) published = true;
    else if (!DATE_LABELS.has(bare) && !/^\d{1,2}(?:st|nd|rd|th)$/u.test(bare)) {
      if (seenDate) after++;
      else before++;
    }
  }
  // «في 28 حزيران، قتل …», "On March 18, 1965, he …": a comma after the date, then words.
  if (after > 0 && /[\uE000\uE001][^\p{L}]*[,\u060C]\s*\p{L}/u.test(rest)) return false;
  const strong = spans.some((span) => span.full) || (spans.length > 0 && (weekday || times.length > 0));
  const weak = spans.length > 0 || (times.length > 0 && (weekday || published));
  if (!strong && !weak) return false;
  return before + after <= (strong ? 2 : 1) && after <= 1;
}

/** Whether a short text is essentially a date or time, with at most a word or two beside it (see isDateText). */
export function looksLikeDate(text: string): boolean {
  return isDateText(foldLine(text));
}

/** A short paragraph that is essentially a date or time: «الإثنين 28/8/2017 م …», "פורסם: 24.08.17, 21:47". */
export const isDateLine = (line: Line): boolean => line.words > 0 && line.words <= 14 && isDateText(line.folded);

/** The first full Gregorian date in a text, as ISO yyyy-mm-dd. */
function firstIsoDate(folded: string): string | undefined {
  return dateSpans(folded).find((span) => span.iso !== undefined)?.iso;
}

/**
 * Finds a publication date in the article's date lines (Western or Eastern Arabic digits, Arabic,
 * Hebrew and English month names), as ISO yyyy-mm-dd. Date lines are searched first, in order;
 * then a date standing as its own part of a dateline at the start of one of the first five
 * paragraphs («بيروت – 28 آب 2017 – أعلن …»). Hijri and Hebrew-calendar dates are not converted:
 * a line with only those gives nothing.
 */
export function findPublicationDate(paragraphs: readonly string[]): string | undefined {
  const lines = paragraphs.map(toLine);
  for (const line of lines) {
    if (!isDateLine(line)) continue;
    const iso = firstIsoDate(line.folded);
    if (iso !== undefined) return iso;
  }
  for (const line of lines.slice(0, 5)) {
    const parts = line.folded.split(/\s+[-\u2013\u2014|]\s+/u).slice(0, 4);
    for (const part of parts.slice(0, -1)) {
      if (!isDateText(part)) continue;
      const iso = firstIsoDate(part);
      if (iso !== undefined) return iso;
    }
  }
  return undefined;
}
