import { describe, expect, it } from 'vitest';
import { memoryStanding, trustableReview } from '../../../src/common/formats/memory-standing';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { readXliff } from '../../../src/common/formats/xliff-reader';

const xliff = (units: string) =>
  `<?xml version="1.0"?><xliff version="1.2"><file source-language="he" target-language="en" datatype="plaintext" original="t"><body>${units}</body></file></xliff>`;
const unit = (id: number, attributes: string, state: string) =>
  `<trans-unit id="${id}"${attributes}><source>משפט ${id}.</source><target${state}>Sentence ${id}.</target></trans-unit>`;

describe('what a file says of its units’ review', () => {
  it('XLIFF: final, signed-off and approved are reviewed; translated is the user’s call; the rest are references', () => {
    const document = readXliff(
      xliff(
        unit(1, '', ' state="final"') +
          unit(2, '', ' state="signed-off"') +
          unit(3, ' approved="yes"', '') +
          unit(4, '', ' state="translated"') +
          unit(5, '', ' state="needs-review-translation"') +
          unit(6, '', ''),
      ),
    );
    const reviews = document.units.map((read) => read.review);
    expect(reviews).toEqual(['reviewed', 'reviewed', 'reviewed', 'translated', 'unreviewed', 'unreviewed']);
    expect(reviews.map((review) => memoryStanding(review))).toEqual(['reviewed', 'reviewed', 'reviewed', 'reference', 'reference', 'reference']);
    expect(reviews.map((review) => memoryStanding(review, { translated: true, unmarked: true }))).toEqual(['reviewed', 'reviewed', 'reviewed', 'reviewed', 'reference', 'reference']);
    expect(trustableReview(reviews)).toBe('translated');
  });

  it('TMX: Targum’s confirmed units are reviewed, its machine units references; a TMX silent on review is the user’s call', () => {
    const tu = (text: string, status?: string) =>
      `<tu>${status ? `<prop type="x-targum-status">${status}</prop>` : ''}<tuv xml:lang="he"><seg>${text}</seg></tuv><tuv xml:lang="en"><seg>${text} in English</seg></tuv></tu>`;
    const document = readTmx(`<tmx version="1.4"><header srclang="he" segtype="sentence" creationtool="Targum" creationtoolversion="1" adminlang="en" datatype="plaintext" o-tmf="targum"/><body>${tu('א', 'confirmed')}${tu('ב', 'machine')}${tu('ג', 'edited')}${tu('ד')}</body></tmx>`);
    const reviews = document.units.map((read) => read.review);
    expect(reviews).toEqual(['reviewed', 'unreviewed', 'unreviewed', 'unmarked']);
    expect(reviews.map((review) => memoryStanding(review))).toEqual(['reviewed', 'reference', 'reference', 'reference']);
    expect(memoryStanding('unmarked', { translated: false, unmarked: true })).toBe('reviewed');
    expect(trustableReview(reviews)).toBe('unmarked');
    expect(trustableReview(['reviewed', 'unreviewed'])).toBeUndefined();
  });
});
