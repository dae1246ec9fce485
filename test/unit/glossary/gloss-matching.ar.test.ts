import { describe, expect, it } from 'vitest';
import { marked, marks, seed, seedLinesWith } from './support';

const ar = (text: string, surfaces: readonly string[]) => marked(text, 'ar', surfaces);

describe('Arabic gloss matching (words from seeds 001–004)', () => {
  it('a gloss on a bare word marks it after the article, conjunctions and prepositions: جيش in الجيش, والجيش, للجيش', () => {
    const text = seed('002');
    const found = marks(text, 'ar', ['جيش']);
    expect(found).toHaveLength(text.match(/جيش/g)!.length);
    expect(new Set(found.map((mark) => mark.text))).toEqual(new Set(['الجيش', 'والجيش', 'للجيش']));
    expect(found.every((mark) => mark.kind === 'prefixed' && mark.stem === 'جيش')).toBe(true);
  });

  it('a gloss with the article matches after و, ب, ف and in لل where the alef is dropped', () => {
    expect(marks('والجيش للجيش بالجيش فالجيش وللجيش', 'ar', ['الجيش']).map((mark) => [mark.text, mark.stem])).toEqual([
      ['والجيش', 'الجيش'],
      ['للجيش', 'لجيش'],
      ['بالجيش', 'الجيش'],
      ['فالجيش', 'الجيش'],
      ['وللجيش', 'لجيش'],
    ]);
    expect(ar(seedLinesWith('002', 'بالقلمون الغربي')[0]!, ['القلمون'])).toContain('بالقلمون');
    expect(ar(seedLinesWith('004', 'والبوكمال')[0]!, ['البوكمال'])).toContain('والبوكمال');
  });

  it('a prefix on an indefinite word: بشكل is ب + شكل, وحزب is و + حزب', () => {
    expect(marks(seedLinesWith('001', 'بشكل')[0]!, 'ar', ['شكل'])).toMatchObject([{ text: 'بشكل', stem: 'شكل', kind: 'prefixed' }]);
    expect(ar('وحزب الله', ['حزب'])).toEqual(['وحزب']);
  });

  it('never leaves a stem under three letters: الله is not ال + له, بلد not ب + لد, بين not ب + ين', () => {
    expect(ar(seedLinesWith('001', 'حزب الله')[0]!, ['له'])).toEqual([]);
    expect(ar('بلد', ['لد'])).toEqual([]);
    expect(ar(seedLinesWith('001', 'بين الطرفين')[0]!, ['ين'])).toEqual([]);
  });

  it('ك ("as") alone needs a four-letter stem: كلاجئين is ك + لاجئين, but كامل is not ك + أمل, كبير not ك + بير, كتاب not ك + تاب', () => {
    expect(marks(seedLinesWith('004', 'كلاجئين')[0]!, 'ar', ['لاجئين'])).toMatchObject([{ text: 'كلاجئين', stem: 'لاجئين', kind: 'prefixed' }]);
    expect(ar(seedLinesWith('002', 'كامل جرود')[0]!, ['أمل'])).toEqual([]);
    expect(ar(seedLinesWith('001', 'كبير جدا')[0]!, ['بير'])).toEqual([]);
    expect(ar(seedLinesWith('001', 'وكانت')[0]!, ['أنت'])).toEqual([]);
    expect(ar('كتاب', ['تاب'])).toEqual([]);
    expect(ar('كالجيش', ['جيش'])).toEqual(['كالجيش']);
  });

  it('the word as glossed wins over a stripped reading: لبنان is لبنان, not ل + بنان', () => {
    expect(marks(seedLinesWith('001', 'مع لبنان')[0]!, 'ar', ['بنان', 'لبنان'])).toMatchObject([{ text: 'لبنان', kind: 'whole', glosses: ['لبنان'] }]);
  });

  it('pronoun suffixes are not stripped: عناصر is not in عناصره', () => {
    const text = seedLinesWith('001', 'ضد عناصره')[0]!;
    expect(ar(text, ['عناصر'])).not.toContain('عناصره');
    expect(ar(text, ['عناصره'])).toEqual(['عناصره']);
  });

  it('phrases: the longest wins, quotes around them and a separated لـ do not matter', () => {
    const text = seedLinesWith('001', 'لـ«حزب الله»')[0]!;
    const found = marks(text, 'ar', ['حزب', 'حزب الله', 'الله']);
    expect(found.filter((mark) => mark.glosses[0] === 'حزب الله').map((mark) => mark.text)).toEqual(text.match(/حزب الله/g));
    expect(found.filter((mark) => mark.glosses[0] !== 'حزب الله').map((mark) => mark.text)).toEqual(text.match(/(?<!حزب )الله/g));
    expect(ar(seedLinesWith('002', 'مدينة البوكمال في محافظة دير الزور')[0]!, ['دير', 'دير الزور'])).toEqual(['دير الزور']);
  });

  it('alef and hamza forms, ta marbuta, alef maqsura, harakat and tatweel do not matter; offsets are the text as written', () => {
    expect(ar(seedLinesWith('001', '«الشرق الأوسط»')[0]!, ['الشرق الاوسط'])).toContain('الشرق الأوسط');
    expect(marks('دَاعِش وداعـــش', 'ar', ['داعش'])).toEqual([
      { text: 'دَاعِش', stem: 'دَاعِش', kind: 'whole', glosses: ['داعش'] },
      { text: 'وداعـــش', stem: 'داعـــش', kind: 'prefixed', glosses: ['داعش'] },
    ]);
    expect(marks('بِالجَيْشِ', 'ar', ['جيش'])).toEqual([{ text: 'بِالجَيْشِ', stem: 'جَيْشِ', kind: 'prefixed', glosses: ['جيش'] }]);
    expect(ar('المنطقة إلى', ['منطقه', 'الي'])).toEqual(['المنطقة', 'إلى']);
  });

  it('glosses of one language do not mark text of another, and every gloss of a key is returned', () => {
    expect(marked('צבא', 'he', [])).toEqual([]);
    expect(marks('داعش', 'ar', ['داعش', 'دَاعِش'])).toMatchObject([{ glosses: ['داعش', 'دَاعِش'] }]);
  });
});
