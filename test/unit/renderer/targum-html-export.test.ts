import 'fake-indexeddb/auto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bilingualFromTranslation } from '../../../src/common/formats/bilingual-document';
import { writeHtml } from '../../../src/common/formats/html-writer';
import { writeDocx } from '../../../src/common/formats/docx-writer';
import { readTargumDocxExport } from '../../../src/common/formats/docx-export-reader';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { nodeHtmlWindow } from '../../../src/node/import/html-window';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { saveSegment } from '../../../src/renderer/data/article-changes';
import { loadArticleView } from '../../../src/renderer/data/article-view';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';
import { articleDocument } from '../../../src/renderer/export/article-document';
import { importBilingualDocument } from '../../../src/renderer/import/bilingual-import';
import { articleDocx } from '../../support/docx-fixtures';
import { readTargumHtmlExport, type ParsingWindow } from '../../../src/renderer/import/targum-html-export';

describe("Targum's own HTML export, imported back", () => {
  it('becomes an aligned pair of the source and its English, statuses and paragraphs kept', async () => {
    const db = new TargumDatabase('html-export-back');
    await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
    const article = (await db.articles.toArray()).find((candidate) => candidate.language === 'he')!;
    const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
    await db.translations.bulkAdd(sentences.map((sentence, index) => ({ articleId: article.id!, source: sentence.segment.text, text: `Machine English ${index}.`, modelId: 'test', precision: 'q8', createdAt: 1 })));
    await saveSegment(db, article, sentences[0]!.segment.text, null, { text: 'A corrected <first> sentence & more.', status: 'confirmed' });
    const view = (await loadArticleView(db, article.id!))!;
    const exported = bilingualFromTranslation(articleDocument(view, 'he', undefined), { title: view.article.title, toolVersion: '0.1.0' });
    const html = await writeHtml(exported);

    const window = (await nodeHtmlWindow()) as unknown as ParsingWindow;
    const read = readTargumHtmlExport(html, window)!;
    expect(read).toMatchObject({ title: view.article.title, sourceLanguage: 'he', targetLanguage: 'en' });
    expect(read.units.map((unit) => [unit.source, unit.target, unit.status, unit.paragraph])).toEqual(
      exported.units.map((unit) => [unit.source, unit.target, unit.status, unit.paragraph]),
    );

    const outcome = await importBilingualDocument(db, 'export.html', read);
    expect(outcome.message).toMatch(/with its English, aligned in \d+ pairs/);
    const pair = await db.alignments.where('articleId').equals(outcome.articleId!).first();
    expect(pair).toBeDefined();
  });

  it('reads a DOCX export back as the same pairs and statuses', async () => {
    const db = new TargumDatabase('docx-export-back');
    await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
    const article = (await db.articles.toArray()).find((candidate) => candidate.language === 'ar')!;
    const sentences = (await loadArticleView(db, article.id!))!.paragraphs.flat();
    await db.translations.bulkAdd(sentences.map((sentence, index) => ({ articleId: article.id!, source: sentence.segment.text, text: `Machine English ${index}.`, modelId: 'test', precision: 'q8', createdAt: 1 })));
    await saveSegment(db, article, sentences[1]!.segment.text, null, { text: 'An edited second sentence.', status: 'edited' });
    const view = (await loadArticleView(db, article.id!))!;
    const exported = bilingualFromTranslation(articleDocument(view, 'ar', undefined), { title: view.article.title, toolVersion: '0.1.0' });
    const read = readTargumDocxExport(await writeDocx(exported))!;
    expect(read).toMatchObject({ title: view.article.title, sourceLanguage: 'ar', targetLanguage: 'en' });
    expect(read.units.map((unit) => [unit.source, unit.target, unit.status])).toEqual(exported.units.map((unit) => [unit.source, unit.target, unit.status]));
    const outcome = await importBilingualDocument(db, 'export.docx', read);
    expect(outcome.message).toMatch(/with its English, aligned in \d+ pairs/);
  });

  it('leaves any other Word document to the article import', async () => {
    expect(readTargumDocxExport(await articleDocx('כותרת\nפסקה ראשונה של הכתבה.'))).toBeUndefined();
  });

  it('leaves any other web page to the article import', async () => {
    const window = (await nodeHtmlWindow()) as unknown as ParsingWindow;
    expect(readTargumHtmlExport('<html><head><title>x</title></head><body><table><tr><td lang="he">א</td><td lang="en">a</td></tr></table></body></html>', window)).toBeUndefined();
  });
});
