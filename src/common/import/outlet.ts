/**
 * The outlet an article came from, when the text names it where outlets name themselves: a credit line at
 * the start or the end («المصدر: الجزيرة», "© Haaretz 2017", «(القدس العربي)»), a dateline lead
 * («الأردن العربي – أقدم عناصر…») or the outlet's name before the date («الحدث الثلاثاء ٢٢/مايو/٢٠١٨»).
 *
 * Only the outlets listed here are recognised, and only in the first and last three paragraphs: a body
 * sentence that mentions a newspaper is never taken for its source. Many outlets are named with an everyday
 * word (הארץ "the land", الحياة "life", العربية "Arabic", الشرق الأوسط "the Middle East"); those count only
 * with something that makes them a name: a label ("source:", «صحيفة»), a date after them, or a dateline dash.
 *
 * The name returned is the outlet's own name in the article's language (English when it has none listed).
 */
import { foldText } from '../text/fold';
import { looksLikeDate } from './boilerplate/dates';
import type { TextLanguage } from '../text/language';

interface OutletEntry {
  en: string;
  ar?: string;
  he?: string;
  /** Other spellings, transliterations and web addresses. */
  aliases?: readonly string[];
  /** The name in Hebrew or Arabic script is also an everyday word or phrase: it needs a label, a date or a dateline dash beside it. */
  common?: true;
}

const outlets: readonly OutletEntry[] = [
  { en: 'Haaretz', he: 'הארץ', ar: 'هآرتس', aliases: ['haaretz.co.il', 'haaretz.com', 'هارتس'], common: true },
  { en: 'Ynet', he: 'ynet', ar: 'واي نت', aliases: ['ynetnews', 'ynet.co.il', 'וויינט', 'ynet news'] },
  { en: 'Yedioth Ahronoth', he: 'ידיעות אחרונות', ar: 'يديعوت أحرونوت', aliases: ['yediot ahronot', 'yedioth', 'يديعوت احرونوت', 'يديعوت'] },
  { en: 'Maariv', he: 'מעריב', ar: 'معاريف', aliases: ['maariv.co.il'] },
  { en: 'Walla', he: 'וואלה', ar: 'والا', aliases: ['walla.co.il', 'וואלה! חדשות', 'walla news'], common: true },
  { en: 'Israel Hayom', he: 'ישראל היום', ar: 'يسرائيل هيوم', aliases: ['israelhayom', 'israelhayom.co.il', 'إسرائيل اليوم'], common: true },
  { en: 'Al Jazeera', ar: 'الجزيرة', he: "אל-ג'זירה", aliases: ['الجزيرة نت', 'aljazeera', 'aljazeera.net', 'al-jazeera', 'al jazeera arabic', "אל ג'זירה"] },
  { en: 'Al-Quds Al-Arabi', ar: 'القدس العربي', aliases: ['alquds alarabi', 'alquds.co.uk', 'al quds al arabi'] },
  { en: 'Al-Hayat', ar: 'الحياة', aliases: ['alhayat', 'al hayat', 'الحياة اللندنية'], common: true },
  { en: 'Asharq Al-Awsat', ar: 'الشرق الأوسط', aliases: ['aawsat', 'aawsat.com', 'asharq al awsat', 'asharq alawsat'], common: true },
  { en: 'Al-Akhbar', ar: 'الأخبار', aliases: ['al-akhbar.com', 'al akhbar', 'الأخبار اللبنانية'], common: true },
  { en: 'An-Nahar', ar: 'النهار', aliases: ['annahar', 'an nahar', 'النهار اللبنانية'], common: true },
  { en: 'Al-Ahram', ar: 'الأهرام', aliases: ['ahram', 'ahram.org.eg', 'al ahram'], common: true },
  { en: 'Al Arabiya', ar: 'العربية', he: 'אל-ערביה', aliases: ['العربية نت', 'alarabiya', 'alarabiya.net', 'al-arabiya'], common: true },
  { en: 'Al Mayadeen', ar: 'الميادين', aliases: ['almayadeen', 'al-mayadeen', 'almayadeen.net', 'قناة الميادين'], common: true },
  { en: 'Al-Araby Al-Jadeed', ar: 'العربي الجديد', aliases: ['the new arab', 'alaraby', 'alaraby.co.uk', 'al araby al jadeed'] },
  { en: 'BBC Arabic', ar: 'بي بي سي عربي', aliases: ['bbc عربي', 'bbc arabic', 'بي بي سي', 'bbc'] },
  { en: 'Sky News Arabia', ar: 'سكاي نيوز عربية', aliases: ['sky news arabia', 'سكاي نيوز', 'skynewsarabia'] },
  { en: 'RT Arabic', ar: 'روسيا اليوم', aliases: ['rt arabic', 'rt عربي', 'ار تي عربي', 'arabic.rt.com'] },
  { en: 'Alghad', ar: 'الغد', aliases: ['alghad.com', 'al ghad'], common: true },
  { en: 'Addustour', ar: 'الدستور', aliases: ['al-dustour', 'al dustour', 'addustour.com'], common: true },
  { en: 'Al-Arab', ar: 'العرب', aliases: ['alarab', 'alarab.co.uk', 'العرب اللندنية'], common: true },
  { en: 'Al-Urdun Al-Arabi', ar: 'الأردن العربي', aliases: ['alurdunalarabi', 'الاردن العربي'], common: true },
  { en: 'Al-Hadath', ar: 'الحدث', aliases: ['alhadath', 'al hadath'], common: true },
  { en: 'i24NEWS', aliases: ['i24', 'i24 news', 'i24news.tv', 'آي 24 نيوز', 'اي 24 نيوز', 'אי 24 ניוז'] },
  { en: 'Kan', he: 'כאן', ar: 'كان', aliases: ['kan news', 'kan 11', 'kan.org.il', 'כאן חדשות', 'כאן 11', 'תאגיד השידור', 'كان 11', 'هيئة البث الإسرائيلية'], common: true },
  { en: 'N12', he: 'N12', aliases: ['mako', 'n12.co.il', 'חדשות 12', 'חדשות n12', 'ערוץ 12', 'القناة 12'] },
  { en: 'The Times of Israel', he: 'טיימס אוף ישראל', ar: 'تايمز أوف إسرائيل', aliases: ['times of israel', 'timesofisrael', 'timesofisrael.com', 'זמן ישראל', 'تايمز اوف اسرائيل'] },
  { en: 'DW Arabic', ar: 'دويتشه فيله', aliases: ['dw', 'dw arabic', 'dw عربية', 'dw.com', 'دويتشه فيله عربية', 'دويتشه فيلله', 'دويتشه فيله العربية'] },
  { en: 'France 24', ar: 'فرانس 24', aliases: ['france24', 'france 24 arabic', 'فرانس24', 'فرانس 24 عربي', 'france24.com'] },
  { en: 'Anadolu Agency', ar: 'الأناضول', he: 'אנדולו', aliases: ['anadolu', 'anadolu agency', 'aa.com.tr', 'وكالة الأناضول', 'الاناضول'] },
];

