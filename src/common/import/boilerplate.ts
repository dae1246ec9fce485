/**
 * Site boilerplate in an imported article's paragraphs: the lines a news page carries around the
 * story ("found a mistake?", "you may also like", "comments are closed", "Ad", subscription
 * prompts, photo credits, share buttons, breadcrumbs, date lines, the headline printed twice).
 * The reader hides them by default; nothing is dropped.
 *
 * Every rule looks at one paragraph as a whole line: boilerplate lines are short, and a rule only
 * fires when (nearly) the whole paragraph is the boilerplate phrase, or starts with it and stays
 * short. A long news sentence that merely contains «إعلان» (announcement) or «צילום» is never
 * flagged. Generic one-word headings («תגובות» is also "reactions", a real sub-heading) count only
 * in the tail of the article, after its last body paragraph.
 *
 * All the rules run on every article whatever its language: pages mix scripts (an English "Ad"
 * inside an Arabic article).
 *
 * Shared code: standard ECMAScript and `Intl` only.
 */
import { foldText } from '../text/fold';
import type { TextLanguage } from '../text/language';

export type BoilerplateKind =
  | 'mistake-report'
  | 'related'
  | 'comments'
  | 'ad'
  | 'subscribe'
  | 'credit'
  | 'date'
  | 'repeated-headline'
  | 'share'
  | 'navigation';

export interface ParagraphClass {
  boilerplate: boolean;
  kind?: BoilerplateKind;
}

/** Version of these rules: bump it when a change can reclassify a paragraph, so stored marks are rebuilt. */
export const BOILERPLATE_VERSION = 1;

// ---------------------------------------------------------------------------------------------
// Normalisation

/** Text as the rules see it: folded for compatibility (see foldText), spaces collapsed. Punctuation stays. */
function foldLine(text: string): string {
  return foldText(text, { compatibility: true }).replace(/\s+/g, ' ').trim();
}

