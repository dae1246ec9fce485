/**
 * Lexicons used by the sentence segmenter (see segmenter.ts).
 *
 * Keys are lower-case and written without the final period; internal periods are kept
 * ("e.g", "a.m", "ق.م"). Hebrew and Arabic keys are written as they appear in text.
 */

/**
 * How an abbreviation followed by a period behaves:
 * - `title`: stands before a name or a noun; never ends a sentence ("Dr. Cohen", "د. محمد").
 * - `number`: usually stands before a number ("No. 5", "Jan. 12", "p. 3"); no break before a
 *   digit. After a number ("on 1 Jan.") it completes a date and behaves like `final`; elsewhere
 *   like `ambiguous`.
 * - `ambiguous`: often inside a sentence before a capitalised name ("U.S. Army", "Apple Inc. CEO",
 *   "10 a.m. Monday") but may end one; a break only when the next word looks like the start of a
 *   sentence (a common sentence-initial word, see ENGLISH_SENTENCE_STARTERS).
 * - `final`: rarely followed by a capitalised word inside a sentence ("etc."): a break before any
 *   capital.
 */
export type AbbreviationKind = 'title' | 'number' | 'ambiguous' | 'final';

const LATIN_TITLES = [
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'drs', 'prof', 'profs', 'gen', 'sen', 'sens', 'rep',
  'reps', 'gov', 'lt', 'col', 'sgt', 'capt', 'cpt', 'cmdr', 'adm', 'maj', 'brig', 'cpl', 'pvt', 'rev',
  'hon', 'pres', 'supt', 'insp', 'fr', 'sr', 'mt', 'vs', 'v', 'e.g', 'i.e', 'cf', 'viz',
  'approx', 'ca', 'incl', 'esp', 'resp', 'dept', 'univ', 'assn',
];
// 'sr' is in titles for "Sr. Maria" (sister/señor); "John Smith Sr." mid-sentence is more common
// than at a sentence end, so the choice costs little either way.

const LATIN_NUMBER = [
  'no', 'nos', 'nr', 'p', 'pp', 'vol', 'vols', 'fig', 'figs', 'eq', 'eqs', 'art', 'arts', 'ch', 'chap',
  'sec', 'sect', 'para', 'tel', 'ext', 'op', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep',
  'sept', 'oct', 'nov', 'dec', 'rt', 'hwy', 'km', 'mi', 'ft', 'pt',
];

const LATIN_FINAL = ['etc', 'al'];

const LATIN_AMBIGUOUS = [
  'inc', 'ltd', 'co', 'corp', 'llc', 'plc', 'bros', 'jr', 'st', 'ave', 'blvd', 'rd', 'sq', 'a.m',
  'p.m', 'u.s', 'u.k', 'u.n', 'u.s.a', 'e.u', 'd.c', 'b.c', 'a.d', 'b.c.e', 'c.e', 'ph.d', 'm.d', 'b.a',
  'm.a', 'b.sc', 'm.sc', 'govt', 'intl', 'natl', 'misc', 'est', 'hr', 'hrs',
];

/** Hebrew abbreviations written with a period or ending in geresh. */
const HEBREW_TITLES = ['פרופ', 'גב', "גב'", 'עו"ד', 'עו״ד', 'רס"ן', 'סא"ל', 'אל"ם', 'תא"ל', 'ד"ר', 'ד״ר'];
const HEBREW_NUMBER = ['מס', "מס'", 'עמ', "עמ'", 'ס', "ס'", 'רח', "רח'", 'ת.ד'];
const HEBREW_AMBIGUOUS = ["וכו'", 'וכו', "וכד'", 'וכד', "וגו'", 'וגו', 'וכיו"ב', 'וכיו״ב', 'בע"מ', 'בע״מ'];

/** Arabic abbreviations written with a period (single letters are handled by the initials rule). */
const ARABIC_TITLES = ['أ.د', 'د', 'أ', 'م', 'ش'];
const ARABIC_NUMBER = ['ص.ب', 'ص', 'ت', 'ج', 'رقم'];
// "إلخ" (etc.) is written without a period; a period after it is a full stop, so it is not listed.
const ARABIC_AMBIGUOUS = ['ق.م', 'هـ'];

