import 'fake-indexeddb/auto';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallOptions, TargumApi, TranslateParams, TranslationProgress, TranslationSummary } from '../../../src/common/api/contract';
import { ApiCallError } from '../../../src/common/api/reply';
import { sourceRootDir } from '../../../src/node/app-metadata';
import { readSampleArticles } from '../../../src/node/services/sample-library';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { onTranslationsStored } from '../../../src/renderer/data/translations';
import { seedSampleLibrary } from '../../../src/renderer/data/sample-library';
import { TaskStore } from '../../../src/renderer/tasks/task-store';
import { ArticleTranslator, translationTaskId } from '../../../src/renderer/translation/article-translator';

let databases = 0;

/** An API whose translate runs `respond` with the call's params, options and the control messages it got. */
function apiTranslating(respond: (params: TranslateParams, options: CallOptions<TranslationProgress>, controls: unknown[]) => Promise<TranslationSummary>) {
  const controls: unknown[] = [];
  const api = {
    host: 'web',
    translation: {
      translate: (params: TranslateParams, options: CallOptions<TranslationProgress> = {}) =>
        Object.assign(respond(params, options, controls), { control: (message: unknown) => controls.push(message) }),
    },
  } as unknown as TargumApi;
  return { api, controls };
}

async function hebrewArticle() {
  const db = new TargumDatabase(`translator-${++databases}`);
  await seedSampleLibrary(db, () => readSampleArticles(path.join(sourceRootDir, 'resources')));
  const article = (await db.articles.toArray()).find((candidate) => candidate.language === 'he')!;
  const segments = await db.segments.where('articleId').equals(article.id!).toArray();
  return { db, article, segments: segments.slice(0, 3) };
}

const summary = (translated: number, cancelled = false): TranslationSummary => ({ translated, cancelled, modelId: 'm', dtype: 'q8' });

describe('the article translator', () => {
  it('stores each batch of English it receives, and finishes the task once all is stored', async () => {
    const { db, article, segments } = await hebrewArticle();
    const { api } = apiTranslating(async (params, options) => {
      const result = (index: number) => ({
        segmentId: params.segments[index]!.id,
        text: `English ${index}`,
        modelId: 'm',
        dtype: 'q8' as const,
        createdAt: 1,
        ...(index === 2 ? {} : { confidence: 0.5 + index / 10, unsure: [{ start: 0, end: 7 }] }),
      });
      options.onProgress?.({ done: 0, total: 3, results: [] });
      options.onProgress?.({ done: 2, total: 3, results: [result(0), result(1)] });
      options.onProgress?.({ done: 3, total: 3, results: [result(2)] });
      return summary(3);
    });
    const tasks = new TaskStore();
    const batches: number[] = [];
    onTranslationsStored(db, (rows) => batches.push(rows.length));
    await new ArticleTranslator(api, db, tasks).translate(article, segments, {});
    expect(batches).toEqual([2, 1]);
    const stored = await db.translations.where('articleId').equals(article.id!).toArray();
    const pairs = (list: string[][]) => list.map((pair) => pair.join(' → ')).sort();
    expect(pairs(stored.map((translation) => [translation.source, translation.text]))).toEqual(pairs(segments.map((segment, index) => [segment.text, `English ${index}`])));
    expect(tasks.getSnapshot().get(translationTaskId(article.id!))).toMatchObject({ done: 3, total: 3, finished: true, error: undefined });
    // How sure the model was is kept beside model and precision; English without it stays without.
    const byText = new Map(stored.map((translation) => [translation.text, translation]));
    expect(byText.get('English 1')).toMatchObject({ modelId: 'm', precision: 'q8', confidence: 0.6, unsure: [{ start: 0, end: 7 }] });
    expect(byText.get('English 2')).not.toHaveProperty('confidence');
  });

  it("keeps a 'no-model' failure's code for the reader to offer a model", async () => {
    const { db, article, segments } = await hebrewArticle();
    const { api } = apiTranslating(async () => {
      throw new ApiCallError('no-model', 'no translation model is installed for he→en');
    });
    const tasks = new TaskStore();
    await new ArticleTranslator(api, db, tasks).translate(article, segments, {});
    expect(tasks.getSnapshot().get(translationTaskId(article.id!))).toMatchObject({ finished: true, errorCode: 'no-model' });
  });

  it('moves sentences forward and cancels through its own call; a cancelled translation is no error', async () => {
    const { db, article, segments } = await hebrewArticle();
    const { api, controls } = apiTranslating(
      (_params, options) => new Promise((resolve) => options.signal!.addEventListener('abort', () => resolve(summary(0, true)))),
    );
    const tasks = new TaskStore();
    const translator = new ArticleTranslator(api, db, tasks);
    const running = translator.translate(article, segments, {});
    translator.prioritize(article.id!, [segments[2]!.id!]);
    expect(controls).toEqual([{ prioritize: [String(segments[2]!.id)] }]);
    tasks.getSnapshot().get(translationTaskId(article.id!))!.cancel!();
    await running;
    expect(tasks.getSnapshot().get(translationTaskId(article.id!))).toMatchObject({ finished: true, error: undefined });
    expect(translator.isRunning(article.id!)).toBe(false);
  });

  it('stops its call and says why when the English cannot be saved', async () => {
    const { db, article, segments } = await hebrewArticle();
    let aborted = false;
    const { api } = apiTranslating(async (params, options) => {
      options.signal!.addEventListener('abort', () => (aborted = true));
      options.onProgress?.({ done: 1, total: 3, results: [{ segmentId: params.segments[0]!.id, text: 'English', modelId: 'm', dtype: 'q8', createdAt: 1 }] });
      await new Promise((resolve) => setTimeout(resolve, 20));
      return summary(1);
    });
    const tasks = new TaskStore();
    db.close();
    await new ArticleTranslator(api, db, tasks).translate(article, segments, {});
    expect(aborted).toBe(true);
    expect(tasks.getSnapshot().get(translationTaskId(article.id!))?.error).toMatch(/^Translation stopped: the English could not be saved \(.+\)\.$/);
  });
});
