/** Runs the aligner away from the page, so that a long article does not hold up the screen while it aligns. */
import type { AlignmentSide } from '../../common/align/types';
import type { AlignmentLinkRecord } from '../data/records';
import { alignKeepingManual } from './realign';

export interface AlignRequest {
  source: AlignmentSide;
  target: AlignmentSide;
  links?: AlignmentLinkRecord[];
}

export type AlignResponse = { links: AlignmentLinkRecord[] } | { error: string };

addEventListener('message', (event: MessageEvent<AlignRequest>) => {
  const { source, target, links } = event.data;
  let response: AlignResponse;
  try {
    response = { links: alignKeepingManual(source, target, links) };
  } catch (error) {
    response = { error: error instanceof Error ? error.message : String(error) };
  }
  postMessage(response);
});
