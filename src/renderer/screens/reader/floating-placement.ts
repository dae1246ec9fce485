/** A word's box in the window, as getBoundingClientRect gives it. */
export interface Anchor {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const GAP = 6;
const MARGIN = 8;

/**
 * Where a panel of `height` opens beside a word: below it when it fits there, else above it when it fits
 * there, else on the side with more room, cut to that room (the panel scrolls). The panel never covers the
 * word and stays inside the window.
 */
export function placeBeside(anchor: Anchor, height: number, windowHeight: number): { top: number; maxHeight: number } {
  const below = Math.max(0, windowHeight - MARGIN - (anchor.bottom + GAP));
  const above = Math.max(0, anchor.top - GAP - MARGIN);
  if (height <= below) return { top: anchor.bottom + GAP, maxHeight: below };
  if (height <= above) return { top: anchor.top - GAP - height, maxHeight: above };
  return below >= above ? { top: anchor.bottom + GAP, maxHeight: below } : { top: MARGIN, maxHeight: above };
}
