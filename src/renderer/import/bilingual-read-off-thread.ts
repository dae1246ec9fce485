import type { BilingualDocument } from '../../common/formats/bilingual-document';
import { BilingualImportError, readBilingualFile, type ReadProgress } from '../../common/formats/bilingual-readers';
import type { BilingualReadMessage, BilingualReadRequest } from './bilingual-read-worker';

/**
 * readBilingualFile in a worker, one per file, reporting how far it has read; a file the reader refuses is refused
 * with the reader's sentence, as on this thread. Where workers cannot run (unit tests in Node), on this thread.
 */
export function readBilingualOffThread(fileName: string, bytes: Uint8Array, onProgress?: ReadProgress): Promise<BilingualDocument> {
  if (typeof Worker === 'undefined') return Promise.resolve().then(() => readBilingualFile(fileName, bytes, undefined, onProgress));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./bilingual-read-worker.ts', import.meta.url), { type: 'module', name: 'targum-read-pairs' });
    worker.addEventListener('message', (event: MessageEvent<BilingualReadMessage>) => {
      const message = event.data;
      if ('progress' in message) return onProgress?.(message.progress);
      worker.terminate();
      if ('document' in message) resolve(message.document);
      else reject(message.refused ? new BilingualImportError(message.error) : new Error(message.error));
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      event.preventDefault();
      reject(new Error(`the file reader stopped (${event.message || 'no reason given'})`));
    });
    worker.postMessage({ fileName, bytes } satisfies BilingualReadRequest);
  });
}
