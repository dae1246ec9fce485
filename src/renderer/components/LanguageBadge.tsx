import { type TextLanguage, languageNames } from '../../common/text/language';

export function LanguageBadge({ language }: { language: TextLanguage }) {
  return (
    <span className={`badge badge-${language}`} title={languageNames[language]}>
      {languageNames[language]}
    </span>
  );
}
