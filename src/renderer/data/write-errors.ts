/** Why a write to the library failed, in words a reader can act on; a full disk or storage quota says so. */
export function describeWriteError(error: unknown): string {
  const names = [error, (error as { inner?: unknown } | undefined)?.inner].map((candidate) => (candidate as { name?: string } | undefined)?.name);
  if (names.includes('QuotaExceededError')) return 'the disk, or the space the browser allows Targum, is full; free some space or delete articles you no longer need, then try again';
  return error instanceof Error ? error.message : String(error);
}
