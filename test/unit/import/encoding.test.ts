import { describe, expect, it } from 'vitest';
import { decodeText, ImportTextError, supportedEncodings, type ImportTextErrorCode } from '../../../src/common/import/encoding';
import { encodeSingleByte } from '../../support/code-page';
import { sampleText as seed } from '../../support/reference-texts';

const hebrew = seed('000');
const arabicSeeds = { '001': seed('001'), '002': seed('002'), '003': seed('003'), '004': seed('004') };

// ---------------------------------------------------------------------------------------------
// Encoders, built from TextDecoder so that the test needs no binary fixtures

function encodeUtf16(text: string, littleEndian: boolean, bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < units.length; index += 1) view.setUint16(index * 2, units.charCodeAt(index), littleEndian);
  return bytes;
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const withUtf8Bom = (text: string): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);

/**
 * Characters some code pages cannot hold, and what the test puts in their place before encoding:
 * the expected text is the seed with these replacements. Nothing is skipped.
 */
const arabicIndicDigits = Object.fromEntries(Array.from('٠١٢٣٤٥٦٧٨٩', (digit, value) => [digit, String(value)]));
const substitutions: Record<string, Record<string, string>> = {
  'windows-1255': {},
  // ISO-8859-8 has no maqaf (־, used once in seed 000: "איראני־טורקי").
  'iso-8859-8': { '\u05BE': '-' },
  // Windows-1256 has no Arabic-Indic digits (seed 003's dateline).
  'windows-1256': arabicIndicDigits,
  // ISO-8859-6 has no guillemets, curly quotes, dashes, ellipsis or Arabic-Indic digits.
  'iso-8859-6': { '«': '"', '»': '"', '“': '"', '”': '"', '–': '-', '…': '...', ...arabicIndicDigits },
};

function fit(text: string, encoding: string): string {
  const replacements = substitutions[encoding] ?? {};
  return Array.from(text, (character) => replacements[character] ?? character).join('');
}

/** Visual order as legacy Hebrew files stored it: each line as displayed, left to right; numbers and Latin words keep their order, brackets their look. */
function toVisual(text: string): string {
  const reverse = (run: string): string => Array.from(run).reverse().join('');
  const mirror = (bracket: string): string => ({ '(': ')', ')': '(' })[bracket] ?? bracket;
  return text
    .split('\n')
    .map((line) => reverse(line).replace(/[0-9A-Za-z]+/g, reverse).replace(/[()]/g, mirror))
    .join('\n');
}

function failure(run: () => unknown): ImportTextError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportTextError) return error;
    throw error;
  }
  throw new Error('expected an ImportTextError');
}

function expectRefused(run: () => unknown, code: ImportTextErrorCode, message?: RegExp | string): ImportTextError {
  const error = failure(run);
  expect(error.code).toBe(code);
  if (typeof message === 'string') expect(error.message).toBe(message);
  else if (message) expect(error.message).toMatch(message);
  // One sentence, saying what happened and what to do.
  expect(error.message).toMatch(/^[A-Z].*\.$/);
  expect(error.message).not.toMatch(/[.!?] [A-Z]/);
  return error;
}

/** A small deterministic generator for "random" bytes. */
function randomBytes(length: number, seed: number): Uint8Array {
  let state = seed;
  return Uint8Array.from({ length }, () => {
    state = (state + 0x6d2b79f5) | 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed);
    return (mixed ^ (mixed >>> 14)) & 0xff;
  });
}

// ---------------------------------------------------------------------------------------------

