import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../../src/renderer/library/article-text';
import { foldWithOrigins, snippetOf } from '../../../src/renderer/library/snippet';

const marked = (text: string, query: string) =>
  snippetOf([text], searchTerms(query))
    ?.parts.filter((part) => part.match)
    .map((part) => part.text);

describe('the passage shown for a search', () => {
  it('marks the words as written, diacritics and all, when found without them', () => {
    expect(marked('قال إن تنظيم داعش الإرْهابيّ يحرق مقراته', 'الارهابي')).toEqual(['الإرْهابيّ']);
    expect(marked('הירי של אַרְטִילֶרְיָה נמשך', 'ארטילריה')).toEqual(['אַרְטִילֶרְיָה']);
    expect(marked('ISIS Conveyed a request; the REQUEST was refused', 'request')).toEqual(['request', 'REQUEST']);
  });

  it('is a stretch of whole words around the first match, with ellipses where text was cut', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`);
    const snippet = snippetOf([words.join(' ')], ['word40'])!;
    const text = snippet.parts.map((part) => part.text).join('');
    expect(snippet.before && snippet.after).toBe(true);
    expect(text.startsWith('word')).toBe(true);
    expect(text.split(' ').every((word) => words.includes(word))).toBe(true);
    expect(text).toContain('word40');
  });

  it('comes from the first paragraph with a match, and says so when none has one', () => {
    const snippet = snippetOf(['no match here', 'the second paragraph matches', 'and the third too'], ['match'])!;
    expect(snippet.parts.map((part) => part.text).join('')).toBe('no match here');
    const later = snippetOf(['nothing', 'the second paragraph has it', 'the third has it too'], ['has'])!;
    expect(later.parts.map((part) => part.text).join('')).toBe('the second paragraph has it');
    expect([later.before, later.after]).toEqual([true, true]);
    expect(snippetOf(['nothing to see'], ['absent'])).toBeUndefined();
  });

  it('maps each folded character back to the one it came from', () => {
    const { folded, origins } = foldWithOrigins('بِسْمِ ٣');
    expect(folded).toBe('بسم 3');
    expect([...origins]).toEqual([0, 2, 4, 6, 7, 8]);
  });
});
