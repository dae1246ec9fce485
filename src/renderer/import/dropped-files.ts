import type { ImportCandidate } from './import-files';

/** Every file in a directory entry and its subfolders, with its path from the dropped folder. */
async function filesIn(directory: FileSystemDirectoryEntry): Promise<ImportCandidate[]> {
  const reader = directory.createReader();
  const entries: FileSystemEntry[] = [];
  // readEntries gives a batch at a time (100 in Chromium) until it gives none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    entries.push(...batch);
  }
  const nested = await Promise.all(entries.sort((a, b) => a.name.localeCompare(b.name)).map(candidatesOf));
  return nested.flat();
}

async function candidatesOf(entry: FileSystemEntry): Promise<ImportCandidate[]> {
  if (entry.name.startsWith('.')) return []; // .DS_Store, .git and the like
  if (entry.isDirectory) return filesIn(entry as FileSystemDirectoryEntry);
  const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
  return [{ file, path: entry.fullPath.replace(/^\//, '') }];
}

/**
 * The files of a drop: dropped files as they are, dropped folders walked through (subfolders included). The
 * entries must be taken while the drop event is being handled; they are read afterwards.
 */
export async function droppedFiles(data: DataTransfer): Promise<ImportCandidate[]> {
  const dropped = [...data.items]
    .filter((item) => item.kind === 'file')
    .map((item) => ({ entry: item.webkitGetAsEntry?.() ?? null, file: item.getAsFile() }));
  const lists = await Promise.all(
    dropped.map(({ entry, file }): Promise<ImportCandidate[]> | ImportCandidate[] =>
      entry?.isDirectory ? filesIn(entry as FileSystemDirectoryEntry) : file ? [{ file }] : [],
    ),
  );
  return lists.flat();
}

/** The files of a folder picker (`<input webkitdirectory>`), with their paths, hidden files left out. */
export function pickedFolderFiles(files: FileList): ImportCandidate[] {
  return [...files]
    .filter((file) => !file.webkitRelativePath.split('/').some((part) => part.startsWith('.')))
    .sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath))
    .map((file) => ({ file, path: file.webkitRelativePath || file.name }));
}
