/**
 * The hostile cases too large to commit, written into a folder at test time (their expectations are in
 * test/fixtures/hostile/cases.json with the rest, under names starting with "large-").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { docxZipBomb, rawZip } from './docx-fixtures';

const paragraph = 'The council met on Thursday and agreed the new budget for the schools of the town. ';

/**
 * A Word document whose word/document.xml is about 63 MB of Word's usual run markup around varied words (a
 * pseudo-random draw, so that it packs about as well as real text does: under 10 MB).
 */
function largeDocx(): Uint8Array {
  const words = paragraph.trim().split(' ').concat(Array.from({ length: 400 }, (_, index) => `word${index.toString(36)}`));
  let seed = 1;
  const word = () => words[((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 8) % words.length]!;
  const run = () =>
    `<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Arial"/><w:sz w:val="24"/></w:rPr><w:t xml:space="preserve">${Array.from({ length: 12 }, word).join(' ')} </w:t></w:r>`;
  const paragraphs: string[] = [];
  for (let size = 0; size < 63 * 1024 * 1024; size += paragraphs.at(-1)!.length) {
    paragraphs.push(`<w:p><w:pPr><w:jc w:val="left"/></w:pPr>${Array.from({ length: 4 }, run).join('')}</w:p>`);
  }
  const document = new TextEncoder().encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.join('')}</w:body></w:document>`,
  );
  return rawZip([
    { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>'), method: 0, size: 8 },
    { name: 'word/document.xml', data: deflateRawSync(document), method: 8, size: document.length },
  ]);
}

export function makeLargeCases(folder: string): void {
  const write = (name: string, data: string | Uint8Array) => writeFileSync(path.join(folder, name), data);
  write('large-html-nesting-5000.html', `<!doctype html><html><body>${'<div>'.repeat(5000)}<p>${paragraph}</p>${'</div>'.repeat(5000)}</body></html>`);
  write('large-over-limit.txt', Buffer.alloc(21 * 1024 * 1024, 'a'));
  write('large-long-line.txt', paragraph.repeat(60_000));
  write('large-docx-zip-bomb.docx', docxZipBomb(1100));
  write('large-docx-63mb-xml.docx', largeDocx());
  write('large-html-big-attribute.html', `<!doctype html><html><body><article><p title="${'x'.repeat(5 * 1024 * 1024)}">${paragraph.repeat(4)}</p></article></body></html>`);
  // Pages of many small elements: 50,000 are read without Readability; just under the 20 MB import limit, refused.
  write('large-html-flat-50k.html', `<!doctype html><html><body><article>${`<p>${paragraph}</p>\n`.repeat(50_000)}</article></body></html>`);
  write('large-html-flat-19mb.html', `<!doctype html><html><body><article>${`<p>${paragraph}</p>\n`.repeat(Math.floor((19 * 1024 * 1024) / (paragraph.length + 8)))}</article></body></html>`);
  const unit = (index: number) =>
    `<tu><tuv xml:lang="en"><seg>${paragraph}${index}</seg></tuv><tuv xml:lang="he"><seg>המועצה התכנסה ביום חמישי ${index}</seg></tuv></tu>`;
  write(
    'large-tmx-50k-units.tmx',
    `<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header srclang="en" datatype="plaintext" segtype="sentence" adminlang="en" creationtool="t" creationtoolversion="1" o-tmf="t"/><body>${Array.from({ length: 50_000 }, (_, index) => unit(index)).join('')}</body></tmx>`,
  );
}
