/**
 * Where the tests find the texts they read, all inside the repository: the sample library the app ships
 * (`resources/samples`), FLORES-200 dev lines and the TMX 1.4b and XLIFF 1.2 schemas (`test/fixtures`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TextLanguage } from '../../src/common/text/language';

const repository = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const samplesFolder = path.join(repository, 'resources', 'samples');
const floresFolder = path.join(repository, 'test', 'fixtures', 'flores200-dev');
const formatsFolder = path.join(repository, 'test', 'fixtures', 'formats');

export const tmxDtd = path.join(formatsFolder, 'tmx14.dtd');
export const xliffSchema = path.join(formatsFolder, 'xliff-core-1.2-strict.xsd');

/** The file names of the sample articles (000 is Hebrew, 001–004 Arabic). */
export function sampleNames(): string[] {
  return readdirSync(samplesFolder)
    .filter((name) => name.endsWith('.txt'))
    .sort();
}

/** The path of sample article `number` ('000' … '004'). */
export function samplePath(number: string): string {
  const name = sampleNames().find((file) => file.startsWith(`${number}_`));
  if (name === undefined) throw new Error(`no sample ${number} in ${samplesFolder}`);
  return path.join(samplesFolder, name);
}

export function sampleText(number: string): string {
  return readFileSync(samplePath(number), 'utf8');
}

/** The path of FLORES-200 dev in `language`: 997 lines, line N the same sentence in every language. */
export function floresPath(language: TextLanguage): string {
  return path.join(floresFolder, `dev.${language}`);
}
