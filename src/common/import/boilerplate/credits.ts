/** Photo credits, agency lines, standalone datelines, bylines and copyright lines. */
import { foldLine, type Line, looseText, phraseList, phraseSet, TERMINAL } from './lines';
import { isOutletCredit } from '../outlet';

/**
 * A photo credit closing a short line (a caption and its credit): «… // צילום: אי.אף.פי»,
 * «(تصوير: رويترز)», "(Photo: AFP)". Source labels ("المصدر:", "Source:") only open a line or a
 * parenthesis («قال المصدر: …» is news).
 */
const PHOTO_LABEL = '(?:צילום(?: מסך| ארכיון)?|צילומים|צלם|צלמת|תצלום|קרדיט|تصوير|حقوق الصور(?:ة)?|photo(?:graph)?s?|photo credit|courtesy(?: of)?)';
/** Labels that are also ordinary words («وأظهرت صورة: …»): only after a separator. */
const WEAK_PHOTO_LABEL = '(?:الصورة|صورة|الصور|image|images|picture|pic|credit)';
const SOURCE_LABEL = '(?:المصدر|مصدر|المصادر|source|מקור)';
const CREDIT_TEXT = '\\s*[:\\uFF1A]\\s*([^:()\\[\\]]+?)\\s*[)\\]]?\\s*$';
const TAIL_CREDIT = new RegExp(`(?:^|[\\s/|(\\[\\u2022\\u00B7,\\u060C-])${foldLine(PHOTO_LABEL)}${CREDIT_TEXT}`, 'u');
const WEAK_TAIL_CREDIT = new RegExp(`(?:^|(?:[/|(\\[\\u2022\\u00B7.\\u2013\\u2014-]|\\s-)\\s*)${foldLine(WEAK_PHOTO_LABEL)}${CREDIT_TEXT}`, 'u');
const SOURCE_CREDIT = new RegExp(`^[(\\[]?\\s*${foldLine(SOURCE_LABEL)}${CREDIT_TEXT}`, 'u');
/** Labels that may stand before an agency name without a colon: «צילום אי.אף.פי», "Photo AFP". */
const PHOTO_WORDS = phraseList('צילום', 'צילומים', 'תצלום', 'تصوير', 'حقوق الصورة', 'الصورة', 'صورة', 'photo', 'photos', 'image', 'credit', 'source', 'المصدر');
/** Lines that say a picture is from the archive. */
const ARCHIVE = phraseSet('צילום ארכיון', 'ארכיון', 'صورة أرشيفية', 'صورة من الأرشيف', 'أرشيفية', 'file photo', 'archive photo', 'archive');

/**
 * Sources that stand alone on a line under a picture or a video, without a label: the army's or the
 * police's spokesperson, "social networks", "screenshot", or only the label itself («تصوير», «المصدر»).
 */
const STANDALONE_SOURCES = phraseSet(
  'דובר צה"ל', 'דוברות צה"ל', 'באדיבות דובר צה"ל', 'דוברות המשטרה', 'דובר המשטרה', 'צילום מסך', 'רשתות חברתיות', 'ברשתות החברתיות', 'הרשתות החברתיות',
  'מתוך הרשתות החברתיות', 'מהרשתות החברתיות', 'צילום', 'קרדיט', 'לפי סעיף 27א', 'שימוש לפי סעיף 27א', 'تصوير', 'المصدر', 'حقوق الصورة', 'مواقع التواصل',
  'مواقع التواصل الاجتماعي', 'وسائل التواصل الاجتماعي', 'لقطة شاشة', 'social media', 'screenshot', 'screen grab',
);

/** Agencies, photo agencies and "agencies": a line made only of these is a credit. */
const AGENCIES = phraseList(
  'رويترز', 'أ ف ب', 'أ.ف.ب', 'اف ب', 'فرانس برس', 'وكالة فرانس برس', 'الأناضول', 'وكالة الأناضول', 'سانا', 'سبوتنيك', 'وكالات', 'وكالات الأنباء',
  'د ب أ', 'أ ب', 'أسوشيتد برس', 'اسوشييتد برس', 'شينخوا', 'واس', 'وام', 'قنا', 'كونا', 'بترا', 'إرنا', 'تاس', 'غيتي', 'غيتي إيمجز', 'رويترز وكالات',
  'afp', 'ap', 'reuters', 'getty images', 'getty', 'epa', 'efe', 'dpa', 'xinhua', 'anadolu', 'anadolu agency', 'associated press', 'agencies',
  'shutterstock', 'flash90', 'flash 90', 'רויטרס', 'אי.אף.פי', 'איי.פי', 'אי.פי', 'איי פי', 'פלאש 90', 'פלאש90', "גטי אימג'ס", 'גטי',
  'סוכנויות הידיעות', 'סוכנויות', 'שאטרסטוק', 'אפ',
);
/** Words that make a standalone dateline a credit: «موسكو - دمشق - وكالات», «بيروت - خاص». */
const DATELINE_CREDITS = phraseList('خاص', 'مراسلنا', 'مراسلتنا', 'من مراسلنا', 'مراسل', 'المراسل', 'مكتب', 'בלעדי', 'סוכנויות הידיעות', 'staff', 'wire services', ...AGENCIES.list);

