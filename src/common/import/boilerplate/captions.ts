/** Captions: a short line naming the photo or the video beside the story («תיעוד: …», «فيديو: …», «(صورة) …»). */
import { foldLine, type Line, phraseList, TERMINAL } from './lines';

/**
 * Words that open a caption: "footage", "watch", "video", "photo", "in pictures". Without a colon or a
 * bracket they are caption openers only on a short line with no sentence punctuation («תיעוד מחזרת
 * תושבים»); a sentence that opens with one («תיעוד השיחות מראה כי …») ends with a period and is news.
 */
const CAPTION_OPENERS = phraseList(
  'תיעוד', 'תיעודים', 'צפו', 'צפו בתיעוד', 'צפו בסרטון', 'צפו בוידאו', 'צפו בווידאו', 'וידאו', 'ווידאו', 'סרטון', 'בסרטון', 'בתיעוד', 'בתמונה', 'בתמונות',
  'תמונה', 'צילום', 'צילומים', 'גלריה', 'فيديو', 'بالفيديو', 'شاهد', 'شاهدوا', 'بالصور', 'صور', 'صورة', 'الصورة', 'في الصورة', 'لقطات', 'مشاهد', 'جاليري',
  'video', 'watch', 'photo', 'photos', 'pictured', 'in pictures', 'gallery', 'footage',
);
/** An opener in brackets or before a colon: «(صورة) …», «[וידאו] …», "Video: …". */
const MARKED_OPENER = new RegExp(`^(?:[(\\[]\\s*[^()\\[\\]]{1,20}\\s*[)\\]]|[^:\\uFF1A]{1,20}[:\\uFF1A])`, 'u');

const MAX_CAPTION_WORDS = 20;
const MAX_UNMARKED_CAPTION_WORDS = 8;

export function isCaption(line: Line): boolean {
  if (line.words < 2 || line.words > MAX_CAPTION_WORDS) return false;
  const opener = CAPTION_OPENERS.prefixOf(line.loose);
  if (opener === undefined) return false;
  const marked = MARKED_OPENER.exec(line.folded);
  if (marked !== null && CAPTION_OPENERS.has(foldLine(marked[0]).replace(/[^\p{L}\p{N}]+/gu, ' ').trim())) return true;
  return line.words <= MAX_UNMARKED_CAPTION_WORDS && !TERMINAL.test(line.raw) && !/[,\u060C;]/u.test(line.raw);
}
