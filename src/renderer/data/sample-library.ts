import type { SampleArticle } from '../../common/api/contract';
import { articleTables, prepareArticle, writeArticle } from './articles';
import type { TargumDatabase } from './database';
import { readLibrarySetting, writeLibrarySetting } from './settings';

/**
 * Writes the sample library on first run only: never twice (the flag is checked again inside the write
 * transaction, so two windows opening at once cannot both write it), and never again once the flag is set,
 * even when the user has deleted every sample.
 */
export async function seedSampleLibrary(db: TargumDatabase, loadSamples: () => Promise<SampleArticle[]>): Promise<boolean> {
  if (await readLibrarySetting(db, 'sampleLibrarySeeded')) return false;
  const samples = await loadSamples();
  const prepared = samples.map((sample) => prepareArticle({ text: sample.text, origin: 'sample', originalFileName: sample.fileName }));
  return db.transaction('rw', [...articleTables(db), db.settings], async () => {
    if (await readLibrarySetting(db, 'sampleLibrarySeeded')) return false;
    for (const article of prepared) await writeArticle(db, article);
    await writeLibrarySetting(db, 'sampleLibrarySeeded', true);
    return true;
  });
}
