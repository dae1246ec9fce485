import { describe, expect, it } from 'vitest';
import { bilingualWriters } from '../../../src/common/formats/bilingual-writers';
import { withoutBidiControls } from '../../../src/common/formats/bilingual-text';
import type { BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { ALM, LRM, RLM, alignment, essentials, translation } from './sample-documents';
import { tmxDtd, xmllint } from './xmllint';

const writeTmx = async (document: BilingualDocument) => (await bilingualWriters.tmx(document))[0]!.data as string;


describe('TMX export', () => {
  it('is valid TMX 1.4b for a translation and for an alignment', async () => {
    expect(xmllint(await writeTmx(translation()), { dtd: tmxDtd })).toBe('');
    expect(xmllint(await writeTmx(alignment()), { dtd: tmxDtd })).toBe('');
    expect(xmllint(await writeTmx(translation({ level: 'paragraph', text: 'machine', notes: false })), { dtd: tmxDtd })).toBe('');
  });

  it('has the header the issue asks for and one tu per sentence with he and en tuvs', async () => {
    const tmx = await writeTmx(translation());
    expect(tmx).toMatch(/<header creationtool="Targum" creationtoolversion="0\.1\.0" segtype="sentence" o-tmf="Targum" adminlang="en" srclang="he" datatype="plaintext" creationdate="20240306T080000Z">/);
    expect(tmx.match(/<tu /g)).toHaveLength(4);
    expect(tmx.match(/<tuv xml:lang="he">/g)).toHaveLength(4);
    expect(tmx.match(/<tuv xml:lang="en">/g)).toHaveLength(4);
    for (const type of ['status', 'model', 'confirmed', 'title', 'outlet']) expect(tmx).toContain(`<prop type="x-targum-${type}">`);
    expect(tmx).toContain('<note>דאעש — ISIS (Arabic acronym)</note>');
  });

  it('writes glosses as notes only when chosen', async () => {
    expect(await writeTmx(translation({ notes: false }))).not.toContain('<note>');
  });

  it('escapes markup characters, keeps direction marks and drops embedding, override and isolate controls', async () => {
    const tmx = await writeTmx(translation());
    expect(tmx).toContain(`<seg>"מבצע" &amp; &lt;שחר&gt; 'חדש' ב-${RLM}2017${RLM} ${LRM}(AT&amp;T)${LRM}</seg>`);
    expect(tmx).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(tmx).toContain('<seg>כוחות צבא לבנון מתקדמים בקרב נגד דאעש (ISIS).</seg>');
  });

  it('exports a 1-2 link as one tu holding the two sentences joined, and the empty side of 1-0 and 0-1 as an empty seg', async () => {
    const tmx = await writeTmx(alignment());
    expect(tmx.match(/<tu /g)).toHaveLength(4);
    expect(tmx).toContain(`<tuv xml:lang="ar"><seg>غادر ${ALM}500 مقاتل الجرود.</seg></tuv>\n      <tuv xml:lang="en"><seg>Fighters left the barrens. There were 500 of them.</seg></tuv>`);
    expect(tmx).toContain('<prop type="x-targum-link">1-2</prop>');
    expect(tmx).toContain('<prop type="x-targum-confidence">0.935</prop>');
    expect(tmx.match(/<seg><\/seg>/g)).toHaveLength(2);
  });

  it('writes XML-forbidden control characters out and keeps a carriage return', async () => {
    const document = translation();
    document.units[0]!.target = 'a\u0001b\u0008c\r\nd\uFFFE';
    const tmx = await writeTmx(document);
    expect(xmllint(tmx, { dtd: tmxDtd })).toBe('');
    expect(readTmx(tmx).units[0]!.target).toBe('abc\r\nd');
  });
});

describe('TMX import', () => {
  it('gives back the same segments, statuses, notes, corrections and links', async () => {
    for (const document of [translation(), alignment(), translation({ level: 'paragraph' })]) {
      const read = readTmx(await writeTmx(document));
      expect(essentials(read)).toEqual(essentials(withoutBidiControls(document)));
      expect(read).toMatchObject({ kind: document.kind, title: document.title, outlet: document.outlet, sourceLanguage: document.sourceLanguage, targetLanguage: document.targetLanguage, segtype: document.segtype, model: document.model });
    }
  });

  it('reads the TMX 1.1 layout (lang attributes, regional and upper-case codes) and inline markup', () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
<header creationtool="OldTool" creationtoolversion="2" segtype="sentence" o-tmf="abc" adminlang="EN-US" srclang="AR-SA" datatype="rtf"></header>
<body>
<tu><tuv lang="AR-SA"><seg>نص <bpt i="1">{\\b </bpt>عريض<ept i="1">}</ept> هنا</seg></tuv><tuv lang="EN-US"><seg>Some <hi type="b">bold</hi> text<ph>{\\line}</ph> here &amp; there</seg></tuv><tuv lang="FR-FR"><seg>Du texte</seg></tuv></tu>
<tu><tuv lang="EN-US"><seg>Only English</seg></tuv></tu>
<tu><note>checked</note><tuv lang="ar"><seg>ثانية</seg></tuv><tuv lang="en"><seg>Second</seg></tuv></tu>
</body></tmx>`;
    const read = readTmx(tmx);
    expect(read).toMatchObject({ sourceLanguage: 'ar', targetLanguage: 'en', kind: 'translation', toolVersion: '' });
    expect(read.units.map(({ source, target, notes }) => ({ source, target, notes }))).toEqual([
      { source: 'نص عريض هنا', target: 'Some bold text here & there', notes: [] },
      { source: 'ثانية', target: 'Second', notes: ['checked'] },
    ]);
    expect(read.units[0]!.status).toBe('edited');
  });

  it('refuses files that are not TMX with one clear sentence', () => {
    const cases: Array<[string, RegExp]> = [
      ['source\ttarget\n', /^This file is not TMX: it is not XML\.$/],
      ['<tmx><body><tu></body></tmx>', /^This file is not TMX: its XML is broken at line 1/],
      ['<?xml version="1.0"?><xliff version="1.2"/>', /^This file is XML but not TMX: its root element is <xliff>\.$/],
      ['<tmx version="1.4"><header/><body/></tmx>', /^This TMX file holds no translation units\.$/],
      ['<tmx version="1.4"><body><tu><tuv xml:lang="fr"><seg>a</seg></tuv><tuv xml:lang="de"><seg>b</seg></tuv></tu></body></tmx>', /^This TMX file has no pair of Hebrew, Arabic, English texts to read \(its languages: fr, de\)\.$/],
    ];
    for (const [text, message] of cases) expect(() => readTmx(text), text).toThrow(message);
  });

  it('refuses XML that is not well-formed, naming the line and what is wrong', () => {
    const unit = '<tu><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="he"><seg>א</seg></tuv></tu>';
    const cases: Array<[string, RegExp]> = [
      [`<tmx version="1.4">\n<body>\n${unit}</tmx>`, /broken at line 3 \(<\/tmx> closes <body>\)/],
      [`<tmx version="1.4"><body>${unit}</body>`, /broken at line 1 \(<tmx> is never closed\)/],
      [`<tmx version="1.4"><body>${unit}</body></tmx><tmx/>`, /a second root element/],
      [`<tmx version="1.4"><body>${unit.replace('>a<', '>a & b<')}</body></tmx>`, /an '&' that starts no reference/],
      [`<tmx version="1.4"><body>${unit.replace('xml:lang="en"', 'xml:lang="en" xml:lang="fr"')}</body></tmx>`, /<tuv> has the attribute xml:lang twice/],
      [`<tmx version="1.4"><body>${unit.replace('xml:lang="en"', 'xml:lang=en')}</body></tmx>`, /<tuv> has a malformed attribute/],
      [`<tmx version="1.4"><body>${unit}</body></tmx>trailing`, /text outside the root element/],
      [`<tmx version="1.4"><body><!-- ${unit}</body></tmx>`, /a comment that does not end/],
    ];
    for (const [text, message] of cases) expect(() => readTmx(text), text).toThrow(message);
  });

  it('reports how far it has read a large file, in order, up to the end', () => {
    const unit = (index: number) => `<tu><tuv xml:lang="en"><seg>Sentence ${index} of a long memory.</seg></tuv><tuv xml:lang="he"><seg>משפט ${index}</seg></tuv></tu>\n`;
    const text = `<tmx version="1.4"><header srclang="en"/><body>\n${Array.from({ length: 30_000 }, (_, index) => unit(index)).join('')}</body></tmx>`;
    const reports: number[] = [];
    expect(readTmx(text, (fraction) => reports.push(fraction)).units).toHaveLength(30_000);
    expect(reports.length).toBeGreaterThanOrEqual(Math.floor(text.length / 2 ** 20) - 1);
    expect(reports).toEqual([...reports].sort((a, b) => a - b));
    expect(reports.at(-1)).toBeGreaterThan(0.8);
    expect(reports.at(-1)).toBeLessThan(1);
  });

  it('reads comments, CDATA, processing instructions and a DOCTYPE without expanding its entities', () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY e "x>y]">]>\n<!-- made by hand --><tmx version="1.4"><header srclang="en"/><body>
      <tu><tuv xml:lang="en"><seg>a <![CDATA[<b> & ]]>&e; &amp; &#x5D0;<!-- no --></seg></tuv><tuv lang="he"><seg><?pi x?>ב</seg></tuv></tu></body></tmx>`;
    expect(readTmx(text).units.map(({ source, target }) => [source, target])).toEqual([['a <b> & &e; & א', 'ב']]);
  });
});
