const reservedOnWindows = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
const maxBytes = 200;

/** UTF-8 length of one code point. */
const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * A file name made from an article's title that every desktop system accepts: no path separators, reserved
 * characters (double quotes become single ones, or gershayim inside a Hebrew word), controls or direction marks; no trailing dot or space; not a name Windows reserves; at most
 * 200 bytes of UTF-8, cut at a word where possible. Hebrew and Arabic letters stay.
 */
export function safeFileName(title: string, extension: string): string {
  const suffix = extension === '' || extension.startsWith('.') ? extension : `.${extension}`;
  let base = title
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    // eslint-disable-next-line no-control-regex -- control characters are what is removed
    .replace(/[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/g, '')
    .replace(/(?<=[\u05D0-\u05EA])"(?=[\u05D0-\u05EA])/g, '\u05F4')
    .replace(/"/g, "'")
    .replace(/(?:\s*[/\\:*?<>|])+\s*/g, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '');
  base = truncate(base, maxBytes - suffix.length).replace(/[\s.-]+$/g, '');
  if (base === '') base = 'targum-export';
  if (reservedOnWindows.test(base.split('.')[0]!.trim())) base = `_${base}`;
  return `${base}${suffix}`;
}

function truncate(text: string, limit: number): string {
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    bytes += utf8Length(character.codePointAt(0)!);
    if (bytes > limit) break;
    end += character.length;
  }
  if (end === text.length) return text;
  const cut = text.slice(0, end);
  const space = cut.lastIndexOf(' ');
  // A combining mark (niqqud, harakat) must not lose its letter: end at a word when one is near, else drop trailing marks.
  return space > end / 2 ? cut.slice(0, space) : cut.replace(/\p{M}+$/u, '');
}
