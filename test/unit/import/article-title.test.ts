import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../src/common/import/article-import';

describe('the title of an imported article', () => {
  it('is the headline the page repeats, not the video caption above it', () => {
    const page = [
      'תיעוד מחזרת המשפחות לקיבוץ',
      'המשפחות חוזרות הביתה אחרי שנה בגלות',
      'ט"ו בשבט התשפ"ו',
      'דובר צה"ל',
      'המשפחות חוזרות הביתה אחרי שנה בגלות',
      'עשרות משפחות חזרו היום לבתיהן בקיבוץ, לאחר יותר משנה שבה התגוררו במלונות ובדירות שכורות ברחבי הארץ.',
    ].join('\n\n');
    const article = buildArticle(page, 'he');
    expect(article.title).toBe('המשפחות חוזרות הביתה אחרי שנה בגלות');
    expect(article.paragraphs.map((p) => p.kind)).toEqual(['caption', undefined, 'date', 'credit', 'repeated-headline', undefined]);
  });

  it('is the first of two identical lines when a short line that is no caption stands above them', () => {
    const page = ['חדשות', 'הממשלה אישרה את התקציב החדש', 'הממשלה אישרה את התקציב החדש', 'הממשלה אישרה הלילה את תקציב המדינה לשנה הבאה, אחרי דיון ארוך.'].join('\n\n');
    const article = buildArticle(page, 'he');
    expect(article.title).toBe('הממשלה אישרה את התקציב החדש');
    expect(article.paragraphs[1]!.boilerplate).toBe(false);
    expect(article.paragraphs[2]!.kind).toBe('repeated-headline');
  });

  it('in Arabic, skips a caption and a credit before the headline', () => {
    const page = ['فيديو: لحظة وصول القافلة', 'رويترز', 'وصول أول قافلة مساعدات إلى المدينة منذ شهرين', 'وصلت أول قافلة مساعدات إلى المدينة اليوم بعد شهرين من الحصار، وفق ما أفادت الأمم المتحدة.'].join('\n\n');
    const article = buildArticle(page, 'ar');
    expect(article.title).toBe('وصول أول قافلة مساعدات إلى المدينة منذ شهرين');
    expect(article.outlet).toBeUndefined();
  });
});
