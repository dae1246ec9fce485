import type { ArticleTaskMessage, ArticleTaskRequest } from './article-read-worker';
import type { ArticleTask, ArticleTaskResult, TaskProgress } from './article-reading';
import { ArticleImportError, type ImportedArticle } from '../../common/import/article-import';
import { finishPageSource, type ImportSource } from '../../common/import/import-source';
import type { TextLanguage } from '../../common/text/language';

/** Runs article tasks (article-reading.ts) one after another in a worker of its own; `close` ends the worker. */
export interface ArticleReader {
  run(task: ArticleTask, onProgress?: TaskProgress): Promise<ArticleTaskResult>;
  close(): void;
}

interface Pending {
  resolve: (result: ArticleTaskResult) => void;
  reject: (error: Error) => void;
  onProgress?: TaskProgress;
}

function workerReader(): ArticleReader {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, Pending>();
  const stop = (reason: string) => {
    worker?.terminate();
    worker = undefined;
    for (const task of pending.values()) task.reject(new Error(`the file reader stopped (${reason})`));
    pending.clear();
  };
  const started = (): Worker => {
    if (worker) return worker;
    const created = new Worker(new URL('./article-read-worker.ts', import.meta.url), { type: 'module', name: 'targum-read-articles' });
    created.addEventListener('message', (event: MessageEvent<ArticleTaskMessage>) => {
      const message = event.data;
      const task = pending.get(message.id);
      if (!task) return;
      if ('progress' in message) return task.onProgress?.(message.progress);
      pending.delete(message.id);
      if ('result' in message) task.resolve(message.result);
      else task.reject(message.refused ? new ArticleImportError(message.error) : new Error(message.error));
    });
    created.addEventListener('error', (event) => {
      event.preventDefault();
      stop(event.message || 'no reason given');
    });
    worker = created;
    return created;
  };
  return {
    run(task, onProgress) {
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
        started().postMessage({ ...task, id } satisfies ArticleTaskRequest);
      });
    },
    close: () => stop('closed'),
  };
}

/** Where workers cannot run (unit tests in Node): the same tasks on this thread, loaded when first needed. */
function sameThreadReader(): ArticleReader {
  return {
    run: async (task, onProgress) => (await import('./article-reading')).runArticleTask(task, onProgress ?? (() => {})),
    close: () => {},
  };
}

/**
 * A reader of article files away from the page: decoding, unzipping, parsing a web page and Readability, and
 * building the article (language, sentences, boilerplate) run in a worker, so a large file never holds the
 * screen; a file it cannot read is refused with the same sentence as on the page.
 */
export function openArticleReader(): ArticleReader {
  return typeof Worker === 'undefined' ? sameThreadReader() : workerReader();
}

/**
 * The article of a file the reader read (its `read` task): a web page's article is sanitised here, on the page's
 * DOM, then built in the reader, in `language` when the user chose one.
 */
export async function articleOf(reader: ArticleReader, read: ArticleTaskResult, language?: TextLanguage, onProgress?: TaskProgress): Promise<{ source: ImportSource; article: ImportedArticle }> {
  const result = 'page' in read ? await reader.run({ task: 'build', source: finishPageSource(read.page, window), ...(language ? { language } : {}) }, onProgress) : read;
  if (!('source' in result)) throw new Error('the article reader answered out of turn');
  return result;
}
