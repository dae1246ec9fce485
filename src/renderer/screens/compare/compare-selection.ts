import { useSyncExternalStore } from 'react';

/**
 * The articles chosen for comparison, first the one the others are compared with. Kept for the session
 * outside the screen, so that a visit to the reader (to correct a translation) comes back to the same comparison.
 */
let chosen: readonly number[] = [];
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function setChosenArticles(ids: readonly number[]): void {
  chosen = ids;
  listeners.forEach((listener) => listener());
}

export function useChosenArticles(): readonly number[] {
  return useSyncExternalStore(subscribe, () => chosen);
}