/** Text reduced to folded words (letters and digits), one space between them. */
function words(text: string): string {
  return foldText(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

interface NamedOutlet {
  outlet: OutletEntry;
  /** This spelling is an everyday word too (الحياة, but not Al-Hayat). */
  common: boolean;
}

const byName = new Map<string, NamedOutlet>();
for (const outlet of outlets) {
  for (const name of [outlet.en, outlet.ar, outlet.he, ...(outlet.aliases ?? [])]) {
    if (name) byName.set(words(name), { outlet, common: outlet.common === true && /[\u0590-\u06FF]/u.test(name) });
  }
}

/** Words before a name that make it one: source and photo labels and "the newspaper", "the site", "the channel". */
const labels = [
  'المصدر', 'مصدر', 'نقلا عن', 'عن', 'صحيفة', 'جريدة', 'موقع', 'قناة', 'وكالة', 'كل الحقوق محفوظة ل', 'جميع الحقوق محفوظة ل', 'حقوق النشر محفوظة ل',
  'צילום', 'צילום מסך', 'تصوير', 'حقوق الصورة', 'photo', 'מקור', 'המקור', 'באדיבות', 'עיתון', 'אתר', 'ערוץ', 'כל הזכויות שמורות ל', 'source', 'via', 'courtesy of', 'newspaper', 'copyright', 'all rights reserved',
].map(words);
/** Words after a name that belong to it or to its credit line: a web edition, "the Lebanese [newspaper]", a year. */
const suffixes = ['نت', 'net', 'com', 'online', 'اونلاين', 'news', 'all rights reserved', 'جميع الحقوق محفوظة', 'כל הזכויות שמורות'].map(words);

interface Stripped {
  rest: string;
  labelled: boolean;
}

/** Leading labels and trailing suffixes and years taken off a line's words. */
function stripCredit(line: string): Stripped {
  let rest = line;
  let labelled = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const label of labels) {
      if (rest.startsWith(`${label} `)) {
        rest = rest.slice(label.length + 1);
        labelled = changed = true;
      }
    }
    for (const suffix of suffixes) {
      if (rest.endsWith(` ${suffix}`)) {
        rest = rest.slice(0, -suffix.length - 1);
        changed = true;
      }
    }
    const year = / (?:19|20)\d\d$|^(?:19|20)\d\d /u.exec(rest);
    if (year !== null) {
      rest = year.index === 0 ? rest.slice(year[0].length) : rest.slice(0, year.index);
      labelled = changed = true;
    }
  }
  return { rest: rest.trim(), labelled };
}

