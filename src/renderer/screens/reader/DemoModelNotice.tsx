import { Link } from 'wouter';
import type { CatalogEntry } from '../../../common/api/contract';
import { modelTranslates } from '../../../common/models/model-info';
import type { SourceLanguage } from '../../../common/text/language';
import { languageNames } from '../../../common/text/language';
import { InstallButton } from '../../models/InstallButton';

/** Shown when the demo model would translate an article that is not a sample: it knows only the samples. */
export function DemoModelNotice({ language, catalog, onInstalled }: { language: SourceLanguage; catalog: CatalogEntry[] | undefined; onInstalled: () => void }) {
  const entries = (catalog ?? []).filter((entry) => modelTranslates(entry, language, 'en'));
  return (
    <section className="notice" aria-label="Demo model">
      <p>
        The demo model knows only the sample articles: on this article its English would be nonsense. Install a real model for {languageNames[language]} → English:
      </p>
      <div className="notice-actions">
        {entries.map((entry) => (
          <InstallButton key={entry.id} entry={entry} onInstalled={onInstalled} />
        ))}
        <Link href="/models" className="button">
          Models…
        </Link>
      </div>
    </section>
  );
}
