/**
 * Word documents and zip bombs built inside tests, so no binary fixture is committed: articles become .docx
 * files with the `docx` package (Word's own structure: styles, core properties, footnotes, tracked changes),
 * and bombs are real DEFLATE streams of zeros in a ZIP container written here.
 */
import { AlignmentType, Document, FootnoteReferenceRun, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { constants, deflateRawSync } from 'node:zlib';

export interface ArticleDocxOptions {
  /** A first paragraph in Word's Title style. */
  title?: string;
  /** The document's title property (docProps/core.xml). */
  coreTitle?: string;
  creator?: string;
  /** A footnote on the first paragraph, whose text must stay out of the article. */
  footnote?: string;
}

/** An article as Word would save it: one paragraph per line of `text`, right-to-left for Hebrew and Arabic. */
export async function articleDocx(text: string, options: ArticleDocxOptions = {}): Promise<Uint8Array> {
  const rtl = /[\u0590-\u06FF]/u.test(text);
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  const paragraphs = lines.map(
    (line, index) =>
      new Paragraph({
        bidirectional: rtl,
        alignment: rtl ? AlignmentType.RIGHT : AlignmentType.LEFT,
        children: [new TextRun({ text: line, rightToLeft: rtl }), ...(index === 0 && options.footnote ? [new FootnoteReferenceRun(1)] : [])],
      }),
  );
  const document = new Document({
    ...(options.coreTitle ? { title: options.coreTitle } : {}),
    creator: options.creator ?? 'Targum tests',
    ...(options.footnote ? { footnotes: { 1: { children: [new Paragraph(options.footnote)] } } } : {}),
    sections: [{ children: [...(options.title ? [new Paragraph({ text: options.title, heading: HeadingLevel.TITLE, bidirectional: rtl })] : []), ...paragraphs] }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A raw DEFLATE stream of `megabytes` MiB of zeros, about a thousandth of that in size, made in
 * milliseconds: one MiB compressed with a full flush (which resets the compressor, so the piece stands
 * alone) repeated, then the final empty block.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const piece = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return new Uint8Array(Buffer.concat([...Array.from({ length: megabytes }, () => piece), deflateRawSync(Buffer.alloc(0))]));
}

export interface RawZipEntry {
  name: string;
  /** The entry's data as stored: DEFLATE data for method 8, the bytes themselves for method 0. */
  data: Uint8Array;
  method: 0 | 8;
  /** The unpacked size the archive declares (which a bomb may lie about). */
  size: number;
  flags?: number;
}

/** A ZIP archive written field by field (CRCs left at zero: nothing here checks them). */
export function rawZip(entries: readonly RawZipEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = new TextEncoder().encode(entry.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, (entry.flags ?? 0) | 0x800, true);
    local.setUint16(8, entry.method, true);
    local.setUint32(18, entry.data.length, true);
    local.setUint32(22, entry.size, true);
    local.setUint16(26, name.length, true);
    parts.push(new Uint8Array(local.buffer), name, entry.data);
    const central = new DataView(new ArrayBuffer(46));
    central.setUint32(0, 0x02014b50, true);
    central.setUint16(4, 20, true);
    central.setUint16(6, 20, true);
    central.setUint16(8, (entry.flags ?? 0) | 0x800, true);
    central.setUint16(10, entry.method, true);
    central.setUint32(20, entry.data.length, true);
    central.setUint32(24, entry.size, true);
    central.setUint16(28, name.length, true);
    central.setUint32(42, offset, true);
    directory.push(new Uint8Array(central.buffer), name);
    offset += 30 + name.length + entry.data.length;
  }
  const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, directorySize, true);
  end.setUint32(16, offset, true);
  return new Uint8Array(Buffer.concat([...parts, ...directory, new Uint8Array(end.buffer)]));
}

/**
 * A .docx-shaped zip bomb: word/document.xml inflates to `megabytes` MiB of zeros. Declared honestly, its
 * sizes give it away before anything is inflated; with `declaredSize` it lies, and only counting while
 * inflating catches it.
 */
export function docxZipBomb(megabytes: number, declaredSize?: number): Uint8Array {
  const data = deflatedZeros(megabytes);
  return rawZip([
    { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), method: 0, size: 8 },
    { name: 'word/document.xml', data, method: 8, size: declaredSize ?? megabytes * 1024 * 1024 },
  ]);
}
