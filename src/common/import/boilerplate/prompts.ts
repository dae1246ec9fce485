/** The site's prompts and link lists around a story: "found a mistake?", related links, comments, ads, subscriptions, share bars. */
import { ENDS_WITH_PERIOD, type Line, phraseList, phraseSet, splitHead } from './lines';

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

export function isMistakeReport(line: Line): boolean {
  if (line.words > 25) return false;
  if (MISTAKE.startsLine(line.loose)) return true;
  const lead = MISTAKE_LEADS.prefixOf(line.loose);
  return lead !== undefined && MISTAKE.startsLine(line.loose.slice(lead.length + 1));
}

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
export const RELATED_TAIL = phraseSet('ذات صلة', 'المزيد', 'متعلقات', 'related', 'recommended', 'trending', 'more', 'מומלצים', 'עוד', 'קשור');

/** 'heading': a heading line (what follows may be its links); 'link': "Read also: <title>". */
export function relatedForm(line: Line): 'heading' | 'link' | undefined {
  if (line.words <= 8 && RELATED.startsLine(line.loose)) return 'heading';
  if (line.words <= 30) {
    const split = splitHead(line);
    if (split !== undefined && split.rest !== '' && RELATED.has(split.head)) return 'link';
  }
  return undefined;
}

/** A short line that can be the title of a linked article: no final period, at most twenty words. */
export const isLinkTitle = (line: Line): boolean => line.words >= 1 && line.words <= 20 && !ENDS_WITH_PERIOD.test(line.raw);

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
export const COMMENTS_TAIL = phraseSet('تعليقات', 'التعليقات', 'تعليق', 'comments', 'comment', 'תגובות', 'תגובה');

export const isComments = (line: Line): boolean => line.words <= 12 && (COMMENTS.startsLine(line.loose) || COMMENT_COUNT.test(line.loose));

// Advertisements

const AD = phraseSet(
  'ad', 'ads', 'advert', 'advertisement', 'advertisements', 'advertising', 'sponsored', 'sponsored content', 'paid content', 'paid post', 'promoted',
  'promoted content', 'partner content', 'advertisement continue reading below', 'advertisement scroll to continue',
  'advertisement scroll to continue reading', 'story continues below advertisement', 'article continues below advertisement',
  'continue reading below', 'continue reading the main story', 'scroll to continue with content', 'إعلان', 'الإعلان', 'إعلانات', 'مساحة إعلانية',
  'إعلان ممول', 'إعلان مدفوع', 'محتوى ممول', 'محتوى مدفوع', 'محتوى إعلاني', 'برعاية', 'פרסומת', 'פרסומות', 'תוכן שיווקי', 'תוכן ממומן', 'ממומן',
  'שיתוף פעולה מסחרי', 'הכתבה נמשכת אחרי הפרסומת', 'הכתבה ממשיכה אחרי הפרסומת',
);

export const isAd = (line: Line): boolean => line.words <= 8 && AD.has(line.loose);

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

export const isSubscribe = (line: Line): boolean =>
  line.words <= 30 && (SUBSCRIBE_LINE.has(line.loose) || SUBSCRIBE_START.startsLine(line.loose) || SUBSCRIBE_MARKERS.within(line.loose));

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

export function isShare(line: Line): boolean {
  if (line.words > 8 || ENDS_WITH_PERIOD.test(line.raw)) return false;
  if (SHARE_LINE.has(line.loose) || SHARE_START.startsLine(line.loose)) return true;
  const words = line.loose.split(' ');
  return words.some((w) => SOCIAL_NETWORKS.has(w)) && words.every((w) => SOCIAL_NETWORKS.has(w) || SOCIAL_BUTTONS.has(w));
}
