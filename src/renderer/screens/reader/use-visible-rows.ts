import { useState } from 'react';

/** Which rows of the reading list are on screen, so that their sentences can be translated first. */
export class VisibleRows {
  private indices: number[] = [];
  private readonly listeners = new Set<(indices: number[]) => void>();

  set(indices: number[]): void {
    if (indices.length === this.indices.length && indices.every((index, position) => index === this.indices[position])) return;
    this.indices = indices;
    this.listeners.forEach((listener) => listener(indices));
  }

  get(): number[] {
    return this.indices;
  }

  onChange = (listener: (indices: number[]) => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };
}

export function useVisibleRows(): VisibleRows {
  const [rows] = useState(() => new VisibleRows());
  return rows;
}