describe('decodeText: Unicode', () => {
  it.each([['000', hebrew], ...Object.entries(arabicSeeds)])('reads seed %s as UTF-8', (_, text) => {
    expect(decodeText(utf8(text))).toEqual({ text, encoding: 'utf-8', bom: false });
  });

  it('reads UTF-8 with a byte-order mark and drops the mark', () => {
    expect(decodeText(withUtf8Bom(hebrew))).toEqual({ text: hebrew, encoding: 'utf-8', bom: true });
    expect(decodeText(withUtf8Bom(arabicSeeds['002']))).toEqual({ text: arabicSeeds['002'], encoding: 'utf-8', bom: true });
  });

  it('reads plain ASCII as UTF-8', () => {
    expect(decodeText(utf8('Plain text.\r\n'))).toEqual({ text: 'Plain text.\r\n', encoding: 'utf-8', bom: false });
  });

  describe.each([
    ['000', hebrew],
    ['002', arabicSeeds['002']],
    ['004', arabicSeeds['004']],
  ])('seed %s in UTF-16', (_, text) => {
    it.each([
      ['utf-16le', true, true],
      ['utf-16be', false, true],
      ['utf-16le', true, false],
      ['utf-16be', false, false],
    ] as const)('reads %s (byte-order mark: %s)', (encoding, littleEndian, bom) => {
      expect(decodeText(encodeUtf16(text, littleEndian, bom))).toEqual({ text, encoding, bom });
    });
  });

  it('reads mostly-ASCII UTF-16 without a byte-order mark', () => {
    const text = 'Targum reads UTF-16 too.\nשלום, سلام.\n';
    expect(decodeText(encodeUtf16(text, true, false))).toEqual({ text, encoding: 'utf-16le', bom: false });
    expect(decodeText(encodeUtf16(text, false, false))).toEqual({ text, encoding: 'utf-16be', bom: false });
  });

  it('refuses UTF-16 with a byte-order mark that is cut in half', () => {
    expectRefused(() => decodeText(encodeUtf16(hebrew, true, true).subarray(0, 101)), 'undecodable', /byte-order mark/);
  });

  it('refuses UTF-32', () => {
    expectRefused(() => decodeText(Uint8Array.of(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0)), 'unsupported-encoding', /UTF-32/);
  });
});

describe('decodeText: 8-bit code pages', () => {
  it('reads seed 000 in windows-1255, maqaf included', () => {
    expect(decodeText(encodeSingleByte(hebrew, 'windows-1255'))).toEqual({ text: hebrew, encoding: 'windows-1255', bom: false });
  });

  it('reads seed 000 in windows-1255 with CRLF line ends unchanged', () => {
    const text = hebrew.replace(/\n/g, '\r\n');
    expect(decodeText(encodeSingleByte(text, 'windows-1255'))).toEqual({ text, encoding: 'windows-1255', bom: false });
  });

  it('reads seed 000 in iso-8859-8, naming it windows-1255 because both decode those bytes alike', () => {
    const text = fit(hebrew, 'iso-8859-8');
    expect(text).not.toBe(hebrew);
    expect(decodeText(encodeSingleByte(text, 'iso-8859-8'))).toEqual({ text, encoding: 'windows-1255', bom: false });
  });

  it('names iso-8859-8 when the bytes use one windows-1255 leaves undefined', () => {
    const text = `${fit(hebrew, 'iso-8859-8')}\n‗‗‗‗‗‗‗‗`;
    expect(decodeText(encodeSingleByte(text, 'iso-8859-8'))).toEqual({ text, encoding: 'iso-8859-8', bom: false });
  });

  describe.each(Object.entries(arabicSeeds))('Arabic seed %s', (_, original) => {
    it.each(['windows-1256', 'iso-8859-6'] as const)('reads it in %s', (encoding) => {
      const text = fit(original, encoding);
      expect(decodeText(encodeSingleByte(text, encoding))).toEqual({ text, encoding, bom: false });
    });
  });

  it('reads seeds 002 and 004 in windows-1256 and seed 004 in iso-8859-6 with nothing replaced', () => {
    expect(fit(arabicSeeds['002'], 'windows-1256')).toBe(arabicSeeds['002']);
    expect(fit(arabicSeeds['004'], 'windows-1256')).toBe(arabicSeeds['004']);
    expect(fit(arabicSeeds['004'], 'iso-8859-6')).toBe(arabicSeeds['004']);
  });

  it('reads a single Hebrew and a single Arabic paragraph', () => {
    const hebrewLine = hebrew.split('\n')[0]!;
    const arabicLine = arabicSeeds['004'].split('\n')[0]!;
    expect(decodeText(encodeSingleByte(hebrewLine, 'windows-1255')).encoding).toBe('windows-1255');
    expect(decodeText(encodeSingleByte(arabicLine, 'windows-1256')).encoding).toBe('windows-1256');
    expect(decodeText(encodeSingleByte(arabicLine, 'iso-8859-6')).encoding).toBe('iso-8859-6');
  });

  it('reads vocalised text: niqqud in windows-1255, harakat in both Arabic code pages', () => {
    const pointed = 'בְּרֵאשִׁית בָּרָא אֱלֹהִים אֵת הַשָּׁמַיִם וְאֵת הָאָרֶץ';
    const voweled = 'الْحَمْدُ لِلَّهِ رَبِّ الْعَالَمِينَ';
    expect(decodeText(encodeSingleByte(pointed, 'windows-1255'))).toEqual({ text: pointed, encoding: 'windows-1255', bom: false });
    expect(decodeText(encodeSingleByte(voweled, 'windows-1256'))).toEqual({ text: voweled, encoding: 'windows-1256', bom: false });
    expect(decodeText(encodeSingleByte(voweled, 'iso-8859-6'))).toEqual({ text: voweled, encoding: 'iso-8859-6', bom: false });
  });
});

