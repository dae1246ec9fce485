import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildArticle } from '../../../src/common/import/article-import';
import { findOutlet, outletName } from '../../../src/common/import/outlet';
import type { TextLanguage } from '../../../src/common/text/language';
import { floresPath, sampleText as seed } from '../../support/reference-texts';

const paragraphs = (text: string): string[] => text.split('\n');

describe('findOutlet', () => {
  it('finds the outlets the seeds name, and none where they name none', () => {
    expect(findOutlet(paragraphs(seed('000')), 'he')).toBeUndefined();
    expect(findOutlet(paragraphs(seed('001')), 'ar')).toBeUndefined();
    // «الأردن العربي – أقدم عناصر تنظيم داعش…»: the dateline lead of the first body paragraph.
    expect(findOutlet(paragraphs(seed('002')), 'ar')).toBe('الأردن العربي');
    // «الحدث الثلاثاء ٢٢/مايو/٢٠١٨ ٠٣:١٨ ص»: the name before the date.
    expect(findOutlet(paragraphs(seed('003')), 'ar')).toBe('الحدث');
    expect(findOutlet(paragraphs(seed('004')), 'ar')).toBeUndefined();
    expect(buildArticle(seed('002')).outlet).toBe('الأردن العربي');
  });

  it.each<[string, TextLanguage, string]>([
    ['المصدر: الجزيرة', 'ar', 'الجزيرة'],
    ['(الجزيرة نت)', 'ar', 'الجزيرة'],
    ['نقلاً عن صحيفة الحياة', 'ar', 'الحياة'],
    ['© 2017 القدس العربي', 'ar', 'القدس العربي'],
    ['جميع الحقوق محفوظة لـ العربي الجديد', 'ar', 'العربي الجديد'],
    ['BBC Arabic', 'ar', 'بي بي سي عربي'],
    ['سكاي نيوز عربية', 'ar', 'سكاي نيوز عربية'],
    ['RT Arabic', 'ar', 'روسيا اليوم'],
    ['מקור: הארץ', 'he', 'הארץ'],
    ['ynet', 'he', 'ynet'],
    ['(ידיעות אחרונות)', 'he', 'ידיעות אחרונות'],
    ['Haaretz', 'en', 'Haaretz'],
    ['Source: Asharq Al-Awsat', 'en', 'Asharq Al-Awsat'],
    ['Source: Al Jazeera', 'he', "אל-ג'זירה"],
    ['i24NEWS', 'he', 'i24NEWS'],
    ['צילום: i24NEWS', 'he', 'i24NEWS'],
    ['המקור: i24NEWS', 'he', 'i24NEWS'],
    ['מקור: מעריב', 'he', 'מעריב'],
    ['(וואלה! חדשות)', 'he', 'וואלה'],
    ['באדיבות כאן חדשות', 'he', 'כאן'],
    ['מקור: ישראל היום', 'he', 'ישראל היום'],
    ['The Times of Israel', 'en', 'The Times of Israel'],
    ['טיימס אוף ישראל', 'he', 'טיימס אוף ישראל'],
    ['المصدر: العربية نت', 'ar', 'العربية'],
    ['المصدر: الشرق الأوسط', 'ar', 'الشرق الأوسط'],
    ['(القدس العربي)', 'ar', 'القدس العربي'],
    ['المصدر: دويتشه فيله', 'ar', 'دويتشه فيله'],
    ['DW عربية', 'ar', 'دويتشه فيله'],
    ['بي بي سي عربي', 'ar', 'بي بي سي عربي'],
    ['المصدر: فرانس 24', 'ar', 'فرانس 24'],
    ['France 24', 'ar', 'فرانس 24'],
    ['المصدر: سكاي نيوز عربية', 'ar', 'سكاي نيوز عربية'],
    ['وكالة الأناضول', 'ar', 'الأناضول'],
    ['Anadolu Agency', 'en', 'Anadolu Agency'],
  ])('takes the credit line «%s» at the end of an article (%s) as %s', (credit, language, outlet) => {
    const body = ['A first paragraph of the story, long enough to be one.', 'A second paragraph, also part of the story itself.', 'The last sentence of the story.'];
    expect(findOutlet([...body, credit], language)).toBe(outlet);
    expect(findOutlet([credit, ...body], language)).toBe(outlet);
  });

  it.each([
    ['an agency dateline', 'موسكو - دمشق - وكالات'],
    ['a place dateline', 'بيروت – أعلن الجيش اللبناني اليوم عن بدء المعركة.'],
    ['a common word alone: "the Middle East"', 'الشرق الأوسط'],
    ['a common word alone: "Arabic"', 'العربية'],
    ['a common word alone: "the land"', 'הארץ'],
    ['a common word alone: "the news"', 'الأخبار'],
    ['a body sentence naming a newspaper', 'وقالت صحيفة الحياة اللندنية إن المفاوضات تعثرت.'],
    ['a body sentence starting with an outlet name', 'الجزيرة العربية شهدت موجة حر غير مسبوقة هذا الأسبوع.'],
    ['a date line with no outlet', 'الإثنين 28/8/2017 م …'],
  ])('finds nothing in %s', (_, line) => {
    expect(findOutlet([line, 'قال مصدر عسكري إن القوات تقدمت في المنطقة.', line], 'ar')).toBeUndefined();
  });

  it('finds nothing in FLORES sentences, alone or as the edges of an article', () => {
    for (const language of ['ar', 'he', 'en'] as const) {
      const lines = readFileSync(floresPath(language), 'utf8').split('\n').filter(Boolean);
      const found = lines.flatMap((line, index) => [findOutlet([line], language), findOutlet(lines.slice(index, index + 7), language)]).filter(Boolean);
      expect(found, language).toEqual([]);
    }
  });
});

describe('outletName', () => {
  it("names a known site in the article's language and keeps any other name as given", () => {
    expect(outletName('Al Jazeera', 'ar')).toBe('الجزيرة');
    expect(outletName('العربية.نت', 'ar')).toBe('العربية');
    expect(outletName('Haaretz.com', 'he')).toBe('הארץ');
    expect(outletName('  الأردن   العربي ', 'ar')).toBe('الأردن العربي');
    expect(outletName('Enab Baladi', 'ar')).toBe('Enab Baladi');
  });
});
