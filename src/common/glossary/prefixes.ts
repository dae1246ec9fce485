import type { TextLanguage } from '../text/language';

/**
 * Prefixes (proclitics) a glossed word may carry in running text, on folded words (see foldText).
 *
 * Arabic: conjunction و or ف, then a preposition ب, ك or ل, then the article ال — وال، بال، فال،
 * كال، وب، ول، فل، وبال… and ل + ال written لل (للجيش = ل + الجيش) with the alef dropped.
 * Hebrew: conjunction ו, then ש or כש, then a preposition ב, ל, כ or מ, then the article ה — ו, ה, וה,
 * וב, ש, שה, מה, כש, וכש, ושב… The article is written after מ (מההרים) but swallowed by ב, ל and כ
 * (בצבא = ב + הצבא), so בה, לה and כה are no prefixes (בהרים = ב + הרים).
 * Pronoun suffixes are never stripped (عناصره stays عناصره).
 *
 * Stripping never leaves fewer than MIN_STEM letters. Three, because most Hebrew and Arabic stems
 * are three letters (צבא in בצבא, לצבא, והצבא; جيش in والجيش, للجيش; شكل in بشكل) while two-letter
 * remainders are where chance splits live: מהלך is not מה + לך, מלך is not מ + לך, بلد is not
 * ب + لد, بين is not ب + ين, الله is not ال + له. Four would lose the three-letter stems.
 *
 * The "as, like" preposition (Hebrew כ, Arabic ك) alone before a word needs AS_MIN_STEM (four)
 * letters: it is rare before an indefinite word in news text while words that merely begin with
 * its letter are common, so a three-letter remainder is more often an accident (كتاب is not
 * ك + تاب, كمال not ك + مال, כמות not כ + מות) while كلاجئين = ك + لاجئين and כמוצב = כ + מוצב
 * still split. With the article (كالجيش) the usual minimum applies.
 */
export const MIN_STEM = 3;
export const AS_MIN_STEM = 4;

export interface Prefix {
  /** The folded letters before the stem. */
  letters: string;
  minStem: number;
  /** The article the prefix swallowed (ל + ال → لل, ב + ה → ב): the stem with it is also a candidate. */
  swallowed?: string;
  /** How many of `letters` are the swallowed article's remains (the second ل of لل): not prefix but part of the word. */
  articleLetters: number;
}

function arabicPrefixes(): Prefix[] {
  const prefixes: Prefix[] = [];
  for (const conjunction of ['', 'و', 'ف']) {
    for (const preposition of ['', 'ب', 'ك', 'ل']) {
      for (const article of ['', 'ال']) {
        const minStem = preposition === 'ك' && article === '' ? AS_MIN_STEM : MIN_STEM;
        if (preposition === 'ل' && article === 'ال') {
          prefixes.push({ letters: `${conjunction}لل`, minStem, swallowed: 'ال', articleLetters: 1 });
        } else {
          prefixes.push({ letters: conjunction + preposition + article, minStem, articleLetters: 0 });
        }
      }
    }
  }
  return prefixes;
}

function hebrewPrefixes(): Prefix[] {
  const prefixes: Prefix[] = [];
  for (const conjunction of ['', 'ו']) {
    for (const subordinator of ['', 'ש', 'כש']) {
      for (const preposition of ['', 'ב', 'ל', 'כ', 'מ']) {
        const swallows = preposition === 'ב' || preposition === 'ל' || preposition === 'כ';
        for (const article of swallows ? [''] : ['', 'ה']) {
          const letters = conjunction + subordinator + preposition + article;
          const minStem = preposition === 'כ' ? AS_MIN_STEM : MIN_STEM;
          prefixes.push(swallows ? { letters, minStem, swallowed: 'ה', articleLetters: 0 } : { letters, minStem, articleLetters: 0 });
        }
      }
    }
  }
  return prefixes;
}

/** Prefixes by their first letter, longest last; the empty prefix is left out. */
function byFirstLetter(prefixes: Prefix[]): Map<string, Prefix[]> {
  const map = new Map<string, Prefix[]>();
  for (const prefix of prefixes) {
    if (prefix.letters === '') continue;
    const first = prefix.letters[0]!;
    map.set(first, [...(map.get(first) ?? []), prefix]);
  }
  for (const list of map.values()) list.sort((a, b) => a.letters.length - b.letters.length);
  return map;
}

const PREFIXES: Record<TextLanguage, Map<string, Prefix[]>> = {
  ar: byFirstLetter(arabicPrefixes()),
  he: byFirstLetter(hebrewPrefixes()),
  en: new Map(),
};

/** A way to read a folded word as prefix + glossed form. */
export interface StrippedReading {
  /** The glossed form to look up: the stem, or the stem with its swallowed article restored. */
  key: string;
  /** Folded letters of the word before the glossed form (the part shown as prefix). */
  prefixLength: number;
}

const LETTER = /^\p{L}/u;

/**
 * Every prefix + stem reading of a folded word that keeps a long enough stem, the least stripped
 * first (longest key first; for equal keys, the shorter prefix). The word itself is not included.
 */
export function strippedReadings(folded: string, language: TextLanguage): StrippedReading[] {
  const candidates = PREFIXES[language].get(folded[0] ?? '');
  if (!candidates) return [];
  const readings: StrippedReading[] = [];
  for (const prefix of candidates) {
    if (!folded.startsWith(prefix.letters)) continue;
    // A Hebrew prefix may stand before an opening quotation mark: ב"הארץ" is ב + הארץ.
    const quote = folded[prefix.letters.length] === '"' ? 1 : 0;
    const prefixLength = prefix.letters.length + quote;
    const stem = folded.slice(prefixLength);
    if (stem.length < prefix.minStem || !LETTER.test(stem)) continue;
    readings.push({ key: stem, prefixLength });
    if (prefix.swallowed) readings.push({ key: prefix.swallowed + stem, prefixLength: prefixLength - prefix.articleLetters });
  }
  const seen = new Set<string>();
  return readings
    .sort((a, b) => b.key.length - a.key.length || a.prefixLength - b.prefixLength)
    .filter((reading) => !seen.has(reading.key) && seen.add(reading.key));
}
