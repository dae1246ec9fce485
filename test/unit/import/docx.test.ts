import { inflateRawSync } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ArticleImportError, buildArticle } from '../../../src/common/import/article-import';
import { readDocx } from '../../../src/common/import/docx';
import { articleDocx, deflatedZeros, docxZipBomb, rawZip } from '../../support/docx-fixtures';
import { sampleText as seed } from '../../support/reference-texts';

const lines = (text: string): string[] => text.split('\n').map((line) => line.trim()).filter(Boolean);

/** A minimal Word document around a body of WordprocessingML. */
const wordDocument = (body: string, parts: Record<string, string> = {}): Uint8Array =>
  zipSync({
    'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`),
    ...Object.fromEntries(Object.entries(parts).map(([name, xml]) => [name, strToU8(xml)])),
  });

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (error) {
    expect(error).toBeInstanceOf(ArticleImportError);
    return (error as Error).message;
  }
  throw new Error('the document was not refused');
}

describe('readDocx', () => {
  it.each([
    ['000', 'he'],
    ['001', 'ar'],
    ['002', 'ar'],
  ] as const)('reads seed %s saved by Word as right-to-left paragraphs, line for line', async (prefix, language) => {
    const text = seed(prefix);
    const docx = await readDocx(await articleDocx(text));
    expect(lines(docx.text)).toEqual(lines(text));
    const article = buildArticle(docx.text, undefined, docx);
    expect(article.language).toBe(language);
    expect(article.paragraphs.map((paragraph) => paragraph.text)).toEqual(buildArticle(text).paragraphs.map((paragraph) => paragraph.text));
  });

  it('takes the title from the Title style, else from the document properties; footnotes stay out', async () => {
    const text = seed('000');
    const styled = readDocx(await articleDocx(text, { title: 'דאעש מבקש לסגת', coreTitle: 'Document1', footnote: 'הערת שוליים שאינה חלק מהכתבה' }));
    expect(styled.title).toBe('דאעש מבקש לסגת');
    expect(styled.text).not.toContain('הערת שוליים');
    expect(buildArticle(styled.text, undefined, styled).title).toBe('דאעש מבקש לסגת');

    const property = readDocx(await articleDocx(seed('001'), { coreTitle: 'مفاوضات حزب الله وداعش', creator: 'الشرق الأوسط' }));
    expect(property.title).toBe('مفاوضات حزب الله وداعش');
    // The author property is not the outlet.
    expect(buildArticle(property.text, undefined, property).outlet).toBeUndefined();

    expect(readDocx(await articleDocx(seed('004'))).title).toBeUndefined();
  });

  it('keeps inserted text, tabs, breaks and table cells; drops deleted and moved-away text, field codes and drawings', () => {
    const docx = readDocx(
      wordDocument(`
        <w:p><w:pPr><w:bidi/></w:pPr><w:r><w:rPr><w:rtl/></w:rPr><w:t xml:space="preserve">قال </w:t></w:r><w:del w:id="1"><w:r><w:delText>لم </w:delText></w:r></w:del><w:ins w:id="2"><w:r><w:t>المتحدث</w:t></w:r></w:ins><w:r><w:tab/><w:t>اليوم</w:t></w:r></w:p>
        <w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "https://example.com" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>رابط</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:br/><w:t>سطر ثان</w:t></w:r></w:p>
        <w:moveFrom w:id="3"><w:p><w:r><w:t>نص منقول</w:t></w:r></w:p></w:moveFrom>
        <w:tbl><w:tr><w:tc><w:p><w:r><w:t>خلية أولى</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>خلية ثانية</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
        <w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:t>في صورة</w:t></w:drawing></mc:Choice><mc:Fallback><w:pict><w:t>في صورة</w:t></w:pict></mc:Fallback></mc:AlternateContent><w:t>نهاية &amp; خاتمة</w:t></w:r></w:p>`),
    );
    expect(docx.text.split('\n')).toEqual(['قال المتحدث\tاليوم', 'رابط', 'سطر ثان', 'خلية أولى', 'خلية ثانية', 'نهاية & خاتمة']);
  });

  it('finds a localised Title style by its name in styles.xml', () => {
    const docx = readDocx(
      wordDocument('<w:p><w:pPr><w:pStyle w:val="a3"/></w:pPr><w:r><w:t>כותרת</w:t></w:r></w:p><w:p><w:r><w:t>גוף הכתבה.</w:t></w:r></w:p>', {
        'word/styles.xml': '<w:styles xmlns:w="w"><w:style w:type="paragraph" w:styleId="a3"><w:name w:val="Title"/></w:style><w:style w:type="paragraph" w:styleId="a"><w:name w:val="Normal"/></w:style></w:styles>',
      }),
    );
    expect(docx.title).toBe('כותרת');
  });
});

