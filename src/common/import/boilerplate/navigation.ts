/** Breadcrumbs, tag lists and menu lines. */
import { type Line, looseText, phraseSet, TERMINAL } from './lines';

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

export function isNavigation(line: Line): boolean {
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