/** A line that is only a credit to an outlet: «المصدر: الجزيرة», "(Haaretz)", "© 2017 Ynet". */
function creditedOutlet(text: string): OutletEntry | undefined {
  const all = words(text);
  if (all === '' || all.split(' ').length > 10) return undefined;
  const symbol = /^\s*[(\u00A9]|[)]\s*$/u.test(text);
  const { rest, labelled } = stripCredit(all);
  const named = byName.get(rest);
  return named && (!named.common || labelled || symbol) ? named.outlet : undefined;
}

/** Whether a short line is only a credit to a listed outlet: «i24NEWS», «المصدر: الجزيرة», "(Haaretz)". */
export const isOutletCredit = (text: string): boolean => creditedOutlet(text) !== undefined;

const leadDash = /^([^-\u2013\u2014:|]{2,40}?)\s*[-\u2013\u2014:|]\s+\S/u;

/** A first line that opens with the outlet: a dateline lead «الأردن العربي – …» or the name before the date «الحدث الثلاثاء ٢٢/٥/٢٠١٨». */
function leadingOutlet(text: string): OutletEntry | undefined {
  const lead = leadDash.exec(text);
  if (lead !== null) {
    const outlet = byName.get(stripCredit(words(lead[1]!)).rest)?.outlet;
    if (outlet) return outlet;
  }
  const tokens = text.trim().split(/\s+/u);
  for (let count = Math.min(4, tokens.length - 1); count >= 1; count--) {
    const outlet = byName.get(stripCredit(words(tokens.slice(0, count).join(' '))).rest)?.outlet;
    if (outlet && looksLikeDate(tokens.slice(count).join(' '))) return outlet;
  }
  return undefined;
}

function nameIn(outlet: OutletEntry, language: TextLanguage): string {
  return (language === 'ar' ? outlet.ar : language === 'he' ? outlet.he : undefined) ?? outlet.en;
}

const edgeParagraphs = 3;

/** The outlet the article's first or last paragraphs credit, named in the article's language; undefined when none is found. */
export function findOutlet(paragraphs: readonly string[], language: TextLanguage): string | undefined {
  const lines = paragraphs.map((paragraph) => paragraph.trim()).filter((paragraph) => paragraph !== '');
  const head = lines.slice(0, edgeParagraphs);
  const tail = lines.slice(Math.max(head.length, lines.length - edgeParagraphs));
  for (const line of head) {
    const outlet = creditedOutlet(line) ?? leadingOutlet(line);
    if (outlet) return nameIn(outlet, language);
  }
  for (const line of [...tail].reverse()) {
    const outlet = creditedOutlet(line);
    if (outlet) return nameIn(outlet, language);
  }
  return undefined;
}

/** A site's name of itself (a web page's og:site_name): a listed outlet's name in the article's language, or the name as given. */
export function outletName(siteName: string, language: TextLanguage): string {
  const outlet = byName.get(stripCredit(words(siteName)).rest)?.outlet;
  return outlet ? nameIn(outlet, language) : siteName.replace(/\s+/g, ' ').trim();
}