describe('readDocx refuses what is not a readable Word document, in one sentence', () => {
  it('a text file renamed .docx, an old .doc, a ZIP without word/document.xml, an encrypted entry, a damaged archive, a DOCTYPE, no text', async () => {
    expect(refusal(() => readDocx(strToU8(seed('001'))))).toBe('This file is not a Word document (.docx); save it from Word or LibreOffice as .docx and import it again.');
    expect(refusal(() => readDocx(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])))).toMatch(/^This is an old-style Word document \(\.doc\)/);
    expect(refusal(() => readDocx(zipSync({ 'content.xml': strToU8('<office:document/>') })))).toMatch(/^This ZIP archive is not a Word document \(it has no word\/document\.xml\)/);
    const xml = strToU8('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>');
    expect(refusal(() => readDocx(rawZip([{ name: 'word/document.xml', data: xml, method: 0, size: xml.length, flags: 1 }])))).toBe(
      'This Word document is encrypted; save it without a password and import it again.',
    );
    const whole = await articleDocx(seed('003'));
    expect(refusal(() => readDocx(whole.subarray(0, whole.length - 200)))).toMatch(/^This Word document is damaged/);
    expect(refusal(() => readDocx(wordDocument('<w:p/>').slice()))).toBe('This Word document holds no text.');
    const doctype = zipSync({ 'word/document.xml': strToU8('<!DOCTYPE lol [<!ENTITY a "aaaa">]><w:document xmlns:w="w"><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>') });
    expect(refusal(() => readDocx(doctype))).toMatch(/DOCTYPE/);
  });

  it('refuses a zip bomb by its declared sizes before inflating anything', () => {
    const bomb = docxZipBomb(1024);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(inflateRawSync(deflatedZeros(16)).length).toBe(16 * 1024 * 1024);
    const started = performance.now();
    expect(refusal(() => readDocx(bomb))).toMatch(/^This \.docx file unpacks to 1\.1 GB or more from 1\.\d MB, far out of proportion for a document \(a zip bomb\)/);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('stops a zip bomb that lies about its size as soon as it passes the size it declared', () => {
    const bomb = docxZipBomb(1024, 512 * 1024);
    const heapBefore = process.memoryUsage().arrayBuffers;
    const started = performance.now();
    expect(refusal(() => readDocx(bomb))).toBe('This .docx file unpacks to more than it declares, as a zip bomb does, so Targum does not open it.');
    // Inflating the whole gigabyte takes tens of seconds and a gigabyte of memory; stopping early takes neither.
    expect(performance.now() - started).toBeLessThan(5000);
    expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses, in words, a document whose text part is more than it reads, before inflating it', () => {
    const document = new Uint8Array(33 * 1024 * 1024).fill(0x20);
    const large = rawZip([{ name: 'word/document.xml', data: document, method: 0, size: document.length }]);
    expect(refusal(() => readDocx(large))).toBe("This Word document's text is 34.6 MB of XML, more than Targum reads from one document (33.6 MB); split it, or save it as plain text.");
  });

  it('reads a document whose text compresses well but within proportion', async () => {
    const text = `${seed('002')}\n`.repeat(40);
    const docx = await articleDocx(text);
    expect(lines(readDocx(docx).text)).toHaveLength(lines(text).length);
  });
});
