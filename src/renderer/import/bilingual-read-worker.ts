/** Reads a TMX, XLIFF or TSV file away from the page, so that a large file does not hold up the screen while it is read. */
import { BilingualImportError, readBilingualFile } from '../../common/formats/bilingual-readers';
import type { BilingualDocument } from '../../common/formats/bilingual-document';
import { ImportTextError } from '../../common/import/encoding';

export interface BilingualReadRequest {
  fileName: string;
  bytes: Uint8Array;
}

export type BilingualReadMessage =
  | { progress: number }
  | { document: BilingualDocument }
  /** `refused`: the reader's own sentence for the user (a file it cannot read), not a failure of the reading. */
  | { error: string; refused: boolean };

addEventListener('message', (event: MessageEvent<BilingualReadRequest>) => {
  const { fileName, bytes } = event.data;
  let response: BilingualReadMessage;
  postMessage({ progress: 0 } satisfies BilingualReadMessage);
  try {
    response = { document: readBilingualFile(fileName, bytes, undefined, (progress) => postMessage({ progress } satisfies BilingualReadMessage)) };
  } catch (error) {
    const refused = error instanceof BilingualImportError || error instanceof ImportTextError;
    response = { error: error instanceof Error ? error.message : String(error), refused };
  }
  postMessage(response);
});
