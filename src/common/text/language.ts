/** The languages Targum reads, translates and aligns. */
export const textLanguages = ['he', 'ar', 'en'] as const;
export type TextLanguage = (typeof textLanguages)[number];

/** The languages of the articles Targum translates into English. */
export type SourceLanguage = Exclude<TextLanguage, 'en'>;

const hebrewLetter = /[\u0590-\u05FF\uFB1D-\uFB4F]/gu;
const arabicLetter = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/gu;
const latinLetter = /[A-Za-z\u00C0-\u024F]/gu;

/** The language of a text from its script: Hebrew and Arabic letters are told apart, Latin is English. */
export function detectLanguage(text: string): TextLanguage | undefined {
  const sample = text.slice(0, 20_000);
  const counts: Array<[TextLanguage, number]> = [
    ['he', sample.match(hebrewLetter)?.length ?? 0],
    ['ar', sample.match(arabicLetter)?.length ?? 0],
    ['en', sample.match(latinLetter)?.length ?? 0],
  ];
  const [language, count] = counts.reduce((best, next) => (next[1] > best[1] ? next : best));
  return count > 0 ? language : undefined;
}

export const languageNames: Record<TextLanguage, string> = { he: 'Hebrew', ar: 'Arabic', en: 'English' };

export function textDirection(language: TextLanguage): 'rtl' | 'ltr' {
  return language === 'en' ? 'ltr' : 'rtl';
}
