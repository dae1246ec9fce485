import type { AlignmentSide } from '../../common/align/types';
import type { AlignmentLinkRecord } from '../data/records';
import type { AlignRequest, AlignResponse } from './align-worker';
import { alignKeepingManual } from './realign';

/**
 * alignKeepingManual in a worker, one worker per call (aligning is rare and takes long enough that starting
 * one costs nothing in comparison); where workers cannot run (unit tests in Node), on this thread.
 */
export function alignOffThread(source: AlignmentSide, target: AlignmentSide, links?: readonly AlignmentLinkRecord[]): Promise<AlignmentLinkRecord[]> {
  if (typeof Worker === 'undefined') return Promise.resolve(alignKeepingManual(source, target, links));
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./align-worker.ts', import.meta.url), { type: 'module', name: 'targum-align' });
    const finish = () => worker.terminate();
    worker.addEventListener('message', (event: MessageEvent<AlignResponse>) => {
      finish();
      if ('links' in event.data) resolve(event.data.links);
      else reject(new Error(event.data.error));
    });
    worker.addEventListener('error', (event) => {
      finish();
      event.preventDefault();
      reject(new Error(`the aligner stopped (${event.message || 'no reason given'})`));
    });
    worker.postMessage({ source, target, ...(links ? { links: [...links] } : {}) } satisfies AlignRequest);
  });
}
