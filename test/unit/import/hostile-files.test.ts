import { strToU8, zipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { readBilingualText } from '../../../src/common/formats/bilingual-readers';
import { htmlShape, maxHtmlNesting, readabilityElementLimit } from '../../../src/common/import/html-article';
import { readImportSource } from '../../../src/common/import/import-source';
import type { HtmlWindow } from '../../../src/common/import/html-article';
import { nodeHtmlWindow } from '../../../src/node/import/html-window';

let window: HtmlWindow;
const htmlWindow = () => window;
beforeAll(async () => {
  window = await nodeHtmlWindow();
});

/** A minimal Word document: paragraphs as written (references left for the reader), and a title property. */
function docxBytes({ paragraphs, title }: { paragraphs: string[]; title?: string }): Uint8Array {
  const body = paragraphs.map((text) => `<w:p><w:r><w:t>${text}</w:t></w:r></w:p>`).join('');
  return zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`),
    ...(title === undefined ? {} : { 'docProps/core.xml': strToU8(`<cp:coreProperties xmlns:cp="cp" xmlns:dc="dc"><dc:title>${title}</dc:title></cp:coreProperties>`) }),
  });
}

const encoder = new TextEncoder();
const disguised = 'Invoice \u202Egpj.exe\u202C report';

describe('text taken from a file is cleaned like the body', () => {
  it('strips bidi overrides from a web page title and outlet', () => {
    const html = `<!doctype html><html><head><title>${disguised}</title><meta property="og:site_name" content="\u2067Daily\u2069 News"></head><body><article><p>${'Some article text in English. '.repeat(20)}</p></article></body></html>`;
    const source = readImportSource({ name: 'page.html', bytes: encoder.encode(html) }, { sizeLimitMb: 20, htmlWindow });
    expect(source.title).toBe('Invoice gpj.exe report');
    expect(source.outlet).toBe('Daily News');
  });

  it('strips bidi overrides from a Word document title', () => {
    const source = readImportSource({ name: 'a.docx', bytes: docxBytes({ title: disguised, paragraphs: ['Some text.'] }) }, { sizeLimitMb: 20 });
    expect(source.title).toBe('Invoice gpj.exe report');
  });

  it('strips bidi overrides from a TMX unit', () => {
    const tmx = `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>${disguised}</seg></tuv><tuv xml:lang="he"><seg>חשבונית</seg></tuv></tu></body></tmx>`;
    expect(readBilingualText('a.tmx', tmx).units[0]!.source).toBe('Invoice gpj.exe report');
  });
});

describe('XML readers refuse references to characters XML does not allow', () => {
  it.each([
    ['&#0;', 'U+0000'],
    ['&#xD800;', 'U+D800'],
    ['&#xdfff;', 'U+DFFF'],
    ['&#x1;', 'U+0001'],
    ['&#xFFFF;', 'U+FFFF'],
    ['&#x110000;', 'U+110000'],
  ])('%s', (reference, named) => {
    const tmx = `<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>a${reference}b</seg></tuv><tuv xml:lang="he"><seg>א</seg></tuv></tu></body></tmx>`;
    expect(() => readBilingualText('a.tmx', tmx)).toThrow(`This file is not TMX Targum can read: it refers to the character ${named}, which XML does not allow.`);
    expect(() => readImportSource({ name: 'a.docx', bytes: docxBytes({ paragraphs: [`a${reference}b`] }) }, { sizeLimitMb: 20 })).toThrow(
      `This Word document refers to the character ${named}, which XML does not allow; it is damaged or was not made by Word.`,
    );
  });

  it('says in a sentence when elements nest too deep, never the parser library message', () => {
    const deep = `<tmx version="1.4"><header srclang="en"/><body>${'<x>'.repeat(200)}${'</x>'.repeat(200)}</body></tmx>`;
    expect(() => readBilingualText('a.tmx', deep)).toThrow('This file is not TMX Targum can read: its elements are nested more than 100 levels deep, far more than any real document.');
  });
});

describe('a web page too large for Readability', () => {
  it('is read without it, site furniture dropped, title and site name kept', () => {
    const paragraph = (index: number) => `<p>Paragraph ${index} of the council's long report on the budget of the schools.</p>`;
    const html = `<!doctype html><html><head><title>The long report</title><meta property="og:site_name" content="Town News"></head><body><nav><a href="/">Home</a></nav><header>Site header</header><article>${Array.from({ length: readabilityElementLimit + 10 }, (_, index) => paragraph(index)).join('')}</article><footer>Copyright</footer><script>alert(1)</script></body></html>`;
    const source = readImportSource({ name: 'long.html', bytes: encoder.encode(html) }, { sizeLimitMb: 20, htmlWindow });
    expect(source).toMatchObject({ title: 'The long report', outlet: 'Town News' });
    const lines = source.text.split('\n');
    expect(lines[0]).toBe('The long report');
    expect(lines[1]).toBe("Paragraph 0 of the council's long report on the budget of the schools.");
    expect(lines).toHaveLength(readabilityElementLimit + 11);
    expect(source.text).not.toMatch(/Home|Site header|Copyright|alert/);
  });
});

describe('deeply nested web pages are refused before they are parsed', () => {
  it('counts nesting by a scan of tags, not counting void elements, runs of <p> or <li>, comments or scripts', () => {
    expect(htmlShape('<html><body><div><p>a<p>b<br><img src=x><ul><li>1<li>2</ul></div><!-- <div><div> --><script>"<div><div>"</script></body></html>')).toEqual({ depth: 4, elements: 11 });
    expect(htmlShape(`${'<div>'.repeat(600)}`).depth).toBe(600);
    expect(htmlShape(`${'<div>'.repeat(600)}`, 512).depth).toBe(513);
  });

  it('refuses a page nested 5,000 deep at once, with a message', () => {
    const html = `<html><body>${'<div>'.repeat(5000)}text${'</div>'.repeat(5000)}</body></html>`;
    const started = performance.now();
    expect(() => readImportSource({ name: 'deep.html', bytes: encoder.encode(html) }, { sizeLimitMb: 20, htmlWindow })).toThrow(
      `This web page nests its elements more than ${maxHtmlNesting} levels deep, far more than any article page, so Targum does not read it.`,
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
