import { describe, expect, it } from 'vitest';
import { placeBeside } from '../../../src/renderer/screens/reader/floating-placement';

const word = (top: number) => ({ top, bottom: top + 24, left: 100, right: 160 });
const covers = (top: number, height: number, anchor: { top: number; bottom: number }) => top < anchor.bottom && top + height > anchor.top;

describe('a panel opened beside a word', () => {
  it('opens right below the word when it fits there', () => {
    expect(placeBeside(word(100), 150, 800)).toEqual({ top: 130, maxHeight: 800 - 8 - 130 });
  });

  it('opens right above a word near the bottom of the window, touching it, not far above', () => {
    const anchor = word(700);
    const { top } = placeBeside(anchor, 150, 800);
    expect(top + 150).toBe(anchor.top - 6);
    expect(covers(top, 150, anchor)).toBe(false);
  });

  it('takes the side with more room when it fits on neither, cut to that room, never over the word', () => {
    for (const at of [150, 400, 650]) {
      const anchor = word(at);
      const { top, maxHeight } = placeBeside(anchor, 2000, 800);
      expect(top).toBeGreaterThanOrEqual(8);
      expect(top + maxHeight).toBeLessThanOrEqual(800 - 8);
      expect(covers(top, maxHeight, anchor)).toBe(false);
    }
  });
});
