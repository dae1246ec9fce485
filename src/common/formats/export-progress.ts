export interface ExportProgress {
  /** Called with the units written so far and the total, now and then and once at the end. */
  onProgress?: (done: number, total: number) => void;
  /** Awaited between chunks so that a user interface can repaint (in a browser: a zero-delay timeout). */
  pause?: () => Promise<void>;
}

const chunkSize = 2000;

/** Maps every item, reporting progress and pausing after each chunk of items. */
export async function mapWithProgress<T, R>(items: readonly T[], map: (item: T, index: number) => R, progress: ExportProgress = {}): Promise<R[]> {
  const results = new Array<R>(items.length);
  for (let start = 0; start < items.length; start += chunkSize) {
    const end = Math.min(items.length, start + chunkSize);
    for (let index = start; index < end; index++) results[index] = map(items[index]!, index);
    progress.onProgress?.(end, items.length);
    if (end < items.length) await progress.pause?.();
  }
  if (items.length === 0) progress.onProgress?.(0, 0);
  return results;
}