describe('decodeText: visual order', () => {
  const logical = fit(hebrew, 'iso-8859-8');
  const visual = toVisual(logical);

  it('builds the visual fixture the way such files look', () => {
    expect(visual.split('\n')[0]).toMatch(/^\.ירוסה לובגל .* \(ישימח\) םויה רסמ שעאד ןוגרא$/);
    expect(visual).toContain('500-כב');
  });

  it('reverses visual iso-8859-8 back to logical order', () => {
    expect(decodeText(encodeSingleByte(visual, 'iso-8859-8'))).toEqual({ text: logical, encoding: 'iso-8859-8', bom: false, reversedVisualOrder: true });
  });

  it('reverses visual order with CRLF line ends', () => {
    const bytes = encodeSingleByte(visual.replace(/\n/g, '\r\n'), 'iso-8859-8');
    expect(decodeText(bytes)).toEqual({ text: logical.replace(/\n/g, '\r\n'), encoding: 'iso-8859-8', bom: false, reversedVisualOrder: true });
  });

  it('reverses visual text that holds windows-1255-only characters and keeps that name', () => {
    const bytes = encodeSingleByte(toVisual(hebrew), 'windows-1255');
    expect(decodeText(bytes)).toEqual({ text: hebrew, encoding: 'windows-1255', bom: false, reversedVisualOrder: true });
  });

  it('reverses visual order when the encoding is given, unless it is ISO-8859-8-I (logical)', () => {
    const bytes = encodeSingleByte(visual, 'iso-8859-8');
    expect(decodeText(bytes, { encoding: 'ISO-8859-8' })).toEqual({ text: logical, encoding: 'iso-8859-8', bom: false, reversedVisualOrder: true });
    expect(decodeText(bytes, { encoding: 'iso-8859-8-i' })).toEqual({ text: visual, encoding: 'iso-8859-8', bom: false });
  });

  it('leaves logical text alone', () => {
    expect(decodeText(encodeSingleByte(logical, 'iso-8859-8')).reversedVisualOrder).toBeUndefined();
    expect(decodeText(encodeSingleByte('שלום', 'iso-8859-8')).text).toBe('שלום');
  });
});

describe('decodeText: refusals', () => {
  const binary = 'This file holds binary data, not text.';

  it('refuses a PNG', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89]);
    expectRefused(() => decodeText(png), 'binary', binary);
  });

  it('refuses random bytes, with or without NULs', () => {
    expectRefused(() => decodeText(randomBytes(4096, 1)), 'binary', binary);
    expectRefused(() => decodeText(randomBytes(4096, 2).map((byte) => byte || 1)), 'binary', binary);
  });

  it('refuses text with a NUL in it, even with an encoding given', () => {
    const bytes = Uint8Array.from([...encodeSingleByte('שלום עולם', 'windows-1255'), 0, 0x41]);
    expectRefused(() => decodeText(bytes), 'binary', binary);
    expectRefused(() => decodeText(bytes, { encoding: 'windows-1255' }), 'binary', binary);
  });

  it('refuses empty and blank files', () => {
    expectRefused(() => decodeText(new Uint8Array()), 'empty', /empty/);
    expectRefused(() => decodeText(utf8(' \n\t \r\n')), 'empty', /blank/);
    expectRefused(() => decodeText(withUtf8Bom('')), 'empty');
    expectRefused(() => decodeText(encodeUtf16('  \n', false, true)), 'empty');
  });

  it.each([
    ['Hebrew UTF-8 misread as windows-1252', hebrew, 'windows-1252'],
    ['Hebrew UTF-8 misread as windows-1255', hebrew, 'windows-1255'],
    ['Arabic UTF-8 misread as windows-1252', arabicSeeds['002'], 'windows-1252'],
    ['Arabic UTF-8 misread as windows-1256', arabicSeeds['004'], 'windows-1256'],
  ])('refuses double-encoded UTF-8: %s', (_, text, misreadAs) => {
    const garbled = new TextDecoder(misreadAs).decode(utf8(text));
    expect(garbled).toMatch(/×©×|׳©׳|Ø§Ù|ط§ظ/);
    expectRefused(() => decodeText(utf8(garbled)), 'undecodable', new RegExp(`misread as ${misreadAs}\\b.*choose the encoding`));
  });

  it('refuses the short examples "×©×œ×•×" and "Ø§Ù„"', () => {
    expectRefused(() => decodeText(utf8('×©×œ×•× ×¢×•×œ×')), 'undecodable');
    expectRefused(() => decodeText(utf8('Ø§Ù„Ø³Ù„Ø§Ù…')), 'undecodable');
  });

  it('refuses bytes that read as garbage in every code page', () => {
    const noise = randomBytes(2048, 3).map((byte) => 0x80 | byte);
    expectRefused(() => decodeText(noise), 'undecodable', /encoding could not be recognised.*choose its encoding/);
  });

  it('refuses C1 controls in an 8-bit file', () => {
    const bytes = encodeSingleByte(`${arabicSeeds['004']}`, 'iso-8859-6').map((byte, index) => (index % 40 === 0 ? 0x85 : byte));
    expectRefused(() => decodeText(bytes), 'undecodable');
  });
});

