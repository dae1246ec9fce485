import type { ModelInfo } from '../../common/models/model-info';
import { languageNames } from '../../common/text/language';

const licenceNames: Record<string, string> = {
  'apache-2.0': 'Apache-2.0',
  mit: 'MIT',
  'cc-by-4.0': 'CC-BY-4.0',
  'cc-by-nc-4.0': 'CC-BY-NC-4.0 (non-commercial)',
};

/** A licence as its users know it, from the hub's lower-case identifier. */
export function licenceName(licence: string): string {
  return licenceNames[licence.toLowerCase()] ?? licence;
}

export const directionsLabel = (model: Pick<ModelInfo, 'from' | 'to'>) =>
  `${model.from.map((code) => languageNames[code]).join(', ')} → ${model.to.map((code) => languageNames[code]).join(', ')}`;

/** Where a model came from, in words. */
export const originLabels: Record<ModelInfo['source'], string> = {
  bundled: 'Bundled with Targum',
  installed: 'Installed from the model hub',
  imported: 'Imported from a folder',
};
