import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { bilingualWriters } from '../../../src/common/formats/bilingual-writers';
import { alignment, translation } from './sample-documents';

const html = async (document: BilingualDocument) => (await bilingualWriters.html(document))[0]!.data as string;

describe('bilingual HTML', () => {
  it('is one page with a two-column table, each cell in its own language and direction', async () => {
    const page = await html(translation());
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en" dir="ltr">')).toBe(true);
    expect(page).toContain('<meta charset="utf-8">');
    expect(page).toContain('<thead><tr><th scope="col">Hebrew</th><th scope="col">English</th></tr></thead>');
    const rows = page.match(/<tr[^>]*><td lang="he" dir="rtl">[\s\S]*?<\/td><td lang="en" dir="ltr">[\s\S]*?<\/td><\/tr>/g);
    expect(rows).toHaveLength(4);
    expect(page).toContain('@media print');
    const arabic = await html(alignment());
    expect(arabic.match(/<td lang="ar" dir="rtl">/g)).toHaveLength(4);
  });

  it('escapes markup characters in text, title and notes, and drops bidi controls', async () => {
    const page = await html(translation());
    expect(page).toContain('<td lang="he" dir="rtl">&quot;מבצע&quot; &amp; &lt;שחר&gt; &#39;חדש&#39;');
    expect(page).toContain('<title>דאעש מבקש לסגת / &quot;קלמון&quot; \u200E(2017)</title>');
    expect(page).toContain('<li dir="auto">דאעש — ISIS (Arabic acronym)</li>');
    expect(page).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(page).not.toContain('<שחר>');
    expect(page).toContain('שורה<br>שנייה');
  });

  it('shows statuses, and link types with confidence for an alignment', async () => {
    expect(await html(translation())).toContain('<span class="status confirmed" lang="en" dir="ltr">✓ confirmed</span>');
    expect(await html(alignment())).toContain('<span class="status edited" lang="en" dir="ltr">1-2 · 0.71</span>');
  });
});

describe('DOCX', () => {
  const documentXml = async (document: BilingualDocument) => {
    const [file] = await bilingualWriters.docx(document);
    expect(file!.data).toBeInstanceOf(Uint8Array);
    const entries = unzipSync(file!.data as Uint8Array);
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']));
    return strFromU8(entries['word/document.xml']!);
  };
  const paragraphs = (xml: string) => xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? [];

  it('is a zip holding a two-column table with a header row and one row per unit', async () => {
    const xml = await documentXml(translation());
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml.match(/<w:gridCol /g)).toHaveLength(2);
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(5);
    expect(xml).toContain('<w:tblHeader/>');
  });

  it('marks right-to-left paragraphs with w:bidi and their runs with w:rtl, and left-to-right ones with neither', async () => {
    const text = (paragraph: string) => paragraph.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>');
    const firstStrong = (paragraph: string) => /[A-Za-z\u0590-\u05FF\u0600-\u06FF]/.exec(text(paragraph))?.[0] ?? '';
    for (const document of [translation(), alignment()]) {
      const all = paragraphs(await documentXml(document));
      const rightToLeft = all.filter((paragraph) => /[\u0590-\u06FF]/.test(firstStrong(paragraph)));
      const leftToRight = all.filter((paragraph) => /[A-Za-z]/.test(firstStrong(paragraph)));
      expect(rightToLeft.length).toBeGreaterThanOrEqual(4);
      expect(leftToRight.length).toBeGreaterThanOrEqual(4);
      for (const paragraph of rightToLeft) expect(paragraph).toMatch(/<w:pPr>[\s\S]*<w:bidi\/>[\s\S]*<\/w:pPr>[\s\S]*<w:rtl\/>/);
      for (const paragraph of leftToRight) expect(paragraph).not.toMatch(/<w:bidi|<w:rtl/);
    }
  });

  it('keeps the text whole: markup characters, direction marks, line breaks', async () => {
    const xml = await documentXml(translation());
    expect(xml).toContain('"Operation" &amp; &lt;Dawn&gt;');
    expect(xml).toContain('\u200F2017\u200F');
    expect(xml).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(xml).toMatch(/שורה<\/w:t><\/w:r><w:r>[\s\S]*?<w:br\/><w:t[^>]*>שנייה/);
  });
});
