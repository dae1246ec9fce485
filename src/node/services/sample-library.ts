import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { SampleArticle } from '../../common/api/contract';

/** The first-run sample library: the text files in resources/samples, in file-name order. */
export async function readSampleArticles(resourcesDir: string): Promise<SampleArticle[]> {
  const folder = path.join(resourcesDir, 'samples');
  const names = (await readdir(folder)).filter((name) => name.endsWith('.txt')).sort();
  return Promise.all(names.map(async (fileName) => ({ fileName, text: await readFile(path.join(folder, fileName), 'utf8') })));
}