function table(): Map<string, AbbreviationKind> {
  const map = new Map<string, AbbreviationKind>();
  const add = (words: readonly string[], kind: AbbreviationKind): void => {
    for (const w of words) if (!map.has(w)) map.set(w, kind);
  };
  // Order matters where a key is listed twice: the first listing wins.
  add(LATIN_TITLES, 'title');
  add(LATIN_NUMBER, 'number');
  add(LATIN_FINAL, 'final');
  add(LATIN_AMBIGUOUS, 'ambiguous');
  add(HEBREW_TITLES, 'title');
  add(HEBREW_NUMBER, 'number');
  add(HEBREW_AMBIGUOUS, 'ambiguous');
  add(ARABIC_TITLES, 'title');
  add(ARABIC_NUMBER, 'number');
  add(ARABIC_AMBIGUOUS, 'ambiguous');
  return map;
}

export const ABBREVIATIONS: ReadonlyMap<string, AbbreviationKind> = table();

/**
 * Arabic era and time markers that follow a number: "2017 م." (AD), "1439 هـ." (Hijri),
 * "500 ق.م." (BC), "03:18 ص." (a.m.), "م." (p.m.). After a number they may end a sentence, so they
 * behave as `ambiguous` there; elsewhere "م." is an engineer's title and "د." a doctor's.
 */
export const ARABIC_AFTER_NUMBER = new Set(['م', 'هـ', 'ه', 'ق.م', 'ص', 'ب.م', 'ق']);

/**
 * Capitalised English words that commonly begin a sentence. After an abbreviation that may or may
 * not end its sentence ("Inc.", "U.S.", "a.m."), a following word from this list means a break.
 */
export const ENGLISH_SENTENCE_STARTERS = new Set([
  'A', 'An', 'The', 'This', 'That', 'These', 'Those', 'There', 'Here', 'It', 'Its', 'He', 'She', 'His',
  'Her', 'They', 'Their', 'Them', 'We', 'Our', 'I', 'My', 'You', 'Your', 'But', 'And', 'Or', 'So', 'Yet',
  'However', 'Nevertheless', 'Meanwhile', 'Moreover', 'Furthermore', 'Also', 'Then', 'Thus', 'Still',
  'Now', 'In', 'On', 'At', 'For', 'From', 'With', 'Without', 'By', 'After', 'Before', 'During', 'Since',
  'When', 'While', 'Where', 'If', 'As', 'Although', 'Though', 'Because', 'According', 'Some', 'Many',
  'Most', 'All', 'Both', 'Each', 'Every', 'No', 'None', 'One', 'Two', 'Three', 'Other', 'Others',
  'What', 'Who', 'Why', 'How', 'Which', 'Is', 'Are', 'Was', 'Were', 'Do', 'Does', 'Did', 'Mr', 'Mrs',
  'Ms', 'Dr', 'Prof', 'Officials', 'Police', 'Authorities',
]);

/**
 * Arabic words that commonly begin a sentence in news prose, used after Arabic abbreviations that
 * may end a sentence ("2017 م.", "إلخ...") and after Latin ones followed by Arabic text. They also
 * count with the conjunction و or ف attached ("وقال", "فقد").
 */
export const ARABIC_SENTENCE_STARTERS = new Set([
  'قال', 'قالت', 'أضاف', 'أضافت', 'أكد', 'أكدت', 'أعلن', 'أعلنت', 'أشار', 'أشارت', 'أوضح', 'أوضحت',
  'ذكر', 'ذكرت', 'تابع', 'تابعت', 'أفاد', 'أفادت', 'كان', 'كانت', 'كانوا', 'يذكر', 'يشار', 'تم', 'جاء',
  'قد', 'لقد', 'لم', 'لن', 'هل', 'إن', 'إنّ', 'كما', 'ثم', 'لكن', 'لكنّ', 'إلا', 'أما', 'هذا', 'هذه',
  'ذلك', 'تلك', 'هو', 'هي', 'هم', 'نحن', 'بينما', 'فيما', 'عندما', 'إذا', 'بدوره', 'بدورها', 'بحسب',
  'وفق', 'وفقا', 'وفقاً', 'حسب',
]);

