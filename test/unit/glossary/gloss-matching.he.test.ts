import { describe, expect, it } from 'vitest';
import { marked, marks, seed, seedLinesWith } from './support';

const he = (text: string, surfaces: readonly string[]) => marked(text, 'he', surfaces);

describe('Hebrew gloss matching (words from seed 000)', () => {
  it('a gloss on a bare word marks it with every prefix: צבא in לצבא, והצבא, בצבא', () => {
    const text = seedLinesWith('000', 'בקשה לצבא סוריה')[0]!;
    expect(marks(text, 'he', ['צבא'])).toEqual([{ text: 'לצבא', stem: 'צבא', kind: 'prefixed', glosses: ['צבא'] }]);
    expect(marks('והצבא נסוג, בצבא ובצבא, צבא', 'he', ['צבא'])).toEqual([
      { text: 'והצבא', stem: 'צבא', kind: 'prefixed', glosses: ['צבא'] },
      { text: 'בצבא', stem: 'צבא', kind: 'prefixed', glosses: ['צבא'] },
      { text: 'ובצבא', stem: 'צבא', kind: 'prefixed', glosses: ['צבא'] },
      { text: 'צבא', stem: 'צבא', kind: 'whole', glosses: ['צבא'] },
    ]);
  });

  it('marks every ארגון and הארגון of the article and nothing else', () => {
    const text = seed('000');
    const found = marks(text, 'he', ['ארגון']);
    const expected = text.match(/(?<!\p{L})ה?ארגון(?!\p{L})/gu)!;
    expect(found.map((mark) => mark.text)).toEqual(expected);
    expect(found.map((mark) => mark.kind)).toEqual(expected.map((word) => (word === 'ארגון' ? 'whole' : 'prefixed')));
  });

  it('strips prefix combinations: מה, כש, ו, ב, ל', () => {
    expect(marks(seedLinesWith('000', 'מההרים הסמוכים')[0]!, 'he', ['הרים']).map((mark) => [mark.text, mark.stem])).toEqual([['מההרים', 'הרים']]);
    expect(marks(seedLinesWith('000', 'כששני הצדדים')[0]!, 'he', ['שני'])).toMatchObject([{ text: 'כששני', stem: 'שני', kind: 'prefixed' }]);
    expect(he(seedLinesWith('000', 'הסורי וחיזבאללה ממזרח')[0]!, ['חיזבאללה'])).toEqual(['וחיזבאללה']);
    expect(he(seedLinesWith('000', 'ויועברו באוטובוסים')[0]!, ['סוריה'])).toEqual(['סוריה', 'בסוריה']);
    expect(he('הלוחמים יגיעו לטהראן ובירושלים', ['טהראן', 'ירושלים'])).toEqual(['לטהראן', 'ובירושלים']);
  });

  it('a gloss with the article matches where ב, ל or כ swallowed it: הצבא in לצבא', () => {
    expect(marks('בקשה לצבא סוריה', 'he', ['הצבא'])).toMatchObject([{ text: 'לצבא', stem: 'צבא', kind: 'prefixed', glosses: ['הצבא'] }]);
  });

  it('never leaves a stem under three letters: לך is not in מהלך or מלך', () => {
    const text = seedLinesWith('000', 'מהלך צבאי כזה')[0]!;
    expect(he(text, ['לך'])).toEqual([]);
    expect(he('מלך', ['לך'])).toEqual([]);
    expect(he('שבת', ['בת'])).toEqual([]);
  });

  it('strips only prefixes: בית is not in ביתר, צבא is not in צבאי, אנשי is not in אנשיו', () => {
    expect(he('ביתר', ['בית'])).toEqual([]);
    expect(he(seedLinesWith('000', 'מהלך צבאי כזה')[0]!, ['צבא'])).toEqual([]);
    expect(he(seedLinesWith('000', 'במחיר חיי אנשיו')[0]!, ['אנשי'])).toEqual([]);
  });

  it('כ ("as") alone needs a four-letter stem: כמוצב is כ + מוצב, but כמות is not כ + מות', () => {
    expect(he(seedLinesWith('000', 'למוצב קדמי')[0]!, ['מוצב'])).toEqual(['למוצב']);
    expect(he(seedLinesWith('000', 'כמוצב קדמי')[0]!, ['מוצב'])).toEqual(['כמוצב']);
    expect(he(seedLinesWith('000', 'וכמות רבה')[0]!, ['מות'])).toEqual([]);
    expect(he(seedLinesWith('000', 'וכמות רבה')[0]!, ['כמות'])).toEqual(['וכמות']);
  });

  it('the word as glossed wins over a stripped reading: ממעט is ממעט, not מ + מעט', () => {
    const text = seedLinesWith('000', 'ממעט לקיים')[0]!;
    expect(marks(text, 'he', ['מעט', 'ממעט'])).toMatchObject([{ text: 'ממעט', kind: 'whole', glosses: ['ממעט'] }]);
  });

  it('the least stripped reading wins: והצבא is ו + הצבא when both הצבא and צבא are glossed', () => {
    expect(marks('והצבא', 'he', ['צבא', 'הצבא'])).toMatchObject([{ stem: 'הצבא', glosses: ['הצבא'] }]);
  });

  it('a gloss on a prefixed form marks only that form', () => {
    expect(he('והצבא הצבא צבא', ['והצבא'])).toEqual(['והצבא']);
  });

  it('acronyms with gershayim are one word, however the gershayim are typed', () => {
    const line = seedLinesWith('000', 'הרמטכ"ל האיראני')[0]!;
    expect(marks(line, 'he', ['רמטכ״ל'])).toMatchObject([{ text: 'הרמטכ"ל', stem: 'רמטכ"ל', kind: 'prefixed' }]);
    expect(he('צה"ל, בצה״ל ולצה”ל', ['צה"ל'])).toEqual(['צה"ל', 'בצה״ל', 'ולצה”ל']);
    expect(he(seedLinesWith('000', 'הבינ"ל')[0]!, ['בינ"ל'])).toEqual(['הבינ"ל']);
    expect(he('צהל', ['צה"ל'])).toEqual([]);
  });

  it('a prefix glued to a quotation is read through the quote; a closing single quote is not part of the word', () => {
    expect(marks('כך דווח ב"הארץ" ול"ידיעות אחרונות"', 'he', ['הארץ', 'ידיעות אחרונות'])).toMatchObject([
      { text: 'ב"הארץ', stem: 'הארץ', kind: 'prefixed' },
      { text: 'ול"ידיעות אחרונות', stem: 'ידיעות אחרונות', kind: 'prefixed' },
    ]);
    expect(he("אמר 'מדינת ישראל'", ['מדינת ישראל'])).toEqual(['מדינת ישראל']);
    expect(he("השחקן מרקוביץ' הבקיע", ["מרקוביץ'"])).toEqual(["מרקוביץ'"]);
  });

  it('the longest phrase wins, and a phrase may carry a prefix on its first word', () => {
    const text = seedLinesWith('000', 'ומדינת ישראל לא תשלים')[0]!;
    expect(marks(text, 'he', ['ישראל', 'מדינת ישראל', 'מדינת'])).toMatchObject([
      { text: 'ומדינת ישראל', stem: 'מדינת ישראל', kind: 'prefixed', glosses: ['מדינת ישראל'] },
      { text: 'מדינת ישראל', kind: 'whole', glosses: ['מדינת ישראל'] },
    ]);
  });

  it('a phrase crosses spaces and hyphens but not punctuation', () => {
    expect(he(seedLinesWith('000', 'דיר א-זור')[0]!, ['דיר א-זור'])).toEqual(['דיר א-זור']);
    expect(he('הגיעו לדיר. א-זור', ['דיר א-זור'])).toEqual([]);
  });

  it('ignores niqqud and maps offsets back to the pointed text', () => {
    const text = 'שָׁלוֹם לַצָּבָא';
    expect(marks(text, 'he', ['שלום', 'צבא'])).toEqual([
      { text: 'שָׁלוֹם', stem: 'שָׁלוֹם', kind: 'whole', glosses: ['שלום'] },
      { text: 'לַצָּבָא', stem: 'צָּבָא', kind: 'prefixed', glosses: ['צבא'] },
    ]);
  });
});
