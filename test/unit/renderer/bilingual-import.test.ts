import 'fake-indexeddb/auto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bilingualFromTranslation } from '../../../src/common/formats/bilingual-document';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { writeTmx } from '../../../src/common/formats/tmx-writer';
import { readXliff } from '../../../src/common/formats/xliff-reader';
import { writeXliff } from '../../../src/common/formats/xliff-writer';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';
import { articleDocument } from '../../../src/renderer/export/article-document';
import { importBilingualFile, importIntoMemory, updateArticleFromXliff } from '../../../src/renderer/import/bilingual-import';
import { saveSegment } from '../../../src/renderer/data/article-changes';
import { loadArticleView } from '../../../src/renderer/data/article-view';
import { addMemoryPairs, setImportTrust } from '../../../src/renderer/data/memory';
import { noTrust } from '../../../src/common/formats/memory-standing';
import type { BilingualDocument } from '../../../src/common/formats/bilingual-document';
import { languageNames } from '../../../src/common/text/language';
import { buildAlignedPair, createAlignedPair, type AlignedPairInput } from '../../../src/renderer/alignment/aligned-pair';
import { runArticleTask } from '../../../src/renderer/import/article-reading';
import { floresPath } from '../../support/reference-texts';
import { readFileSync } from 'node:fs';

let databases = 0;

/** The Hebrew sample with a machine translation of every sentence, one of them corrected and confirmed. */
async function translatedHebrew() {
  const db = new TargumDatabase(`bilingual-${++databases}`);
  await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
  const article = (await db.articles.toArray()).find((candidate) => candidate.language === 'he')!;
  const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
  await db.translations.bulkAdd(sentences.map((sentence, index) => ({ articleId: article.id!, source: sentence.segment.text, text: `Machine English ${index}.`, modelId: 'test', precision: 'q8', createdAt: 1 })));
  await saveSegment(db, article, sentences[0]!.segment.text, null, { text: 'Corrected & confirmed "first" sentence.', status: 'confirmed' });
  return { db, article };
}

async function exported(db: TargumDatabase, articleId: number) {
  const view = (await loadArticleView(db, articleId))!;
  return bilingualFromTranslation(articleDocument(view, 'he', undefined), { title: view.article.title, toolVersion: '0.1.0' });
}

describe('an XLIFF round trip through another tool', () => {
  it('brings edits and confirmations back into the article they came from, keeping the history', async () => {
    const { db, article } = await translatedHebrew();
    const xliff = await writeXliff(await exported(db, article.id!));
    // A reviewer elsewhere rewrites the second unit and signs off the third.
    const units = xliff.split('<trans-unit');
    units[2] = units[2]!.replace(/<target([^>]*) state="[^"]*">Machine English 1\.<\/target>/, '<target$1 state="translated">Reviewed English 1.</target>');
    units[3] = units[3]!.replace(/(<target[^>]*) state="[^"]*"/, '$1 state="final"');
    const reviewed = readXliff(units.join('<trans-unit'));

    const update = await updateArticleFromXliff(db, reviewed);
    expect(update).toMatchObject({ articleId: article.id, changed: 2, unmatched: 0 });
    const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
    expect(sentences[0]!.state).toMatchObject({ english: 'Corrected & confirmed "first" sentence.', status: 'confirmed' });
    expect(sentences[1]!.state).toMatchObject({ english: 'Reviewed English 1.', status: 'edited' });
    expect(sentences[2]!.state).toMatchObject({ english: 'Machine English 2.', status: 'confirmed' });
    expect(sentences[3]!.state.status).toBe('machine');
    // Importing the same file again changes nothing.
    expect((await updateArticleFromXliff(db, reviewed))!.changed).toBe(0);
  });

  it('is not applied to an article that does not hold the file’s sentences', async () => {
    const { db, article } = await translatedHebrew();
    const document = await exported(db, article.id!);
    const other = { ...document, units: document.units.map((unit) => ({ ...unit, source: `${unit.source} (another text)` })) };
    expect(await updateArticleFromXliff(db, other)).toBeUndefined();
  });
});

