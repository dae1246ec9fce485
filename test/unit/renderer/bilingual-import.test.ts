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

describe('a TMX file into the translation memory', () => {
  it('adds every pair, offers it in the article, and never replaces what the reader confirmed', async () => {
    const { db, article } = await translatedHebrew();
    const tmx = readTmx(await writeTmx(await exported(db, article.id!)));
    const memoryBefore = await db.memory.count();
    expect(memoryBefore).toBe(1);
    await db.edits.clear();
    const result = await importIntoMemory(db, { ...tmx, units: tmx.units.map((unit) => ({ ...unit, target: unit.target.replace('Machine English', 'Memory English') })) });
    expect(result).toEqual({ added: tmx.units.length - 1, keptConfirmed: 1 });
    const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
    expect(sentences[0]!.state).toMatchObject({ origin: 'memory', english: 'Corrected & confirmed "first" sentence.' });
    expect(sentences[4]!.state).toMatchObject({ origin: 'memory', english: 'Memory English 4.', status: 'machine' });
  });
});

describe('a bilingual file from the import panel', () => {
  it('a TMX from elsewhere becomes two aligned articles and fills the memory', async () => {
    const { db, article } = await translatedHebrew();
    const document = await exported(db, article.id!);
    const tmx = await writeTmx({ ...document, title: 'From a colleague' });
    const before = await db.articles.count();
    const outcome = await importBilingualFile(db, 'colleague.tmx', new TextEncoder().encode(tmx));
    expect(outcome.message).toMatch(/^Imported “From a colleague” with its English, aligned in \d+ pairs\. \d+ pairs added to the translation memory\.$/);
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
});
