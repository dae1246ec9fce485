import { describe, expect, it } from 'vitest';
import { nameFacts } from '../../../src/common/align/facts';

const names = (english: string): string[] => nameFacts(english).map((fact) => fact.text);

describe('names in English text', () => {
  it('does not take weekdays, months or common words for names', () => {
    expect(names('The strike took place on Saturday in the north of Gaza.')).toEqual(['Gaza']);
    expect(names('Talks resumed in March, officials said on Monday.')).toEqual([]);
    expect(names('Speaking Tuesday, Mr Netanyahu said that Hezbollah would pay.')).toEqual(['Netanyahu', 'Hezbollah']);
  });

  it('keeps the name when a common word stands before or after it', () => {
    const facts = nameFacts('He met on Saturday Hassan Nasrallah in Beirut.');
    expect(facts.map((fact) => fact.text)).toEqual(['Hassan Nasrallah', 'Beirut']);
    const [first] = facts;
    expect('He met on Saturday Hassan Nasrallah in Beirut.'.slice(first!.start, first!.end)).toBe('Hassan Nasrallah');
  });
});
