import { describe, expect, it } from 'vitest';
import { memoryKey } from '../../../src/common/text/memory-key';

const same = (language: 'he' | 'ar', a: string, b: string) => expect(memoryKey(language, a), `${a} ~ ${b}`).toBe(memoryKey(language, b));
const different = (language: 'he' | 'ar', a: string, b: string) => expect(memoryKey(language, a), `${a} ≁ ${b}`).not.toBe(memoryKey(language, b));

describe('memoryKey', () => {
  it('a sentence of the seeds appears again with other diacritics, tatweel, hamza seats and digits', () => {
    same('ar', 'وقال الجيش السوري في بيان له: إنه ينفذ الاتفاق لإنقاذ دماء الجنود.', 'وقال الجيشُ السوريُّ في بيانٍ له: انه ينفذ الاتفاق لانقاذ دماء الجنود.');
    same('ar', 'قرب فتح «ممر آمن» لعناصر «داعش»', 'قرب فتح «ممر آمن» لعناصر «داعـــش»');
    same('ar', 'الإثنين ٢٨/٨/٢٠١٧', 'الاثنين 28/8/2017');
    same('he', 'שַׂר הַבִּיטָּחוֹן אָמַר', 'שר הביטחון אמר');
  });

  it('quotation marks, gershayim, dashes, Arabic punctuation and white space do not matter', () => {
    same('ar', 'قالت مصادر «حزب الله» إن المفاوضات بدأت', 'قالت مصادر "حزب الله" إن  المفاوضات\u00A0بدأت');
    same('ar', 'مع حزب الله، والجيش السوري؟', 'مع حزب الله, والجيش السوري?');
    same('he', 'הרמטכ״ל האיראני – כבר ביקר', 'הרמטכ"ל האיראני - כבר ביקר');
    same('he', ' תיאום איראני־טורקי ', 'תיאום איראני-טורקי');
  });

  it('a final full stop or ellipsis does not matter, a final question or exclamation mark does', () => {
    same('he', 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש.', 'כוחות צבא לבנון מתקדמים בקרב נגד דאעש');
    same('ar', 'ما يقارب نحو 40 كيلومترا مع داعش...', 'ما يقارب نحو 40 كيلومترا مع داعش');
    different('he', 'טעינו?', 'טעינו');
    different('he', 'נתקן!', 'נתקן.');
  });

  it('keeps different sentences and languages apart', () => {
    different('ar', 'الجيش اللبناني يواصل عملياته', 'الجيش السوري يواصل عملياته');
    different('ar', 'سوريا', 'سورية');
    expect(memoryKey('he', 'ISIS')).not.toBe(memoryKey('ar', 'ISIS'));
    expect(memoryKey('he', 'שר הביטחון.')).toBe('he:שר הביטחון');
  });
});
