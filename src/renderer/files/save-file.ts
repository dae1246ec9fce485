/**
 * Hands a file to the user: a download in the browser, the system's Save dialog in the desktop app
 * (Electron asks where to save every download the page starts).
 */
export function saveFile(fileName: string, contents: Blob): void {
  const url = URL.createObjectURL(contents);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
