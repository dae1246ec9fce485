import { describe, expect, it } from 'vitest';
import { safeFileName } from '../../../src/common/formats/file-name';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safeFileName', () => {
  it('keeps Hebrew and Arabic titles readable and adds the extension', () => {
    expect(safeFileName('דאעש מבקש לסגת מהשטחים', 'tmx')).toBe('דאעש מבקש לסגת מהשטחים.tmx');
    expect(safeFileName('انسحاب مسلحي داعش', '.docx')).toBe('انسحاب مسلحي داعش.docx');
  });

  it('replaces path separators and characters Windows refuses, and drops controls and direction marks', () => {
    expect(safeFileName('a/b\\c: "d" <e>|f?*', 'csv')).toBe("a - b - c - 'd' - e - f.csv");
    expect(safeFileName('דובר צה"ל: "הכוחות נסוגו"', 'tmx')).toBe("דובר צה״ל - 'הכוחות נסוגו'.tmx");
    expect(safeFileName('line\none\ttab\u0000\u200F\u202Bx\u202C', 'txt')).toBe('line one tabx.txt');
    expect(safeFileName('../../etc/passwd', 'txt')).toBe('etc - passwd.txt');
  });

  it('avoids names Windows reserves, hidden files, trailing dots and empty names', () => {
    expect(safeFileName('CON', 'txt')).toBe('_CON.txt');
    expect(safeFileName('lpt1', 'tmx')).toBe('_lpt1.tmx');
    expect(safeFileName('Console', 'txt')).toBe('Console.txt');
    expect(safeFileName('.hidden', 'txt')).toBe('hidden.txt');
    expect(safeFileName('title... ', 'txt')).toBe('title.txt');
    expect(safeFileName('', 'tmx')).toBe('targum-export.tmx');
    expect(safeFileName(' / ?* ', 'tmx')).toBe('targum-export.tmx');
  });

  it('stays within 200 bytes of UTF-8, cutting at a word and never between a letter and its marks', () => {
    const hebrew = safeFileName('מילה '.repeat(100), 'xlf');
    expect(utf8Bytes(hebrew)).toBeLessThanOrEqual(200);
    expect(hebrew).toMatch(/^(מילה )+מילה\.xlf$/);
    const voweled = safeFileName('בְּרֵאשִׁית'.repeat(40), 'tmx');
    expect(utf8Bytes(voweled)).toBeLessThanOrEqual(200);
    expect(voweled).not.toMatch(/\p{M}\.tmx$/u);
  });
});
