import { describe, expect, it } from 'vitest';
import { glossKey, glossKeyStems } from '../../../src/common/glossary/gloss-key';

describe('glossKey', () => {
  it('folds the selection: harakat, tatweel, hamza seats, ta marbuta and niqqud do not change the key', () => {
    expect(glossKey('الإرهابيُّ', 'ar')).toBe(glossKey('الارهابي', 'ar'));
    expect(glossKey('داعـــش', 'ar')).toBe('داعش');
    expect(glossKey('المنطقة', 'ar')).toBe(glossKey('المنطقه', 'ar'));
    expect(glossKey('שָׁלוֹם', 'he')).toBe('שלום');
  });

  it('keeps the word as selected, prefix and all', () => {
    expect(glossKey('והצבא', 'he')).toBe('והצבא');
    expect(glossKey('للجيش', 'ar')).toBe('للجيش');
  });

  it('drops punctuation around and between the words of a phrase and keeps one space between them', () => {
    expect(glossKey('«حزبُ  اللهِ»', 'ar')).toBe('حزب الله');
    expect(glossKey(' דיר א-זור, ', 'he')).toBe('דיר א זור');
    expect(glossKey('\u200Fמדינת\u00A0ישראל\u200F', 'he')).toBe('מדינת ישראל');
  });

  it('keeps Hebrew acronyms whole and reads every way of typing the gershayim alike', () => {
    expect(glossKey('צה״ל', 'he')).toBe('צה"ל');
    expect(glossKey('צה”ל', 'he')).toBe('צה"ל');
    expect(glossKey('"צה"ל"', 'he')).toBe('צה"ל');
    expect(glossKey('פרופ׳', 'he')).toBe("פרופ'");
    expect(glossKey("ג'ורג'", 'he')).toBe("ג'ורג'");
    expect(glossKey("'שלום'", 'he')).toBe('שלום');
  });

  it('is empty when nothing but punctuation is selected', () => {
    expect(glossKey(' «» ', 'ar')).toBe('');
  });
});

describe('glossKeyStems', () => {
  it('offers the stripped forms of a prefixed selection, least stripped first', () => {
    expect(glossKeyStems('והצבא', 'he')).toEqual(['הצבא', 'צבא']);
    expect(glossKeyStems('للجيش', 'ar')).toEqual(['الجيش', 'لجيش', 'جيش']);
    expect(glossKeyStems('والبوكمال', 'ar')).toEqual(['البوكمال', 'بوكمال']);
  });

  it('offers nothing for a bare word, a too short remainder or a phrase', () => {
    expect(glossKeyStems('צבא', 'he')).toEqual([]);
    expect(glossKeyStems('מלך', 'he')).toEqual([]);
    expect(glossKeyStems('بلد', 'ar')).toEqual([]);
    expect(glossKeyStems('وحزب الله', 'ar')).toEqual([]);
  });
});