describe('a bilingual file into the translation memory', () => {
  const memoryEnglish = (document: ReturnType<typeof readTmx>) => ({ ...document, units: document.units.map((unit) => ({ ...unit, target: unit.target.replace('Machine English', 'Memory English') })) });

  it('a Targum TMX: its confirmed units fill the memory, the others are references only, and the reader’s confirmations stay', async () => {
    const { db, article } = await translatedHebrew();
    const tmx = readTmx(await writeTmx(await exported(db, article.id!)));
    expect(await db.memory.count()).toBe(1);
    await db.edits.clear();
    const confirmedHere = { ...tmx.units[0]!, target: 'Elsewhere.' };
    const reviewed = { ...tmx.units[4]!, status: 'confirmed' as const, review: 'reviewed' as const };
    const result = await importIntoMemory(db, memoryEnglish({ ...tmx, units: [confirmedHere, ...tmx.units.slice(1, 4), reviewed, ...tmx.units.slice(5)] }), { fileName: 'colleague.tmx' });
    expect(result).toMatchObject({ added: 1, references: tmx.units.length - 2, keptConfirmed: 1 });
    const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
    expect(sentences[0]!.state).toMatchObject({ origin: 'memory', english: 'Corrected & confirmed "first" sentence.', memory: { origin: 'confirmed' } });
    expect(sentences[4]!.state).toMatchObject({ origin: 'memory', english: 'Memory English 4.', status: 'machine', memory: { origin: 'import', fileName: 'colleague.tmx' } });
    // A machine unit is a suggestion with its file and date, never the sentence's English.
    expect(sentences[3]!.state).toMatchObject({ origin: 'machine', english: 'Machine English 3.', reference: { target: 'Memory English 3.', fileName: 'colleague.tmx', standing: 'reference' } });
    expect(sentences[3]!.state.reference!.importedAt).toBeGreaterThan(0);
  });

  it('an unreviewed XLIFF adds references only; the same article imported again is not filled from them', async () => {
    const { db, article } = await translatedHebrew();
    const xliff = (await writeXliff(await exported(db, article.id!))).replace(/Machine English/g, 'Draft English');
    const first = await importBilingualFile(db, 'draft.xlf', new TextEncoder().encode(xliff.replace(/<file original="[^"]*"/, '<file original="Another title"')));
    expect(first.message).toMatch(/unreviewed pairs kept as references\.$/);
    expect(first.message).not.toMatch(/added to the translation memory/);
    expect((await db.memory.toArray()).filter((entry) => entry.standing === 'reviewed').length).toBe(1);
    const again = await importBilingualFile(db, 'draft-again.xlf', new TextEncoder().encode(xliff.replace(/<file original="[^"]*"/, '<file original="Imported twice"')));
    const sentences = (await loadArticleView(db, again.articleId!))!.paragraphs.flat();
    const fromMemory = sentences.filter((sentence) => sentence.state.origin === 'memory');
    // Only the sentence a person confirmed here comes from memory.
    expect(fromMemory.map((sentence) => sentence.state.memory!.origin)).toEqual(['confirmed']);
    expect(sentences[2]!.state.reference).toMatchObject({ target: 'Draft English 2.', fileName: 'draft-again.xlf' });
  });

  it('a reviewed XLIFF (final) fills the memory; translated units only when the user vouches for them', async () => {
    const { db, article } = await translatedHebrew();
    const xliff = await writeXliff(await exported(db, article.id!));
    const units = xliff.split('<trans-unit');
    const reviewed = units.map((unit, index) => (index === 0 ? unit : unit.replace(/(<target[^>]*) state="[^"]*"/, index % 2 ? '$1 state="final"' : '$1 state="translated"'))).join('<trans-unit');
    const document = readXliff(reviewed.replace(/<file original="[^"]*"/, '<file original="Reviewed elsewhere"'));
    const outcome = await importBilingualFile(db, 'reviewed.xlf', new TextEncoder().encode(reviewed.replace(/<file original="[^"]*"/, '<file original="Reviewed elsewhere"')));
    const finals = document.units.filter((unit) => unit.review === 'reviewed').length;
    const translated = document.units.filter((unit) => unit.review === 'translated').length;
    expect(outcome.memory).toMatchObject({ trustable: 'translated' });
    expect((await db.memory.toArray()).filter((entry) => entry.standing === 'reviewed').length).toBe(finals);
    expect(await setImportTrust(db, outcome.memory!.importId, { translated: true, unmarked: false })).toBe(translated);
    expect((await db.memory.toArray()).filter((entry) => entry.standing === 'reference').length).toBe(0);
    expect(await setImportTrust(db, outcome.memory!.importId, noTrust)).toBe(translated);
  });

  it('a TMX silent on review is memory only when the user says it is reviewed', async () => {
    const db = new TargumDatabase(`bilingual-${++databases}`);
    const pairs = [{ language: 'he' as const, source: 'שלום לכולם.', target: 'Hello everyone.', review: 'unmarked' as const }];
    const plain = await addMemoryPairs(db, pairs, { fileName: 'plain.tmx' });
    expect(plain).toMatchObject({ added: 0, references: 1 });
    const trusted = await addMemoryPairs(db, pairs, { fileName: 'reviewed.tmx', trust: { translated: false, unmarked: true } });
    expect(trusted).toMatchObject({ added: 1, references: 0 });
    // A reference never replaces a reviewed entry.
    expect(await addMemoryPairs(db, pairs, { fileName: 'plain-again.tmx' })).toMatchObject({ added: 0, references: 0 });
    expect(await db.memory.toArray()).toMatchObject([{ standing: 'reviewed', fileName: 'reviewed.tmx' }]);
  });
});

describe('a bilingual file from the import panel', () => {
  it('a TMX from elsewhere becomes two aligned articles and keeps its unreviewed pairs as references', async () => {
    const { db, article } = await translatedHebrew();
    const document = await exported(db, article.id!);
    const tmx = await writeTmx({ ...document, title: 'From a colleague' });
    const before = await db.articles.count();
    const outcome = await importBilingualFile(db, 'colleague.tmx', new TextEncoder().encode(tmx));
    expect(outcome.message).toMatch(/^Imported “From a colleague” with its English, aligned in \d+ pairs\. \d+ unreviewed pairs kept as references\.$/);
    expect(await db.articles.count()).toBe(before + 2);
    const created = await db.articles.get(outcome.articleId!);
    expect(created).toMatchObject({ title: 'From a colleague', language: 'he' });
    const alignment = await db.alignments.where('articleId').equals(outcome.articleId!).first();
    expect(alignment!.links.length).toBeGreaterThan(10);
  });

  it('an XLIFF of an article in the library goes back into it; a file that is not bilingual is refused', async () => {
    const { db, article } = await translatedHebrew();
    const xliff = (await writeXliff(await exported(db, article.id!))).replace(/(<target[^>]*) state="needs-review-translation"/, '$1 state="final"');
    const outcome = await importBilingualFile(db, 'article.xlf', new TextEncoder().encode(xliff));
    expect(outcome).toMatchObject({ articleId: article.id, message: expect.stringMatching(/^Updated 1 sentence of “/) });
    await expect(importBilingualFile(db, 'notes.tmx', new TextEncoder().encode('<html><body>hello</body></html>'))).rejects.toThrow(/not TMX|TMX/);
  });

  /** FLORES-200 dev in Hebrew and English, all 997 pairs, in paragraphs of five, as a TMX Targum writes. */
  async function floresTmx(): Promise<string> {
    const lines = (language: 'he' | 'en') => readFileSync(floresPath(language), 'utf8').trim().split('\n');
    const [hebrew, english] = [lines('he'), lines('en')];
    const paragraphs = Array.from({ length: Math.ceil(hebrew.length / 5) }, (_, paragraph) =>
      hebrew.slice(paragraph * 5, paragraph * 5 + 5).map((source, index) => ({ source, translation: english[paragraph * 5 + index]!, status: 'machine' as const })),
    );
    return writeTmx(bilingualFromTranslation({ from: 'he', to: 'en', model: 'test', paragraphs }, { title: 'FLORES dev', toolVersion: '0.1.0' }));
  }

  /** The aligned pair as the import panel made it before its articles were built in the article reader's worker. */
  function pairInput(document: BilingualDocument, fileName: string): AlignedPairInput {
    const title = document.title!;
    const side = (language: BilingualDocument['sourceLanguage'], units: string[], sideTitle: string) => ({ language, units, paragraphs: document.units.map((unit) => unit.paragraph), title: sideTitle, originalFileName: fileName });
    return {
      source: side(document.sourceLanguage, document.units.map((unit) => unit.source), title),
      target: side(document.targetLanguage, document.units.map((unit) => unit.target), `${title} (${languageNames[document.targetLanguage]})`),
      links: document.units.map((unit, index) => ({ source: [index], target: [index], confidence: unit.link?.confidence })),
    };
  }

  /** What a library holds, without the ids, dates and import ids that differ from one import to the next. */
  async function stored(db: TargumDatabase) {
    const articles = await db.articles.orderBy('id').toArray();
    const position = new Map(articles.map((article, index) => [article.id!, index]));
    const undated = <T extends object>(record: T) => Object.fromEntries(Object.entries(record).filter(([key]) => !['id', 'createdAt', 'updatedAt', 'importedAt', 'importId'].includes(key)));
    return {
      articles: articles.map(undated),
      segments: (await db.segments.orderBy('id').toArray()).map((segment) => ({ ...undated(segment), articleId: position.get(segment.articleId) })),
      alignments: (await db.alignments.toArray()).map((alignment) => ({ ...undated(alignment), articleId: position.get(alignment.articleId), counterpartId: position.get(alignment.counterpartId) })),
      memory: (await db.memory.orderBy('sourceKey').toArray()).map(undated),
    };
  }

  it('a TMX of real text is stored as it was when its articles were built on the page: the same articles, sentences, links and memory', async () => {
    const tmx = await floresTmx();
    const document = readTmx(tmx);
    expect(document.units.length).toBe(997);
    // The worker's answer crosses to the page as a structured clone: it must be plain data, whole.
    const built = await runArticleTask({ task: 'pair', input: pairInput(document, 'flores.tmx') }, () => {});
    expect(structuredClone(built)).toEqual(built);
    expect('pair' in built && built.pair.links).toEqual(buildAlignedPair(pairInput(document, 'flores.tmx')).links);

    const onPage = new TargumDatabase(`bilingual-${++databases}`);
    await importIntoMemory(onPage, document, { fileName: 'flores.tmx' });
    await createAlignedPair(onPage, pairInput(document, 'flores.tmx'));
    const offPage = new TargumDatabase(`bilingual-${++databases}`);
    const progress: number[] = [];
    const outcome = await importBilingualFile(offPage, 'flores.tmx', new TextEncoder().encode(tmx), undefined, { onProgress: (fraction) => progress.push(fraction) });
    expect(outcome.message).toBe('Imported “FLORES dev” with its English, aligned in 997 pairs. 997 unreviewed pairs kept as references.');
    expect(await stored(offPage)).toEqual(await stored(onPage));
    expect(progress.length).toBeGreaterThan(3);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBeCloseTo(1);
  });

  it('a TMX whose storing is cancelled half-way leaves neither its memory nor its articles', async () => {
    const tmx = await floresTmx();
    const db = new TargumDatabase(`bilingual-${++databases}`);
    const cancel = new AbortController();
    const storing = importBilingualFile(db, 'flores.tmx', new TextEncoder().encode(tmx), undefined, { signal: cancel.signal, onProgress: (fraction) => fraction > 0.6 && cancel.abort() });
    await expect(storing).rejects.toMatchObject({ name: 'AbortError' });
    expect(await stored(db)).toEqual({ articles: [], segments: [], alignments: [], memory: [] });
  });
});