describe('decodeText: a given encoding', () => {
  const iso88598 = encodeSingleByte(fit(hebrew, 'iso-8859-8'), 'iso-8859-8');

  it('overrides detection, whatever the case and spelling of the name', () => {
    expect(decodeText(iso88598).encoding).toBe('windows-1255');
    expect(decodeText(iso88598, { encoding: 'ISO_8859-8' }).encoding).toBe('iso-8859-8');
    expect(decodeText(iso88598, { encoding: 'latin-hebrew' }).encoding).toBe('iso-8859-8');
    expect(decodeText(encodeSingleByte(hebrew, 'windows-1255'), { encoding: 'CP1255' })).toEqual({ text: hebrew, encoding: 'windows-1255', bom: false });
    const arabic = arabicSeeds['004'];
    expect(decodeText(encodeSingleByte(arabic, 'windows-1256'), { encoding: 'Windows-1256' }).text).toBe(arabic);
    expect(decodeText(encodeSingleByte(arabic, 'iso-8859-6'), { encoding: 'iso8859-6' }).text).toBe(arabic);
    expect(decodeText(utf8(arabic), { encoding: 'utf8' })).toEqual({ text: arabic, encoding: 'utf-8', bom: false });
    expect(decodeText(withUtf8Bom(arabic), { encoding: 'UTF-8' })).toEqual({ text: arabic, encoding: 'utf-8', bom: true });
  });

  it('reads UTF-16 the detector would not recognise', () => {
    // Mostly CJK: no NULs, no Hebrew or Arabic high bytes.
    const text = '翻訳の作業台です。שלום';
    expect(() => decodeText(encodeUtf16(text, false, false))).toThrow(ImportTextError);
    expect(decodeText(encodeUtf16(text, false, false), { encoding: 'UTF-16BE' })).toEqual({ text, encoding: 'utf-16be', bom: false });
    expect(decodeText(encodeUtf16(text, true, true), { encoding: 'utf-16' })).toEqual({ text, encoding: 'utf-16le', bom: true });
  });

  it('refuses bytes that are not valid in the encoding given', () => {
    expectRefused(() => decodeText(encodeSingleByte(hebrew, 'windows-1255'), { encoding: 'utf-8' }), 'undecodable', 'This file is not valid utf-8 text; choose another encoding, or leave it unset to have it detected.');
    expectRefused(() => decodeText(encodeSingleByte(arabicSeeds['004'], 'windows-1256'), { encoding: 'iso-8859-6' }), 'undecodable', /not valid iso-8859-6/);
    expectRefused(() => decodeText(utf8(hebrew), { encoding: 'windows-1255' }), 'undecodable', /is UTF-8 .*choose utf-8/);
  });

  it('refuses an unknown encoding name, even for an empty file', () => {
    const message = `Unknown encoding "klingon"; use one of ${supportedEncodings.join(', ')}.`;
    expect(message).toBe('Unknown encoding "klingon"; use one of utf-8, utf-16le, utf-16be, windows-1255, windows-1256, iso-8859-6, iso-8859-8.');
    expectRefused(() => decodeText(utf8('text'), { encoding: 'klingon' }), 'unsupported-encoding', message);
    expectRefused(() => decodeText(new Uint8Array(), { encoding: 'klingon' }), 'unsupported-encoding', message);
    expectRefused(() => decodeText(utf8('text'), { encoding: 'windows-1252' }), 'unsupported-encoding');
  });

  it('throws ImportTextError, an Error with a code', () => {
    const error = failure(() => decodeText(new Uint8Array()));
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('ImportTextError');
    expect(error.code).toBe('empty');
  });
});
