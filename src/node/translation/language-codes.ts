import type { ModelFamily } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';

/** How each model family names a language in its vocabulary. */
const codes: Record<Exclude<ModelFamily, 'marian'>, Record<TextLanguage, string>> = {
  nllb: { he: 'heb_Hebr', ar: 'arb_Arab', en: 'eng_Latn' },
  m2m100: { he: '__he__', ar: '__ar__', en: '__en__' },
};

/** Marian multi-target models take a `>>xxx<<` tag (ISO 639-3) before the source text. */
const marianTags: Record<TextLanguage, string[]> = {
  he: ['>>heb<<', '>>he<<'],
  ar: ['>>ara<<', '>>arb<<', '>>ar<<'],
  en: ['>>eng<<', '>>en<<'],
};

export function languageToken(family: Exclude<ModelFamily, 'marian'>, language: TextLanguage): string {
  return codes[family][language];
}

export function marianTargetTags(language: TextLanguage): readonly string[] {
  return marianTags[language];
}
