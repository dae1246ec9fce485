/** Each character a single-byte code page holds, with its byte (found by decoding all 256 bytes). */
function codePage(encoding: string): Map<string, number> {
  const decoder = new TextDecoder(encoding);
  const bytes = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) {
    const character = decoder.decode(Uint8Array.of(byte));
    if (character !== '\uFFFD' && !bytes.has(character)) bytes.set(character, byte);
  }
  return bytes;
}

/** A text in a single-byte code page, so tests need no binary fixtures; a character it lacks is an error. */
export function encodeSingleByte(text: string, encoding: string): Uint8Array {
  const bytes = codePage(encoding);
  return Uint8Array.from(Array.from(text), (character) => {
    const byte = bytes.get(character);
    if (byte === undefined) throw new Error(`${encoding} has no U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    return byte;
  });
}
