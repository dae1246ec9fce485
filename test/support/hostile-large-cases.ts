/**
 * The hostile cases too large to commit, written into a folder at test time (their expectations are in
 * test/fixtures/hostile/cases.json with the rest, under names starting with "large-").
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { docxZipBomb } from './docx-fixtures';

const paragraph = 'The council met on Thursday and agreed the new budget for the schools of the town. ';

export function makeLargeCases(folder: string): void {
  const write = (name: string, data: string | Uint8Array) => writeFileSync(path.join(folder, name), data);
  write('large-html-nesting-5000.html', `<!doctype html><html><body>${'<div>'.repeat(5000)}<p>${paragraph}</p>${'</div>'.repeat(5000)}</body></html>`);
  write('large-over-limit.txt', Buffer.alloc(21 * 1024 * 1024, 'a'));
  write('large-long-line.txt', paragraph.repeat(60_000));
  write('large-docx-zip-bomb.docx', docxZipBomb(1100));
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
