/** Reads article files away from the page, so that a large one does not hold up the screen (see article-reader.ts). */
import { isRefusal, runArticleTask, type ArticleTask, type ArticleTaskResult } from './article-reading';

export type ArticleTaskRequest = ArticleTask & { id: number };

export type ArticleTaskMessage =
  | { id: number; progress: number }
  | { id: number; result: ArticleTaskResult }
  /** `refused`: the reader's own sentence for the user (a file it cannot read), not a failure of the reading. */
  | { id: number; error: string; refused: boolean };

addEventListener('message', (event: MessageEvent<ArticleTaskRequest>) => {
  const { id, ...task } = event.data;
  runArticleTask(task, (progress) => postMessage({ id, progress } satisfies ArticleTaskMessage)).then(
    (result) => postMessage({ id, result } satisfies ArticleTaskMessage),
    (error: unknown) => postMessage({ id, error: error instanceof Error ? error.message : String(error), refused: isRefusal(error) } satisfies ArticleTaskMessage),
  );
});
