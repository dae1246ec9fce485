import { useEffect, useState } from 'react';

/** Which rows of the reading grid are on screen, so their sentences can be translated first. */
class VisibleRows {
  private readonly visible = new Set<number>();
  private readonly listeners = new Set<(indices: number[]) => void>();
  private readonly indexOf = new Map<Element, number>();
  private readonly observer = new IntersectionObserver((entries) => {
    for (const entry of entries) {
      const index = this.indexOf.get(entry.target);
      if (index === undefined) continue;
      if (entry.isIntersecting) this.visible.add(index);
      else this.visible.delete(index);
    }
    const indices = [...this.visible].sort((a, b) => a - b);
    this.listeners.forEach((listener) => listener(indices));
  });

  /** A ref callback for row `index`. */
  observe = (index: number) => (element: HTMLElement | null) => {
    if (!element) return;
    this.indexOf.set(element, index);
    this.observer.observe(element);
    return () => {
      this.observer.unobserve(element);
      this.indexOf.delete(element);
      this.visible.delete(index);
    };
  };

  isVisible = (index: number): boolean => this.visible.has(index);

  onChange = (listener: (indices: number[]) => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  disconnect(): void {
    this.observer.disconnect();
  }
}

export function useVisibleRows(): VisibleRows {
  const [rows] = useState(() => new VisibleRows());
  useEffect(() => () => rows.disconnect(), [rows]);
  return rows;
}
