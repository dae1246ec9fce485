import { Link } from 'wouter';
import type { CatalogEntry } from '../../../common/api/contract';
import type { SourceLanguage } from '../../../common/text/language';
import { languageNames } from '../../../common/text/language';
import { InstallButton } from '../../models/InstallButton';
import { recommendedEntry } from '../../models/use-models';

/** Shown when no installed model translates the article's language: install the recommended one, or import. */
export function MissingModelNotice({ language, catalog, onInstalled }: { language: SourceLanguage; catalog: CatalogEntry[] | undefined; onInstalled: () => void }) {
  const entry = recommendedEntry(catalog, language, 'en');
  return (
    <section className="notice" aria-label="No translation model">
      <p>
        No model for {languageNames[language]} → English is installed, so this article cannot be translated yet.
      </p>
      <div className="notice-actions">
        {entry && <InstallButton entry={entry} onInstalled={onInstalled} />}
        <Link href="/models" className="button">
          Import a model folder…
        </Link>
      </div>
    </section>
  );
}
