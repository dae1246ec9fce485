import { stat } from 'node:fs/promises';

/** Whether anything (a file or a folder) is at `target`. */
export async function exists(target: string): Promise<boolean> {
  return stat(target).then(
    () => true,
    () => false,
  );
}

/** The size of the file at `file`; undefined when there is none, or a folder is there. */
export async function fileSize(file: string): Promise<number | undefined> {
  return stat(file).then(
    (info) => (info.isFile() ? info.size : undefined),
    () => undefined,
  );
}

export async function isFile(file: string): Promise<boolean> {
  return (await fileSize(file)) !== undefined;
}
