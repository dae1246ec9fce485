import { describe, expect, it } from 'vitest';
import { foldText } from '../../../src/common/text/fold';

const same = (a: string, b: string) => expect(foldText(a), `${a} ~ ${b}`).toBe(foldText(b));
const different = (a: string, b: string) => expect(foldText(a), `${a} ≁ ${b}`).not.toBe(foldText(b));

describe('foldText', () => {
  it('ignores Arabic diacritics, shadda and tatweel (words from the seeds)', () => {
    same('سريّ', 'سري');
    same('دَاعِش', 'داعش');
    same('داعـــش', 'داعش');
    same('القَلَمُون', 'القلمون');
  });

  it('unifies alef and hamza seats, alef maqsura and ta marbuta', () => {
    same('الإرهابي', 'الارهابي');
    same('أكدت', 'اكدت');
    same('آليات', 'اليات');
    same('إلى', 'الي');
    same('المنطقة', 'المنطقه');
    same('مسؤول', 'مسوول');
  });

  it('ignores Hebrew niqqud and cantillation, keeps the letters and the geresh', () => {
    same('שָׁלוֹם', 'שלום');
    same('חִיזְבָּאלְלָה', 'חיזבאללה');
    different('צה"ל', 'צהל');
  });

  it('reads Eastern Arabic digits as Western, drops direction marks, lower-cases Latin', () => {
    same('٢٢/مايو/٢٠١٨', '22/مايو/2018');
    same('\u200Fداعش\u200E', 'داعش');
    same('ISIS', 'isis');
  });

  it('keeps different words different', () => {
    different('داعش', 'داعم');
    different('سوريا', 'سورية');
    different('לבנון', 'לבנה');
  });

  it('with compatibility folding, reads presentation forms, full-width letters, soft hyphens and Arabic separators as plain text', () => {
    const loose = (text: string) => foldText(text, { compatibility: true });
    expect(loose('ﻻ ﺗﻌﻠﻴﻘﺎﺕ')).toBe(loose('لا تعليقات'));
    expect(loose('ＡＤ')).toBe('ad');
    expect(loose('adver\u00ADtisement\uFEFF')).toBe('advertisement');
    expect(loose('٣٫٥')).toBe('3.5');
    expect(loose('בית־ספר')).toBe('בית-ספר');
    // The default keeps one folded unit per character, as search snippets need.
    expect(foldText('ﻻ')).toBe('ﻻ');
    expect(foldText('ＡＤ')).toBe('ａｄ');
  });
});
