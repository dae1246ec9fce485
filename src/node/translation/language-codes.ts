import type { ModelFamily, TranslationLanguage } from '../../common/models/model-info';

/** How each model family names a language in its vocabulary. */
const codes: Record<Exclude<ModelFamily, 'marian'>, Record<TranslationLanguage, string>> = {
  nllb: { he: 'heb_Hebr', ar: 'arb_Arab', en: 'eng_Latn' },
  m2m100: { he: '__he__', ar: '__ar__', en: '__en__' },
};

/** Marian multi-target models take a `>>xxx<<` tag (ISO 639-3) before the source text. */
const marianTags: Record<TranslationLanguage, string[]> = {
  he: ['>>heb<<', '>>he<<'],
  ar: ['>>ara<<', '>>arb<<', '>>ar<<'],
  en: ['>>eng<<', '>>en<<'],
};

export function languageToken(family: Exclude<ModelFamily, 'marian'>, language: TranslationLanguage): string {
  return codes[family][language];
}

export function marianTargetTags(language: TranslationLanguage): readonly string[] {
  return marianTags[language];
}
