/** Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069): layout instructions, not text. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;
/** Arabic presentation forms (contextual glyph codes some PDFs and old sites emit). */
const arabicPresentationForms = /[\uFB50-\uFDFF\uFE70-\uFEFE]+/g;

/** Text with its bidi embeddings, overrides and isolates taken out, and nothing else changed. */
export function stripBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

/**
 * Text as Targum stores it on import: Unicode NFC, line breaks as \n, no bidi control characters, and
 * Arabic presentation forms normalised to ordinary letters. Zero-width joiners, tatweel and the
 * left-to-right, right-to-left and Arabic letter marks stay (search ignores them; exports keep them).
 */
export function cleanImportedText(text: string): string {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(bidiControls, '')
    .replace(arabicPresentationForms, (forms) => forms.normalize('NFKC'))
    .normalize('NFC');
}

/** Text about a file taken from the file (a title, an outlet, a date, a note): one line, cleaned as the body is. */
export function cleanImportedLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must go
  return cleanImportedText(text).replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g, ' ').replace(/\s+/g, ' ').trim();
}
