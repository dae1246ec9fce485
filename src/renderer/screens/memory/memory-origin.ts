import type { MemoryRecord } from '../../data/records';

const day = (timestamp: number) => new Date(timestamp).toLocaleDateString('en-GB', { dateStyle: 'medium' });

/** Where a memory entry came from, in words: confirmed here or by a team member, or the file and date of its import. */
export function memoryOrigin(entry: MemoryRecord): string {
  if (entry.origin === 'confirmed') return entry.team ? `confirmed by ${entry.team.by} on ${day(entry.team.at)}` : `confirmed here on ${day(entry.updatedAt)}`;
  const file = entry.fileName ? `“${entry.fileName}”` : 'an earlier import';
  const reviewed = entry.standing === 'reviewed' ? 'reviewed, ' : '';
  return `${reviewed}from ${file}, imported ${day(entry.importedAt ?? entry.updatedAt)}`;
}
