import { describe, expect, it } from 'vitest';
import { wordDiff, type DiffSegment } from '../../../src/common/text/word-diff';

const spell = (segments: DiffSegment[], side: 'removed' | 'added') =>
  segments
    .filter((segment) => segment.kind === 'same' || segment.kind === side)
    .map((segment) => segment.text)
    .join('');

describe('wordDiff', () => {
  it('shows the corrected words, whole, against the machine translation', () => {
    const machine = 'The army of Syria withdrew from the area.';
    const corrected = 'The Syrian army withdrew from the region.';
    const segments = wordDiff(machine, corrected);
    expect(segments).toEqual([
      { kind: 'same', text: 'The ' },
      { kind: 'added', text: 'Syrian ' },
      { kind: 'same', text: 'army ' },
      { kind: 'removed', text: 'of Syria ' },
      { kind: 'same', text: 'withdrew from the ' },
      { kind: 'removed', text: 'area' },
      { kind: 'added', text: 'region' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('keeps a replaced run of words together: removed words before added ones, the spaces between them inside', () => {
    expect(wordDiff('ISIS fighters killed twenty Hezbollah men.', 'ISIS said it killed 20 Hezbollah fighters.')).toEqual([
      { kind: 'same', text: 'ISIS ' },
      { kind: 'removed', text: 'fighters ' },
      { kind: 'added', text: 'said it ' },
      { kind: 'same', text: 'killed ' },
      { kind: 'removed', text: 'twenty' },
      { kind: 'added', text: '20' },
      { kind: 'same', text: ' Hezbollah ' },
      { kind: 'removed', text: 'men' },
      { kind: 'added', text: 'fighters' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('compares whole words in any script and words with apostrophes', () => {
    expect(wordDiff('צבא לבנון תקף', 'צבא סוריה תקף')).toEqual([
      { kind: 'same', text: 'צבא ' },
      { kind: 'removed', text: 'לבנון' },
      { kind: 'added', text: 'סוריה' },
      { kind: 'same', text: ' תקף' },
    ]);
    expect(wordDiff("Hezbollah's fighters", 'Hizballah’s fighters')).toEqual([
      { kind: 'removed', text: "Hezbollah's" },
      { kind: 'added', text: 'Hizballah’s' },
      { kind: 'same', text: ' fighters' },
    ]);
  });

  it('spells both texts exactly, white space and line breaks included', () => {
    const pairs: Array<[string, string]> = [
      ['The Lebanese army  continued its preparations\nfor the attack.', 'The Lebanese Army continued preparing for the assault…'],
      ['', 'Daesh withdrew.'],
      ['Daesh withdrew.', ''],
      ['  leading space', 'leading space  '],
    ];
    for (const [machine, corrected] of pairs) {
      const segments = wordDiff(machine, corrected);
      expect(spell(segments, 'removed')).toBe(machine);
      expect(spell(segments, 'added')).toBe(corrected);
      expect(segments.every((segment) => segment.text !== '')).toBe(true);
    }
  });

  it('is one same segment when nothing changed', () => {
    expect(wordDiff('Nothing changed.', 'Nothing changed.')).toEqual([{ kind: 'same', text: 'Nothing changed.' }]);
  });
});
