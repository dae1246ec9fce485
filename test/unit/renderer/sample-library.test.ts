import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { SampleArticle } from '../../../src/common/api/contract';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { sourceRootDir } from '../../../src/node/app-metadata';
import path from 'node:path';

let databases = 0;
const freshDatabase = () => new TargumDatabase(`test-${++databases}`);
const samples = () => readSampleArticles(path.join(sourceRootDir, 'resources'));

describe('the sample library', () => {
  it('is written on first run with its sentences and languages', async () => {
    const db = freshDatabase();
    expect(await seedSampleLibrary(db, samples)).toBe(true);
    const articles = await db.articles.toArray();
    expect(articles.map((article) => article.originalFileName)).toEqual((await samples()).map((sample) => sample.fileName));
    expect(articles.map((article) => article.language)).toEqual(['he', 'ar', 'ar', 'ar', 'ar']);
    expect(articles.every((article) => article.origin === 'sample' && article.originalText.length > 1000)).toBe(true);
    const hebrewSentences = await db.segments.where('articleId').equals(articles[0]!.id!).toArray();
    expect(hebrewSentences.length).toBeGreaterThan(10);
    expect(hebrewSentences[0]!.text.startsWith('ארגון דאעש מסר היום (חמישי)')).toBe(true);
  });

  it('is never written twice, even when two windows open at once', async () => {
    const db = freshDatabase();
    await Promise.all([seedSampleLibrary(db, samples), seedSampleLibrary(db, samples)]);
    await seedSampleLibrary(db, samples);
    expect(await db.articles.count()).toBe(5);
  });

  it('is not written again after the user deletes it', async () => {
    const db = freshDatabase();
    await seedSampleLibrary(db, samples);
    await db.articles.clear();
    let asked = false;
    const load = async (): Promise<SampleArticle[]> => {
      asked = true;
      return samples();
    };
    expect(await seedSampleLibrary(db, load)).toBe(false);
    expect(asked).toBe(false);
    expect(await db.articles.count()).toBe(0);
  });
});
