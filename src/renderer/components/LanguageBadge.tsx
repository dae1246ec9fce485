import { languageNames } from '../../common/text/language';
import type { TextLanguage } from '../../common/text/segmenter';

export function LanguageBadge({ language }: { language: TextLanguage }) {
  return (
    <span className={`badge badge-${language}`} title={languageNames[language]}>
      {languageNames[language]}
    </span>
  );
}
