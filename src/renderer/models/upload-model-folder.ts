import { uploadChunkBytes, type TargumApi, type TransferProgress } from '../../common/api/contract';
import { desktopBridgeKey, type DesktopBridge } from '../../common/api/desktop-bridge';

/** The system's folder dialog, on the desktop only (the web page picks folders with its own input). */
export function desktopFolderChooser(): (() => Promise<string | undefined>) | undefined {
  const bridge = (window as unknown as Record<string, DesktopBridge | undefined>)[desktopBridgeKey];
  return bridge ? () => bridge.chooseFolder() : undefined;
}

/** A piece of a file as base64, read by the browser. */
function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}

/** The folder's name and each file's path inside it, from the paths a directory input gives (`folder/onnx/x.onnx`). */
export function folderOfPickedFiles(files: readonly File[]): { name: string; files: Array<{ file: File; path: string }> } {
  const named = files.map((file) => ({ file, parts: (file.webkitRelativePath || file.name).split('/') }));
  const name = named[0]?.parts[0] ?? 'model';
  return { name, files: named.map(({ file, parts }) => ({ file, path: parts.length > 1 ? parts.slice(1).join('/') : parts[0]! })) };
}

/**
 * Sends a folder picked in the web page to the services, file by file in pieces of at most 4 MB, with the
 * bytes sent so far; answers the upload's id for `models.import`. A failure or a cancel drops the upload.
 */
export async function uploadModelFolder(
  api: TargumApi,
  picked: readonly File[],
  options: { signal?: AbortSignal; onProgress?: (progress: TransferProgress) => void } = {},
): Promise<string> {
  const { name, files } = folderOfPickedFiles(picked);
  const total = files.reduce((sum, { file }) => sum + file.size, 0);
  const { uploadId } = await api.models.uploadBegin({ name, files: files.map(({ file, path }) => ({ path, size: file.size })) }, { signal: options.signal });
  try {
    let done = 0;
    options.onProgress?.({ done, total });
    for (const { file, path } of files) {
      for (let offset = 0; offset < file.size; offset += uploadChunkBytes) {
        if (options.signal?.aborted) throw new DOMException('The upload was cancelled', 'AbortError');
        const piece = file.slice(offset, offset + uploadChunkBytes);
        await api.models.uploadChunk({ uploadId, path, offset, data: await base64Of(piece) }, { signal: options.signal });
        done += piece.size;
        options.onProgress?.({ done, total, file: { name: path, done: offset + piece.size, total: file.size } });
      }
    }
    return uploadId;
  } catch (error) {
    await api.models.uploadDiscard({ uploadId }).catch(() => undefined);
    throw error;
  }
}
