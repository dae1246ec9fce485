/**
 * Reading single entries of a ZIP archive (a .docx) without trusting it. The central directory gives each
 * entry's declared sizes; an archive that declares more than `maxRatio` times its own size, or an entry
 * declaring more than `maxRatio` times its compressed size, is refused before anything is inflated (the
 * ratio Apache POI uses against zip bombs; small entries are exempt). An entry is then inflated with fflate
 * in small steps, counting what comes out, and stopped as soon as it passes its declared size or the
 * absolute cap, so an archive that lies about its sizes costs at most a few megabytes before it is refused.
 */
import { Inflate, strFromU8 } from 'fflate';

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest unpacked size over packed size, for the archive and for each entry over `graceBytes`. */
  maxRatio: number;
  /** Unpacked sizes below this are not held to the ratio. */
  graceBytes: number;
  /** Largest unpacked size of one entry that is read. */
  maxEntryBytes: number;
}

// 32 MB of WordprocessingML is a book of thousands of pages; reading more would take about a gigabyte.
export const defaultZipLimits: ZipLimits = { maxRatio: 100, graceBytes: 1024 * 1024, maxEntryBytes: 32 * 1024 * 1024 };

export type ZipErrorCode = 'not-zip' | 'damaged' | 'encrypted' | 'unsupported' | 'bomb' | 'too-large';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    message: string,
    /** For a 'bomb' that declares its sizes, or an entry 'too-large' to read: the unpacked size declared and the packed size it comes from. */
    readonly sizes?: { unpacked: number; packed: number },
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

const u16 = (bytes: Uint8Array, at: number): number => bytes[at]! | (bytes[at + 1]! << 8);
const u32 = (bytes: Uint8Array, at: number): number => (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;

const endOfDirectory = 0x06054b50;
const directoryEntry = 0x02014b50;
const localHeader = 0x04034b50;

/** The entries the archive's central directory lists, after checking that their declared sizes are in proportion. */
export function readZipDirectory(bytes: Uint8Array, limits: ZipLimits = defaultZipLimits): ZipEntry[] {
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(bytes, at) === endOfDirectory) {
      end = at;
      break;
    }
  }
  if (end < 0) {
    const localStart = bytes.length >= 4 && u32(bytes, 0) === localHeader;
    throw new ZipError(localStart ? 'damaged' : 'not-zip', localStart ? 'the ZIP archive is cut short' : 'not a ZIP archive');
  }
  const count = u16(bytes, end + 10);
  const directorySize = u32(bytes, end + 12);
  const directoryOffset = u32(bytes, end + 16);
  if (count === 0xffff || directoryOffset === 0xffffffff) throw new ZipError('unsupported', 'ZIP64 archives are not read');
  if (directoryOffset + directorySize > end) throw new ZipError('damaged', 'the central directory lies outside the archive');

  const entries: ZipEntry[] = [];
  let declared = 0;
  for (let at = directoryOffset, index = 0; index < count; index++) {
    if (at + 46 > end || u32(bytes, at) !== directoryEntry) throw new ZipError('damaged', 'the central directory is broken');
    const flags = u16(bytes, at + 8);
    const nameLength = u16(bytes, at + 28);
    const next = at + 46 + nameLength + u16(bytes, at + 30) + u16(bytes, at + 32);
    if (next > end) throw new ZipError('damaged', 'the central directory is broken');
    const entry: ZipEntry = {
      name: strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) === 0),
      method: u16(bytes, at + 10),
      flags,
      compressedSize: u32(bytes, at + 20),
      size: u32(bytes, at + 24),
      localHeaderOffset: u32(bytes, at + 42),
    };
    if (entry.size > limits.graceBytes && entry.size > limits.maxRatio * Math.max(1, entry.compressedSize)) {
      throw new ZipError('bomb', `${entry.name} declares ${entry.size} bytes from ${entry.compressedSize}`, { unpacked: entry.size, packed: entry.compressedSize });
    }
    declared += entry.size;
    entries.push(entry);
    at = next;
  }
  if (declared > limits.graceBytes && declared > limits.maxRatio * bytes.length) {
    throw new ZipError('bomb', `the archive declares ${declared} bytes in ${bytes.length}`, { unpacked: declared, packed: bytes.length });
  }
  return entries;
}

/** Bytes fed to the inflater at a time: at most about a thousand times this comes out of one step. */
const inflateStep = 4 * 1024;

/** One entry's contents, inflated under its declared size and the absolute cap. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, limits: ZipLimits = defaultZipLimits): Uint8Array {
  if (entry.flags & 1) throw new ZipError('encrypted', `${entry.name} is encrypted`);
  if (entry.size > limits.maxEntryBytes) {
    throw new ZipError('too-large', `${entry.name} declares ${entry.size} bytes`, { unpacked: entry.size, packed: entry.compressedSize });
  }
  const header = entry.localHeaderOffset;
  if (header + 30 > bytes.length || u32(bytes, header) !== localHeader) throw new ZipError('damaged', `${entry.name} has no local header`);
  const start = header + 30 + u16(bytes, header + 26) + u16(bytes, header + 28);
  if (start + entry.compressedSize > bytes.length) throw new ZipError('damaged', `${entry.name} is cut short`);
  const packed = bytes.subarray(start, start + entry.compressedSize);

  if (entry.method === 0) {
    if (entry.size !== entry.compressedSize) throw new ZipError('damaged', `${entry.name} has inconsistent sizes`);
    return packed.slice();
  }
  if (entry.method !== 8) throw new ZipError('unsupported', `${entry.name} uses compression method ${entry.method}`);

  const output = new Uint8Array(entry.size);
  let written = 0;
  let fed = 0;
  const inflater = new Inflate((chunk) => {
    if (written + chunk.length > entry.size) {
      // More than declared: a lying archive. Stop here, before the rest is inflated.
      throw new ZipError('bomb', `${entry.name} holds more than the ${entry.size} bytes it declares`);
    }
    output.set(chunk, written);
    written += chunk.length;
  });
  try {
    do {
      const step = packed.subarray(fed, fed + inflateStep);
      fed += step.length;
      inflater.push(step, fed >= packed.length);
    } while (fed < packed.length);
  } catch (error) {
    if (error instanceof ZipError) throw error;
    throw new ZipError('damaged', `${entry.name} cannot be inflated`);
  }
  if (written !== entry.size) throw new ZipError('damaged', `${entry.name} holds ${written} of the ${entry.size} bytes it declares`);
  return output;
}