/** Whether the whole text is agency names, possibly joined by «و», commas or slashes. */
function isAgencyList(loose: string): boolean {
  let rest = loose;
  let count = 0;
  while (rest !== '') {
    const next = rest.startsWith('و') ? [rest, rest.slice(1)] : [rest];
    let consumed: string | undefined;
    for (const candidate of next) {
      const agency = AGENCIES.prefixOf(candidate);
      if (agency !== undefined) {
        consumed = candidate.slice(agency.length).trim();
        break;
      }
    }
    if (consumed === undefined) return false;
    rest = consumed;
    count++;
  }
  return count > 0;
}

const DATELINE_SPLIT = /\s+[-\u2013\u2014]\s+|\s*[-\u2013\u2014]\s*$/u;

/** A line made only of dateline parts with a credit among them: «موسكو - دمشق - طهران - وكالات». */
function isStandaloneDateline(line: Line): boolean {
  if (line.words > 10 || TERMINAL.test(line.raw)) return false;
  const parts = line.folded
    .split(DATELINE_SPLIT)
    .map((part) => part.trim())
    .filter((part) => part !== '');
  if (parts.length < 2) return false;
  const looseParts = parts.map(looseText);
  if (looseParts.some((part) => part === '' || part.split(' ').length > 3)) return false;
  return looseParts.some((part) => DATELINE_CREDITS.has(part) || isAgencyList(part));
}

/** "By …", «بقلم …», «كتب: …», «מאת …»: a byline of a few words. */
const BYLINE = new RegExp(
  `^(?:${foldLine('بقلم|بواسطة|كتب\\s*:|كتبت\\s*:|كتبه\\s*:|إعداد\\s*:|تحرير\\s*:|ترجمة\\s*:|مراسلة\\s*:|מאת|כתב\\s*:|כתבת\\s*:|כתבה\\s*:|עריכה\\s*:|written by|reported by|reporting by|edited by|words by')})(?![\\p{L}])`,
  'u',
);
/** Copyright lines: "© 2017 Reuters", «جميع الحقوق محفوظة», «כל הזכויות שמורות». */
const COPYRIGHT = phraseList('all rights reserved', 'جميع الحقوق محفوظة', 'حقوق النشر محفوظة', 'كل الحقوق محفوظة', 'الحقوق محفوظة', 'כל הזכויות שמורות', 'הזכויות שמורות');

export function isCredit(line: Line): boolean {
  if (line.words === 0 || line.words > 30) return false;
  const tail = TAIL_CREDIT.exec(line.folded) ?? WEAK_TAIL_CREDIT.exec(line.folded) ?? SOURCE_CREDIT.exec(line.folded);
  if (tail !== null && looseText(tail[1] ?? '').split(' ').length <= 6) return true;
  if (line.words <= 12 && BYLINE.test(line.folded) && !TERMINAL.test(line.raw)) return true;
  if (line.words <= 25 && (/\u00A9|\(c\)\s*\d{4}|copyright\s*\d{4}/u.test(line.folded) || COPYRIGHT.within(line.loose))) return true;
  if (line.words > 10) return false;
  if (ARCHIVE.has(line.loose) || STANDALONE_SOURCES.has(line.loose) || isAgencyList(line.loose) || isOutletCredit(line.raw)) return true;
  const label = PHOTO_WORDS.prefixOf(line.loose);
  const rest = label === undefined ? undefined : line.loose.slice(label.length + 1);
  if (rest !== undefined && (isAgencyList(rest) || STANDALONE_SOURCES.has(rest))) return true;
  if (isStandaloneDateline(line)) return true;
  return line.words <= 7 && !TERMINAL.test(line.raw) && /^By\s+\p{Lu}/u.test(line.raw);
}
