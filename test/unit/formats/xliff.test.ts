import { describe, expect, it } from 'vitest';
import type { BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { withoutBidiControls } from '../../../src/common/formats/bilingual-text';
import { bilingualWriters } from '../../../src/common/formats/bilingual-writers';
import { readXliff } from '../../../src/common/formats/xliff-reader';
import { LRM, RLM, alignment, essentials, translation } from './sample-documents';
import { xliffSchema, xmllint } from './xmllint';

const writeXliff = async (document: BilingualDocument) => (await bilingualWriters.xliff(document))[0]!.data as string;

describe('XLIFF export', () => {
  it('is valid against the XLIFF 1.2 strict schema', async () => {
    for (const document of [translation(), alignment(), translation({ level: 'paragraph', unconfirmed: false })]) {
      expect(xmllint(await writeXliff(document), { schema: xliffSchema })).toBe('');
    }
  });

  it('sets the target state from the status and keeps the raw machine translation as alt-trans when corrected', async () => {
    const xliff = await writeXliff(translation());
    const states = [...xliff.matchAll(/<target xml:lang="en" state="([^"]+)">/g)].map((match) => match[1]);
    expect(states).toEqual(['final', 'translated', 'needs-review-translation', 'needs-review-translation']);
    expect(xliff).toContain('<alt-trans origin="machine-translation" tool-id="targum"><target xml:lang="en">ISIS today (Thursday) conveyed request to the army of Syria.</target></alt-trans>');
    expect(xliff.match(/<alt-trans/g)).toHaveLength(2);
  });

  it('writes the raw machine translation as the target, with no alt-trans, when that is chosen', async () => {
    const xliff = await writeXliff(translation({ text: 'machine' }));
    expect(xliff).not.toContain('<alt-trans');
    expect(xliff).toContain('state="needs-review-translation">ISIS today (Thursday) conveyed request to the army of Syria.</target>');
  });
});

describe('XLIFF import', () => {
  it('gives back text, status and notes (and corrections, links, paragraphs) after a round trip', async () => {
    for (const document of [translation(), alignment(), translation({ level: 'paragraph' })]) {
      const read = readXliff(await writeXliff(document));
      expect(essentials(read)).toEqual(essentials(withoutBidiControls(document)));
      expect(read).toMatchObject({ kind: document.kind, title: document.title, outlet: document.outlet, segtype: document.segtype, model: document.model, toolVersion: '0.1.0' });
    }
    const read = readXliff(await writeXliff(translation()));
    expect(read.units[1]!.source).toBe(`"מבצע" & <שחר> 'חדש' ב-${RLM}2017${RLM} ${LRM}(AT&T)${LRM}`);
  });

  it('reads another tool’s XLIFF: groups, inline codes, states and approval', () => {
    const xliff = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="page.html" source-language="he-IL" target-language="en-US" datatype="html">
    <body>
      <group id="g1">
        <trans-unit id="a"><source>שלום <g id="1">עולם</g><x id="2"/></source><target state="signed-off">Hello <g id="1">world</g><x id="2"/></target><note>greeting</note></trans-unit>
        <trans-unit id="b" approved="yes"><source>תודה</source><target>Thanks</target></trans-unit>
      </group>
      <trans-unit id="c"><source>בוקר <ph id="3">&lt;br/&gt;</ph>טוב</source><target>Good morning</target></trans-unit>
      <trans-unit id="d"><source>לילה</source></trans-unit>
    </body>
  </file>
</xliff>`;
    const read = readXliff(xliff);
    expect(read).toMatchObject({ sourceLanguage: 'he', targetLanguage: 'en', title: 'page.html', toolVersion: '' });
    expect(read.units.map(({ source, target, status, notes, paragraph }) => ({ source, target, status, notes, paragraph }))).toEqual([
      { source: 'שלום עולם', target: 'Hello world', status: 'confirmed', notes: ['greeting'], paragraph: 0 },
      { source: 'תודה', target: 'Thanks', status: 'confirmed', notes: [], paragraph: 0 },
      { source: 'בוקר טוב', target: 'Good morning', status: 'edited', notes: [], paragraph: 1 },
      { source: 'לילה', target: '', status: 'machine', notes: [], paragraph: 2 },
    ]);
  });

  it('refuses files that are not XLIFF 1.2 with one clear sentence', () => {
    const cases: Array<[string, RegExp]> = [
      ['{"version": 1}', /^This file is not XLIFF: it is not XML\.$/],
      ['<xliff version="1.2"><file>', /^This file is not XLIFF: its XML is broken/],
      ['<tmx version="1.4"/>', /^This file is XML but not XLIFF: its root element is <tmx>\.$/],
      ['<xliff version="2.0" srcLang="he" trgLang="en"><file id="f"/></xliff>', /^This is XLIFF 2\.0; Targum reads XLIFF 1\.2/],
      ['<xliff version="1.2"/>', /^This XLIFF file holds no translation units\.$/],
      ['<xliff version="1.2"><file original="x" source-language="he" target-language="en" datatype="plaintext"><body/></file></xliff>', /^This XLIFF file holds no translation units\.$/],
      ['<xliff version="1.2"><file original="x" source-language="fr" target-language="de" datatype="plaintext"><body/></file></xliff>', /^This XLIFF file has no pair of Hebrew, Arabic, English texts to read \(its languages: fr, de\)\.$/],
    ];
    for (const [text, message] of cases) expect(() => readXliff(text), text).toThrow(message);
  });
});
