import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ModelUpload } from '../../common/api/contract';
import { ModelFolderError } from '../translation/model-folder';
import { stagingFolderName } from './model-registry';

interface Upload {
  folder: string;
  /** Each file's size as announced, and the bytes received so far. */
  files: Map<string, { size: number; received: number }>;
}

/** Uploads not imported after this long are dropped when the next one starts. */
const abandonedAfterMs = 24 * 60 * 60 * 1000;

/**
 * Model folders sent from the web page's folder picker, file by file in pieces, into a staging folder in the
 * models folder; once complete, they are imported like any folder. Each piece must follow the one before it.
 */
export class ModelUploads {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly modelsDir: string,
    private readonly sizeLimitBytes: () => Promise<number>,
  ) {}

  async begin({ name, files }: ModelUpload): Promise<{ uploadId: string }> {
    const limit = await this.sizeLimitBytes();
    const tooLarge = files.find((file) => file.size > limit);
    if (tooLarge) throw new ModelFolderError(`${tooLarge.path} is larger than the import size limit (${Math.round(limit / 1024 ** 2)} MB, in Settings)`);
    if (new Set(files.map((file) => file.path)).size !== files.length) throw new ModelFolderError('the folder lists a file twice');
    await this.dropAbandoned();
    const uploadId = randomUUID();
    const folder = path.join(this.uploadsDir, uploadId, name);
    await mkdir(folder, { recursive: true });
    for (const file of files) {
      const target = resolveInside(folder, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      await (await open(target, 'w')).close();
    }
    this.uploads.set(uploadId, { folder, files: new Map(files.map((file) => [file.path, { size: file.size, received: 0 }])) });
    return { uploadId };
  }

  async chunk(uploadId: string, filePath: string, offset: number, data: Buffer): Promise<{ received: number }> {
    const upload = this.get(uploadId);
    const file = upload.files.get(filePath);
    if (!file) throw new ModelFolderError(`${filePath} is not one of the upload's files`);
    if (offset !== file.received) throw new ModelFolderError(`${filePath}: expected the piece at byte ${file.received}, not ${offset}`);
    if (file.received + data.length > file.size) throw new ModelFolderError(`${filePath} is larger than announced (${file.size} bytes)`);
    const handle = await open(resolveInside(upload.folder, filePath), 'a');
    try {
      await handle.write(data);
    } finally {
      await handle.close();
    }
    file.received += data.length;
    return { received: file.received };
  }

  /** The folder of a complete upload, to import. */
  completeFolder(uploadId: string): string {
    const upload = this.get(uploadId);
    const missing = [...upload.files].find(([, file]) => file.received !== file.size);
    if (missing) throw new ModelFolderError(`the upload is incomplete: ${missing[0]} has ${missing[1].received} of ${missing[1].size} bytes`);
    return upload.folder;
  }

  async discard(uploadId: string): Promise<void> {
    this.uploads.delete(uploadId);
    await rm(path.join(this.uploadsDir, uploadId), { recursive: true, force: true });
  }

  private get uploadsDir(): string {
    return path.join(this.modelsDir, stagingFolderName, 'uploads');
  }

  private get(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new ModelFolderError('no such upload: it was imported, discarded, or the services restarted; choose the folder again');
    return upload;
  }

  private async dropAbandoned(): Promise<void> {
    const entries = await readdir(this.uploadsDir).catch(() => []);
    for (const entry of entries) {
      if (this.uploads.has(entry)) continue;
      const info = await stat(path.join(this.uploadsDir, entry)).catch(() => undefined);
      if (info && Date.now() - info.mtimeMs > abandonedAfterMs) await rm(path.join(this.uploadsDir, entry), { recursive: true, force: true });
    }
  }
}

/** A file's place in an upload's folder; the schema already refuses `..` and absolute paths, this makes sure. */
function resolveInside(folder: string, relative: string): string {
  const target = path.resolve(folder, ...relative.split('/'));
  if (!target.startsWith(folder + path.sep)) throw new ModelFolderError(`${relative} is not inside the folder`);
  return target;
}
