import { Link } from 'wouter';
import type { CatalogEntry } from '../../../common/api/contract';
import type { SourceLanguage } from '../../../common/text/language';
import { languageNames } from '../../../common/text/language';
import { CatalogChoices } from '../../models/CatalogChoices';

/** Shown when the demo model would translate an article that is not a sample: it knows only the samples. */
export function DemoModelNotice({ language, catalog, onInstalled }: { language: SourceLanguage; catalog: CatalogEntry[] | undefined; onInstalled: () => void }) {
  return (
    <section className="notice" aria-label="Demo model">
      <p>
        The demo model knows only the sample articles: on this article its English would be nonsense. Install a real model for {languageNames[language]} → English:
      </p>
      <CatalogChoices catalog={catalog} from={language} to="en" onInstalled={onInstalled} />
      <div className="notice-actions">
        <Link href="/models" className="button">
          Models…
        </Link>
      </div>
    </section>
  );
}