/**
 * Prepositions and other words that begin a sentence only with the conjunction و or ف attached
 * ("وفي عام 1970", "ومن جهته"); alone they usually continue one ("إلخ... من أجل").
 */
export const ARABIC_STARTERS_AFTER_CONJUNCTION = new Set([
  'في', 'من', 'على', 'إلى', 'عن', 'مع', 'بعد', 'قبل', 'منذ', 'خلال', 'لا', 'ما', 'أن', 'كل',
]);

/** Speech verbs: after a quotation that ends with its own terminator, they continue the sentence. */
export const SPEECH_VERBS = new Set([
  // Hebrew
  'אמר', 'אמרה', 'אמרו', 'אומר', 'אומרת', 'צעק', 'צעקה', 'הוסיף', 'הוסיפה', 'הוסיפו', 'ציין', 'ציינה',
  'מסר', 'מסרה', 'כתב', 'כתבה', 'הסביר', 'הסבירה', 'טען', 'טענה', 'סיפר', 'סיפרה', 'השיב', 'השיבה',
  'הדגיש', 'הדגישה', 'שאל', 'שאלה', 'הגיב', 'הגיבה', 'הבהיר', 'הבהירה', 'התריע', 'הזהיר', 'הזהירה',
  // Arabic
  'قال', 'قالت', 'قالوا', 'يقول', 'تقول', 'أضاف', 'أضافت', 'أكد', 'أكدت', 'تساءل', 'تساءلت', 'سأل',
  'سألت', 'صرخ', 'صرخت', 'أوضح', 'أوضحت', 'تابع', 'تابعت', 'ختم', 'ردّ', 'رد', 'ردت',
  // English (capitalised forms; lower-case continuations are handled by the case rule)
  'Said', 'Says', 'Asked', 'Added',
]);

/**
 * Names that end in an exclamation mark, which is part of the name and not a sentence end unless
 * a new sentence visibly starts after it ("Yahoo! and Microsoft", "עדכוני Yahoo! ו...").
 */
export const NAMES_WITH_EXCLAMATION = new Set(['yahoo', 'jeopardy', 'wham', 'ياهو', 'יאהו']);

/** Words meaning "etc."; an ellipsis before them does not end the sentence ("القصص... إلخ"). */
export const ETCETERA = new Set(['etc', 'إلخ', 'الخ', 'وغيرها', 'וכו', "וכו'", 'וכדומה', "וכד'", 'וגו', "וגו'"]);

/**
 * Names of Latin letters written in Arabic and Hebrew script, as initials are spelt in the news:
 * «دي. كي. رولينغ», «ג'יי. קיי. רולינג», «جورج دبليو. بوش». Common words that are also letter names
 * (في, أو, إن, אם, או) are left out: they end sentences.
 */
export const LETTER_NAMES = new Set([
  'إي', 'اي', 'بي', 'سي', 'دي', 'إف', 'اف', 'جي', 'إتش', 'اتش', 'آي', 'جاي', 'كي', 'كاي', 'إل', 'ال', 'إم', 'ام', 'كيو',
  'آر', 'ار', 'إس', 'اس', 'تي', 'يو', 'دبليو', 'إكس', 'اكس', 'واي', 'زد', 'زي',
  'איי', 'בי', 'סי', 'די', 'אי', 'אף', "ג'י", 'אייץ', "אייץ'", "ג'יי", 'קיי', 'אל', 'אן', 'פי', 'קיו', 'אר', 'אס',
  'טי', 'יו', 'וי', 'דאבליו', 'דבליו', 'אקס', 'וואי', 'זי', 'זד', "ג׳יי", "ג׳י",
]);

/**
 * Words that continue a sentence rather than start one, after an ellipsis in Hebrew and Arabic
 * (which have no letter case to tell): prepositions, particles and "or".
 */
export const CONTINUING_WORDS = new Set([
  'في', 'من', 'إلى', 'الى', 'على', 'عن', 'مع', 'أو', 'او', 'حتى', 'ثم', 'بل',
  'של', 'את', 'עם', 'על', 'אל', 'או', 'אשר', 'עד', 'גם', 'אך', 'אבל', 'כי',
]);
