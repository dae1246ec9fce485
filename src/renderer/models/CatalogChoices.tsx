import type { CatalogEntry } from '../../common/api/contract';
import { isRecommendedFor, modelTranslates } from '../../common/models/model-info';
import type { TextLanguage } from '../../common/text/language';
import { formatBytes } from '../../common/format-bytes';
import { InstallButton } from './InstallButton';
import { licenceName } from './model-labels';

/** The catalog's models for a direction: the recommended one first, then the others from the smallest. */
export function catalogChoices(catalog: readonly CatalogEntry[] | undefined, from: TextLanguage, to: TextLanguage): CatalogEntry[] {
  const entries = (catalog ?? []).filter((entry) => modelTranslates(entry, from, to));
  const recommended = entries.filter((entry) => isRecommendedFor(entry, from, to));
  return [...recommended, ...entries.filter((entry) => !recommended.includes(entry)).sort((a, b) => a.sizeBytes - b.sizeBytes)];
}

/** The catalog's models for a direction, each with its size, licence and published quality, and its Install button. */
export function CatalogChoices({ catalog, from, to, onInstalled }: { catalog: readonly CatalogEntry[] | undefined; from: TextLanguage; to: TextLanguage; onInstalled: () => void }) {
  const choices = catalogChoices(catalog, from, to);
  const smallest = Math.min(...choices.map((entry) => entry.sizeBytes));
  if (choices.length === 0) return null;
  return (
    <ul className="catalog-choices" aria-label="Models to install">
      {choices.map((entry) => (
        <li key={entry.id} className="catalog-choice">
          <div className="model-main">
            <strong>{entry.id}</strong>
            {isRecommendedFor(entry, from, to) && <span className="badge">Recommended</span>}
            {!isRecommendedFor(entry, from, to) && entry.sizeBytes === smallest && <span className="badge">Smaller</span>}
          </div>
          <span className="muted">
            {formatBytes(entry.sizeBytes)} · {licenceName(entry.license)}
            {entry.quality && ` · ${entry.quality}`}
          </span>
          <InstallButton entry={entry} onInstalled={onInstalled} />
        </li>
      ))}
    </ul>
  );
}
