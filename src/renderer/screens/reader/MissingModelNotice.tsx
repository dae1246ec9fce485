import { Link } from 'wouter';
import type { CatalogEntry } from '../../../common/api/contract';
import type { SourceLanguage } from '../../../common/text/language';
import { languageNames } from '../../../common/text/language';
import { CatalogChoices } from '../../models/CatalogChoices';

/** Shown when no installed model translates the article's language: the catalog's choices for it, or an import. */
export function MissingModelNotice({ language, catalog, onInstalled }: { language: SourceLanguage; catalog: CatalogEntry[] | undefined; onInstalled: () => void }) {
  return (
    <section className="notice" aria-label="No translation model">
      <p>
        No model for {languageNames[language]} → English is installed, so this article cannot be translated yet. Install one (it stays on this computer), or
        import a model folder you have:
      </p>
      <CatalogChoices catalog={catalog} from={language} to="en" onInstalled={onInstalled} />
      <div className="notice-actions">
        <Link href="/models" className="button">
          Import a model folder…
        </Link>
      </div>
    </section>
  );
}