/** Folded text reduced to its words: every run of non-letters, non-digits is one space. */
function looseText(text: string): string {
  return foldLine(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const firstWord = (loose: string): string => {
  const space = loose.indexOf(' ');
  return space < 0 ? loose : loose.slice(0, space);
};

/** Phrases in loose form, indexed by their first word. */
class Phrases {
  readonly list: readonly string[];
  private readonly byFirstWord = new Map<string, string[]>();

  constructor(phrases: readonly string[]) {
    this.list = [...new Set(phrases.map(looseText))].filter((p) => p !== '').sort((a, b) => b.length - a.length);
    for (const phrase of this.list) {
      const key = firstWord(phrase);
      const bucket = this.byFirstWord.get(key);
      if (bucket === undefined) this.byFirstWord.set(key, [phrase]);
      else bucket.push(phrase);
    }
  }

  /** The longest phrase that is the whole of `loose` or its first words. */
  prefixOf(loose: string): string | undefined {
    return this.byFirstWord.get(firstWord(loose))?.find((p) => loose.startsWith(p) && (loose.length === p.length || loose[p.length] === ' '));
  }

  startsLine(loose: string): boolean {
    return this.prefixOf(loose) !== undefined;
  }

  has(loose: string): boolean {
    return this.byFirstWord.get(firstWord(loose))?.includes(loose) ?? false;
  }

  /** Whether some phrase stands in `loose` as whole words. */
  within(loose: string): boolean {
    for (let at = 0; ; ) {
      if (this.startsLine(loose.slice(at))) return true;
      const space = loose.indexOf(' ', at);
      if (space < 0) return false;
      at = space + 1;
    }
  }
}

const phraseList = (...phrases: string[]): Phrases => new Phrases(phrases);
const phraseSet = (...phrases: string[]): Set<string> => new Set(phrases.map(looseText));

/** Sentence-final punctuation (with closing quotes or brackets after it). */
const TERMINAL = /[.!?\u061F\u06D4\u2026]["'\u201D\u2019\u00BB)\]]*$/;
const ENDS_WITH_PERIOD = /[.:\u2026]["'\u201D\u2019\u00BB)\]]*$/;

/** One paragraph as the rules see it. */
interface Line {
  raw: string;
  folded: string;
  loose: string;
  words: number;
  /** The digits of the line, in order. */
  digits: string;
}

/**
 * Longer than any boilerplate line (every rule stops at forty words): such a paragraph is body,
 * and only its opening is folded (for a dateline that carries the date).
 */
const LONG_LINE = 600;

function toLine(raw: string): Line {
  const trimmed = raw.trim();
  if (trimmed.length > LONG_LINE) {
    const words = (trimmed.match(/\s+/g)?.length ?? 0) + 1;
    return { raw: trimmed, folded: foldLine(trimmed.slice(0, LONG_LINE / 2)), loose: '', words: Math.max(words, 100), digits: '' };
  }
  const folded = foldLine(trimmed);
  const loose = folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return { raw: trimmed, folded, loose, words: loose === '' ? 0 : loose.split(' ').length, digits: loose.replace(/\D/g, '') };
}

/** Splits "Heading: rest" (or «heading – rest», "heading » rest") at its first separator. */
function splitHead(line: Line): { head: string; rest: string } | undefined {
  const match = /\s*[:\uFF1A\u2013\u2014\u00BB|>\u203A]\s*|\s+-\s+/u.exec(line.folded);
  if (match === null || match.index === 0) return undefined;
  const rest = line.folded.slice(match.index + match[0].length).trim();
  return { head: looseText(line.folded.slice(0, match.index)), rest };
}

// ---------------------------------------------------------------------------------------------
// "Found a mistake?"

const MISTAKE_LEADS = phraseList('هل', 'اذا', 'إذا', 'ان', 'إن', 'لو', 'אם', 'if you', 'you', 'have you', 'did you', 'if you have');
const MISTAKE = phraseList(
  // Hebrew
  'טעינו נתקן', 'טעינו נשמח', 'מצאתם טעות', 'מצאת טעות', 'מצאתם שגיאה', 'נתקלתם בטעות', 'נתקלת בטעות', 'ראיתם טעות', 'דווחו לנו על טעות',
  'דווחו על טעות', 'דיווח על טעות', 'לדיווח על טעות', 'הודיעו לנו על טעות', 'דווח על טעות',
  // Arabic
  'وجدت خطأ', 'وجدتم خطأ', 'وجدت خطأً', 'وجدت أخطاء', 'لاحظت خطأ', 'لاحظتم خطأ', 'رأيت خطأ', 'رأيتم خطأ', 'صادفت خطأ', 'أبلغ عن خطأ',
  'ابلغنا عن خطأ', 'أبلغونا عن خطأ', 'بلغ عن خطأ', 'بلغنا عن خطأ', 'الإبلاغ عن خطأ', 'للإبلاغ عن خطأ', 'التبليغ عن خطأ', 'للتبليغ عن خطأ',
  'الإبلاغ عن الأخطاء', 'للإبلاغ عن الأخطاء',
  // English
  'found a mistake', 'found an error', 'found a typo', 'find a mistake', 'find an error', 'find a typo', 'spotted a mistake', 'spotted an error',
  'spotted a typo', 'spot a mistake', 'spot an error', 'spot a typo', 'see a mistake', 'see an error', 'notice an error', 'noticed an error',
  'noticed a mistake', 'report an error', 'report a mistake', 'report a typo', 'report a correction', 'submit a correction', 'suggest a correction',
);

function isMistakeReport(line: Line): boolean {
  if (line.words > 25) return false;
  if (MISTAKE.startsLine(line.loose)) return true;
  const lead = MISTAKE_LEADS.prefixOf(line.loose);
  return lead !== undefined && MISTAKE.startsLine(line.loose.slice(lead.length + 1));
}

// ---------------------------------------------------------------------------------------------
// Related links

const RELATED = phraseList(
  // Arabic
  'قد يعجبك ايضا', 'قد يعجبك', 'يعجبك ايضا', 'قد يهمك', 'قد يهمك ايضا', 'يهمك ايضا', 'قد يهمك أيضاً', 'اقرأ أيضا', 'اقرأ أيضاً', 'اقرأ كذلك',
  'اقرأ المزيد', 'اقرأ أكثر', 'شاهد أيضا', 'شاهد كذلك', 'طالع أيضا', 'تابع أيضا', 'مواضيع ذات صلة', 'موضوعات ذات صلة', 'أخبار ذات صلة',
  'مقالات ذات صلة', 'مواد ذات صلة', 'أخبار متعلقة', 'مواضيع متعلقة', 'مقالات متعلقة', 'مقالات مشابهة', 'أخبار مشابهة', 'مواضيع مشابهة',
  'المزيد من الأخبار', 'مزيد من الأخبار', 'المزيد من المقالات', 'الأكثر قراءة', 'الأكثر مشاهدة', 'الأكثر تداولا', 'الأكثر شعبية', 'اخترنا لك',
  'ننصحك بقراءة', 'ننصح بقراءة',
  // Hebrew
  'כתבות נוספות', 'עוד בנושא', 'עוד כתבות', 'כתבות קשורות', 'כתבות מומלצות', 'אולי יעניין אותך', 'אולי יעניין אתכם', 'אולי יעניין אותכם',
  'אולי תאהבו גם', 'עוד באתר', 'הכי נקראים', 'הנקראים ביותר', 'הכתבות הנקראות ביותר', 'קראו עוד', 'קראו גם', 'עוד מהמדור', 'מומלץ לקרוא',
  // English
  'you may also like', 'you might also like', 'you may be interested in', 'you might be interested in', 'related articles', 'related stories',
  'related news', 'related posts', 'related content', 'related coverage', 'related topics', 'read more', 'read also', 'also read', 'see also',
  'more stories', 'more from', 'more on this story', 'more news', 'recommended for you', 'recommended stories', 'most read', 'most popular',
  'most viewed', 'trending now', "don't miss", 'dont miss', 'what to read next', 'read next', 'up next',
);
/** Generic headings, counted only in the tail of the article. */
const RELATED_TAIL = phraseSet('ذات صلة', 'المزيد', 'متعلقات', 'related', 'recommended', 'trending', 'more', 'מומלצים', 'עוד', 'קשור');

/** 'heading': a heading line (what follows may be its links); 'link': "Read also: <title>". */
function relatedForm(line: Line): 'heading' | 'link' | undefined {
  if (line.words <= 8 && RELATED.startsLine(line.loose)) return 'heading';
  if (line.words <= 30) {
    const split = splitHead(line);
    if (split !== undefined && split.rest !== '' && RELATED.has(split.head)) return 'link';
  }
  return undefined;
}

/** A short line that can be the title of a linked article: no final period, at most twenty words. */
const isLinkTitle = (line: Line): boolean => line.words >= 1 && line.words <= 20 && !ENDS_WITH_PERIOD.test(line.raw);

// ---------------------------------------------------------------------------------------------
// Comments

const COMMENTS = phraseList(
  // Arabic
  'التعليقات مغلقة', 'التعليق مغلق', 'التعليقات مقفلة', 'التعليقات متوقفة', 'تم إغلاق التعليقات', 'أغلقت التعليقات', 'أضف تعليق', 'أضف تعليقا',
  'أضف تعليقك', 'اترك تعليقا', 'اترك تعليق', 'اترك ردا', 'اترك رد', 'اكتب تعليقك', 'اكتب تعليقا', 'شاركنا رأيك', 'لا توجد تعليقات',
  'لا يوجد تعليقات', 'لا تعليقات', 'كن أول من يعلق', 'كن أول من يعلّق', 'عرض التعليقات', 'إظهار التعليقات', 'التعليقات تعبر عن',
  'التعليقات المنشورة',
  // Hebrew
  'התגובות נסגרו', 'התגובות סגורות', 'התגובות לכתבה נסגרו', 'התגובות לכתבה זו נסגרו', 'הוסיפו תגובה', 'הוסף תגובה', 'הוספת תגובה', 'כתבו תגובה',
  'כתוב תגובה', 'שלחו תגובה', 'שלח תגובה', 'לכתיבת תגובה', 'להוספת תגובה', 'אין תגובות', 'היו הראשונים להגיב', 'היה הראשון להגיב', 'הצג תגובות',
  'לכל התגובות', 'תגובות גולשים',
  // English
  'comments are closed', 'comments closed', 'comments are now closed', 'commenting is closed', 'commenting has been disabled',
  'comments have been disabled', 'comments are disabled', 'leave a comment', 'leave a reply', 'add a comment', 'add comment', 'post a comment',
  'write a comment', 'join the conversation', 'join the discussion', 'no comments', 'be the first to comment', 'view comments', 'show comments',
  'load comments', 'read comments',
);
const COMMENT_WORD = '(?:comments?|تعليق|تعليقات|التعليقات|تعليقا|تعليقان|תגובות|תגובה)';
const COMMENT_COUNT = new RegExp(`^(?:\\d+ ${COMMENT_WORD}|${COMMENT_WORD} \\d+)$`, 'u');
const COMMENTS_TAIL = phraseSet('تعليقات', 'التعليقات', 'تعليق', 'comments', 'comment', 'תגובות', 'תגובה');

const isComments = (line: Line): boolean => line.words <= 12 && (COMMENTS.startsLine(line.loose) || COMMENT_COUNT.test(line.loose));

// ---------------------------------------------------------------------------------------------
// Advertisements

const AD = phraseSet(
  'ad', 'ads', 'advert', 'advertisement', 'advertisements', 'advertising', 'sponsored', 'sponsored content', 'paid content', 'paid post', 'promoted',
  'promoted content', 'partner content', 'advertisement continue reading below', 'advertisement scroll to continue',
  'advertisement scroll to continue reading', 'story continues below advertisement', 'article continues below advertisement',
  'continue reading below', 'continue reading the main story', 'scroll to continue with content', 'إعلان', 'الإعلان', 'إعلانات', 'مساحة إعلانية',
  'إعلان ممول', 'إعلان مدفوع', 'محتوى ممول', 'محتوى مدفوع', 'محتوى إعلاني', 'برعاية', 'פרסומת', 'פרסומות', 'תוכן שיווקי', 'תוכן ממומן', 'ממומן',
  'שיתוף פעולה מסחרי', 'הכתבה נמשכת אחרי הפרסומת', 'הכתבה ממשיכה אחרי הפרסומת',
);

const isAd = (line: Line): boolean => line.words <= 8 && AD.has(line.loose);

// ---------------------------------------------------------------------------------------------
// Subscriptions

const SUBSCRIBE_START = phraseList(
  // Arabic
  'اشترك في النشرة', 'اشترك في نشرتنا', 'اشترك بالنشرة', 'اشترك الآن', 'اشترك مجانا', 'اشترك مجاناً', 'اشترك ليصلك', 'اشترك لتصلك', 'اشترك للحصول',
  'اشترك لتحصل', 'اشترك في قناتنا', 'اشترك بقناتنا', 'اشترك في خدمة', 'اشترك في خدمتنا', 'اشتركوا', 'للاشتراك', 'لم تشترك بعد', 'أنت غير مشترك',
  'أنشئ حسابا', 'أنشئ حساباً', 'أنشئ حساب', 'أنشئ حسابك', 'سجل الآن', 'سجّل الآن', 'سجل مجانا', 'سجل للحصول', 'سجل دخولك', 'سجل الدخول',
  'تسجيل الدخول', 'أدخل بريدك الإلكتروني', 'احصل على النشرة', 'احصل على نشرتنا', 'انضم إلى قناتنا', 'انضموا إلى قناتنا', 'انضم الى نشرتنا',
  // Hebrew
  'הירשמו', 'הרשמו', 'הירשם', 'הירשמי', 'להרשמה', 'להירשם', 'הרשמה לניוזלטר', 'הרשמה לעדכונים', 'הצטרפו לניוזלטר', 'הצטרפו לרשימת התפוצה',
  'הצטרפו לערוץ', 'הצטרפו לקבוצת', 'קבלו עדכונים', 'לקבלת עדכונים', 'לקבלת הניוזלטר', 'רכשו מנוי', 'רכישת מנוי', 'למנויים בלבד', 'כבר מנויים',
  'כניסה למנויים', 'הזינו את כתובת', 'הכניסו את כתובת',
  // English
  'subscribe', 'sign up', 'create an account', 'create a free account', 'create your free account', 'already a subscriber',
  'already have an account', 'log in to', 'register now', 'register for free', 'get our newsletter', 'get the newsletter', 'join our newsletter',
  'join our mailing list', 'enter your email', 'become a member', 'become a subscriber',
);
/** Whole lines that are a subscription button or box title. */
const SUBSCRIBE_LINE = phraseSet('اشترك', 'الاشتراك', 'النشرة البريدية', 'النشرة الإخبارية', 'newsletter', 'newsletters', 'ניוזלטר', 'הרשמה', 'log in', 'login', 'sign in');
/** The site speaking of its own newsletter or of the reader's inbox. */
const SUBSCRIBE_MARKERS = phraseList(
  'نشرتنا البريدية', 'نشراتنا البريدية', 'نشرتنا الإخبارية', 'نشراتنا الإخبارية', 'نشراتنا البريدية المتنوعة', 'our newsletter', 'our newsletters',
  'your inbox', 'הניוזלטר שלנו', 'לתיבת המייל שלכם', 'לתיבת הדואר שלכם',
);

const isSubscribe = (line: Line): boolean =>
  line.words <= 30 && (SUBSCRIBE_LINE.has(line.loose) || SUBSCRIBE_START.startsLine(line.loose) || SUBSCRIBE_MARKERS.within(line.loose));

// ---------------------------------------------------------------------------------------------
// Share buttons

/** Whole lines only: «شارك» alone is a button; «شارك في الهجوم…» is news. */
const SHARE_LINE = phraseSet(
  'شارك', 'شاركها', 'مشاركة', 'تابعونا', 'تابعنا', 'انشر', 'طباعة', 'اطبع', 'نسخ الرابط', 'انسخ الرابط', 'share', 'shares', 'tweet', 'share this', 'email this', 'email',
  'print', 'copy link', 'copy the link', 'שתפו', 'שתף', 'שיתוף', 'עקבו אחרינו', 'הדפסה', 'הדפס', 'העתק קישור', 'העתקת קישור',
);
const SHARE_START = phraseList(
  'شارك المقال', 'شارك الخبر', 'شارك الموضوع', 'شارك هذا المقال', 'شارك هذا الخبر', 'شارك على', 'شارك عبر', 'شارك مع أصدقائك', 'مشاركة المقال',
  'مشاركة الخبر', 'انشر على', 'انشر عبر', 'تابعونا على', 'تابعنا على', 'تابعونا عبر', 'تابعنا عبر', 'שתפו את הכתבה', 'שתפו ב', 'שתפו בפייסבוק',
  'שתפו בוואטסאפ', 'שתף בפייסבוק', 'שתף בוואטסאפ', 'עקבו אחרינו ב', 'הצטרפו אלינו בפייסבוק', 'share this article', 'share this story',
  'share this post', 'share article', 'share story', 'share on', 'share via', 'share with', 'tweet this', 'follow us on', 'follow us', 'print this',
);
/** Names of networks and the buttons beside them; a line made only of these is a share bar. */
const SOCIAL_NETWORKS = phraseSet(
  'facebook', 'twitter', 'whatsapp', 'telegram', 'linkedin', 'pinterest', 'reddit', 'messenger', 'instagram', 'youtube', 'tiktok', 'فيسبوك', 'فيس',
  'تويتر', 'واتساب', 'واتس', 'تلغرام', 'تيليغرام', 'تلجرام', 'لينكدإن', 'لينكد', 'انستغرام', 'انستجرام', 'يوتيوب', 'פייסבוק', 'טוויטר', 'וואטסאפ',
  'ווטסאפ', 'טלגרם', 'לינקדאין', 'אינסטגרם', 'יוטיוב',
);
const SOCIAL_BUTTONS = phraseSet('email', 'e', 'mail', 'print', 'copy', 'link', 'x', 'بوك', 'اب', 'آب', 'إن', 'البريد', 'الإلكتروني', 'بريد', 'إيميل', 'طباعة', 'نسخ', 'الرابط', 'מייל', 'דוא', 'ל', 'אימייל', 'הדפסה', 'הדפס', 'העתק', 'קישור', 'הקישור');

function isShare(line: Line): boolean {
  if (line.words > 8 || ENDS_WITH_PERIOD.test(line.raw)) return false;
  if (SHARE_LINE.has(line.loose) || SHARE_START.startsLine(line.loose)) return true;
  const words = line.loose.split(' ');
  return words.some((w) => SOCIAL_NETWORKS.has(w)) && words.every((w) => SOCIAL_NETWORKS.has(w) || SOCIAL_BUTTONS.has(w));
}

// ---------------------------------------------------------------------------------------------
// Credits and bylines

/**
 * A photo credit closing a short line (a caption and its credit): «… // צילום: אי.אף.פי»,
 * «(تصوير: رويترز)», "(Photo: AFP)". Source labels ("المصدر:", "Source:") only open a line or a
 * parenthesis («قال المصدر: …» is news).
 */
const PHOTO_LABEL = '(?:צילום(?: מסך| ארכיון)?|צילומים|צלם|צלמת|תצלום|קרדיט|تصوير|photo(?:graph)?s?|photo credit|courtesy(?: of)?)';
/** Labels that are also ordinary words («وأظهرت صورة: …»): only after a separator. */
const WEAK_PHOTO_LABEL = '(?:الصورة|صورة|الصور|image|images|picture|pic|credit)';
const SOURCE_LABEL = '(?:المصدر|مصدر|المصادر|source|מקור)';
const CREDIT_TEXT = '\\s*[:\\uFF1A]\\s*([^:()\\[\\]]+?)\\s*[)\\]]?\\s*$';
const TAIL_CREDIT = new RegExp(`(?:^|[\\s/|(\\[\\u2022\\u00B7,\\u060C-])${foldLine(PHOTO_LABEL)}${CREDIT_TEXT}`, 'u');
const WEAK_TAIL_CREDIT = new RegExp(`(?:^|(?:[/|(\\[\\u2022\\u00B7.\\u2013\\u2014-]|\\s-)\\s*)${foldLine(WEAK_PHOTO_LABEL)}${CREDIT_TEXT}`, 'u');
const SOURCE_CREDIT = new RegExp(`^[(\\[]?\\s*${foldLine(SOURCE_LABEL)}${CREDIT_TEXT}`, 'u');
/** Labels that may stand before an agency name without a colon: «צילום אי.אף.פי», "Photo AFP". */
const PHOTO_WORDS = phraseList('צילום', 'צילומים', 'תצלום', 'تصوير', 'الصورة', 'صورة', 'photo', 'photos', 'image', 'credit', 'source', 'المصدر');
/** Lines that say a picture is from the archive. */
const ARCHIVE = phraseSet('צילום ארכיון', 'ארכיון', 'صورة أرشيفية', 'صورة من الأرشيف', 'أرشيفية', 'file photo', 'archive photo', 'archive');

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

function isCredit(line: Line): boolean {
  if (line.words === 0 || line.words > 30) return false;
  const tail = TAIL_CREDIT.exec(line.folded) ?? WEAK_TAIL_CREDIT.exec(line.folded) ?? SOURCE_CREDIT.exec(line.folded);
  if (tail !== null && looseText(tail[1] ?? '').split(' ').length <= 6) return true;
  if (line.words <= 12 && BYLINE.test(line.folded) && !TERMINAL.test(line.raw)) return true;
  if (line.words <= 25 && (/\u00A9|\(c\)\s*\d{4}|copyright\s*\d{4}/u.test(line.folded) || COPYRIGHT.within(line.loose))) return true;
  if (line.words > 10) return false;
  if (ARCHIVE.has(line.loose) || isAgencyList(line.loose)) return true;
  const label = PHOTO_WORDS.prefixOf(line.loose);
  if (label !== undefined && isAgencyList(line.loose.slice(label.length + 1))) return true;
  if (isStandaloneDateline(line)) return true;
  return line.words <= 7 && !TERMINAL.test(line.raw) && /^By\s+\p{Lu}/u.test(line.raw);
}

// ---------------------------------------------------------------------------------------------
// Navigation

const NAVIGATION = phraseSet(
  'الرئيسية', 'الصفحة الرئيسية', 'العودة للأعلى', 'العودة إلى الأعلى', 'إلى الأعلى', 'للأعلى', 'المقال التالي', 'المقال السابق', 'الخبر التالي',
  'الخبر السابق', 'الموضوع التالي', 'الموضوع السابق', 'التالي', 'السابق', 'انتقل إلى المحتوى', 'تخطى إلى المحتوى', 'القائمة', 'بحث', 'back to top',
  'top', 'home', 'next', 'previous', 'next article', 'previous article', 'next story', 'previous story', 'next post', 'previous post',
  'skip to content', 'skip to main content', 'menu', 'search', 'דף הבית', 'ראשי', 'חזרה למעלה', 'לראש העמוד', 'הכתבה הבאה', 'הכתבה הקודמת',
  'לכתבה הבאה', 'לכתבה הקודמת', 'דלג לתוכן', 'דלג לתוכן העיקרי', 'לעמוד הראשי', 'תפריט', 'חיפוש',
);
/** Headings of a tag list or of a next/previous link, before a colon. */
const NAVIGATION_HEADS = phraseSet(
  'tags', 'tag', 'topics', 'keywords', 'filed under', 'الوسوم', 'وسوم', 'كلمات مفتاحية', 'الكلمات المفتاحية', 'الكلمات الدلالية', 'كلمات دلالية',
  'تاغ', 'تاغات', 'هاشتاغ', 'תגיות', 'תגית', 'נושאים', 'המקור', 'المقال التالي', 'المقال السابق', 'الخبر التالي', 'الخبر السابق', 'next article',
  'previous article', 'next story', 'הכתבה הבאה', 'הכתבה הקודמת',
);
const HOME = phraseSet('الرئيسية', 'الصفحة الرئيسية', 'home', 'homepage', 'דף הבית', 'ראשי');
const CRUMB_SEPARATOR = /\s*[>\u00BB\u203A|\\\u276F\u25B8\u2192]\s*|\s+\/\s+/u;

function isNavigation(line: Line): boolean {
  if (line.words === 0 || line.words > 25) return false;
  if (NAVIGATION.has(line.loose)) return true;
  // "Tags: …", «الوسوم: …», «המקור: …», «المقال التالي: …».
  const colon = line.folded.search(/[:\uFF1A]/u);
  if (colon > 0 && NAVIGATION_HEADS.has(looseText(line.folded.slice(0, colon)))) return true;
  // Breadcrumbs: «الرئيسية » أخبار » سوريا», "Home > World > Middle East".
  if (line.words > 14 || TERMINAL.test(line.raw)) return false;
  const parts = line.folded.split(CRUMB_SEPARATOR).map(looseText);
  if (parts.length < 2 || parts.some((part) => part === '' || part.split(' ').length > 4)) return false;
  return parts.length >= 3 || HOME.has(parts[0] ?? '');
}

// ---------------------------------------------------------------------------------------------
// Dates

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
const isDateLine = (line: Line): boolean => line.words > 0 && line.words <= 14 && isDateText(line.folded);

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

// ---------------------------------------------------------------------------------------------
// Repeated headline

/** Levenshtein distance between two short strings. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const MAX_HEADLINE_CHARS = 300;
/** Shorter lines repeat by chance («في عام», "If you"). */
const MIN_HEADLINE_CHARS = 12;

/**
 * Whether `later` nearly repeats `headline`: the same numbers and at most a tenth of the other
 * characters changed (a diacritic, a typo, punctuation), or the headline and " – Site name".
 */
function nearlyRepeats(later: Line, headline: Line): boolean {
  const a = later.loose;
  const b = headline.loose;
  if (b.length < MIN_HEADLINE_CHARS || a.length > MAX_HEADLINE_CHARS || b.length > MAX_HEADLINE_CHARS) return false;
  if (a === b) return true;
  if (headline.words >= 2 && later.words - headline.words <= 5 && later.folded.startsWith(headline.folded)) {
    return /^\s*[-\u2013\u2014|:]/u.test(later.folded.slice(headline.folded.length));
  }
  if (Math.abs(a.length - b.length) > b.length / 10 || later.digits !== headline.digits) return false;
  return editDistance(a, b) <= Math.max(1, Math.floor(Math.max(a.length, b.length) / 10));
}

/** Near repeats are looked for only against the first paragraphs (where the headline is) and the lines just before. */
const HEADLINE_ZONE = 5;
const NEARBY = 3;

/** A paragraph that can be a headline: the first one, or a short line without a final period. */
const isHeadlineLike = (line: Line, index: number): boolean =>
  line.words >= 2 && (index === 0 ? line.words <= 40 : line.words <= 30 && !ENDS_WITH_PERIOD.test(line.raw));

// ---------------------------------------------------------------------------------------------
// Classification

/** The rules that hold anywhere in the article, in order of precedence. */
const RULES: readonly (readonly [BoilerplateKind, (line: Line) => boolean])[] = [
  ['date', isDateLine],
  ['mistake-report', isMistakeReport],
  ['comments', isComments],
  ['related', (line) => relatedForm(line) !== undefined],
  ['subscribe', isSubscribe],
  ['share', isShare],
  ['ad', isAd],
  ['credit', isCredit],
  ['navigation', isNavigation],
];

/** Indices of the earlier paragraphs that a paragraph's near repeat is looked for in. */
function candidatesBefore(i: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < Math.min(i, HEADLINE_ZONE); j++) out.push(j);
  for (let j = Math.max(HEADLINE_ZONE, i - NEARBY); j < i; j++) out.push(j);
  return out;
}

/** A paragraph of the story itself: long, or a full sentence of some length. */
const isBodyLike = (line: Line): boolean => line.words >= 15 || (line.words >= 8 && TERMINAL.test(line.raw));

/**
 * Classifies each paragraph of an article (paragraph 0 is usually the headline).
 *
 * Marked as boilerplate: "found a mistake?" lines, related-links headings and the link titles
 * right after them, "comments are closed" and comment prompts, a line that is only "Ad", subscription
 * prompts, photo credits and captions ending in one, agency-only lines and standalone datelines
 * with an agency, bylines, share bars, breadcrumbs and tag lists, date lines, and a later (near-)
 * repeat of the headline or of another earlier headline-like line. A dateline opening a body
 * paragraph («الأردن العربي – أقدم عناصر …») is body.
 *
 * The language is not consulted: every rule applies to every article, since pages mix scripts.
 * Returns one class per paragraph, in order.
 */
export function classifyParagraphs(paragraphs: readonly string[], _language: TextLanguage): ParagraphClass[] {
  const lines = paragraphs.map(toLine);
  const kinds: (BoilerplateKind | undefined)[] = lines.map((line) => (line.words === 0 ? undefined : RULES.find(([, test]) => test(line))?.[0]));

  // A repeated headline: a later paragraph that repeats an earlier headline-like one, exactly
  // (anywhere) or nearly (the first paragraphs, or the lines just before).
  const headlines = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== undefined) continue;
    const repeated =
      i > 0 &&
      line.words <= 40 &&
      (headlines.has(line.loose) ||
        candidatesBefore(i).some((j) => {
          const earlier = lines[j];
          return earlier !== undefined && kinds[j] === undefined && isHeadlineLike(earlier, j) && nearlyRepeats(line, earlier);
        }));
    if (repeated) kinds[i] = 'repeated-headline';
    else if (isHeadlineLike(line, i) && line.loose.length >= MIN_HEADLINE_CHARS) headlines.add(line.loose);
  }

  // The tail: after the last body paragraph, generic headings count ("Comments", «ذات صلة»).
  let lastBody = -1;
  lines.forEach((line, i) => {
    if (kinds[i] === undefined && isBodyLike(line)) lastBody = i;
  });
  for (let i = lastBody + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== undefined || line.words > 3) continue;
    if (COMMENTS_TAIL.has(line.loose)) kinds[i] = 'comments';
    else if (RELATED_TAIL.has(line.loose)) kinds[i] = 'related';
  }

  // The link titles under a related heading: all of them in the tail, one inside the article.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== 'related' || (relatedForm(line) !== 'heading' && !RELATED_TAIL.has(line.loose))) continue;
    const limit = i > lastBody ? Infinity : 1;
    let taken = 0;
    for (let k = i + 1; k < lines.length && taken < limit; k++) {
      const next = lines[k];
      if (next === undefined || kinds[k] !== undefined || !isLinkTitle(next)) break;
      kinds[k] = 'related';
      taken++;
    }
  }

  return kinds.map((kind) => (kind === undefined ? { boilerplate: false } : { boilerplate: true, kind }));
}
