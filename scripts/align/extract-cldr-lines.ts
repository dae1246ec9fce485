/**
 * Writes scripts/align/cldr-lines.tsv: short parallel English–Arabic–Hebrew lines from Unicode CLDR
 * 48.2.0 (Unicode License v3, cldr-lines.LICENSE.txt), which learn-lexicon.ts learns the bundled
 * bilingual lexicon from together with the FLORES-200 dev lines. FLORES alone is 997 sentences of
 * news and travel prose; CLDR adds thousands of everyday words its translators rendered one by one
 * (names of countries, languages, currencies, units, months, date words, emoji), which roughly
 * triples the lexicon and raises the aligner's accuracy on held-out documents.
 *
 * One line per CLDR item that has a text in all three languages: an emoji's name and keywords
 * (annotations, annotationsDerived; skin-tone variants left out, they repeat their base emoji),
 * territory, language and script names, currency names (display name and plural), unit long names
 * (display name, plural and singular patterns without their number), date fields, Gregorian month
 * and weekday names and day periods, character labels. Identical lines are kept once (a repeat is
 * not a second piece of evidence) and the lines are sorted, so that a rerun writes the same file.
 *
 * `npx tsx scripts/align/extract-cldr-lines.ts` fetches the pinned cldr-*-full packages with
 * `npm pack` into a temporary folder (removed afterwards): they are hundreds of MB unpacked, so they
 * are not dependencies, and only a maintainer refreshing the lines needs them. It also writes the
 * packages' licence to cldr-lines.LICENSE.txt. Then rerun learn-lexicon.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cldrLinesPath, lineLanguages, parallelLine, parallelLinesText, uniqueSortedLines, type LineLanguage, type ParallelLine } from './parallel-lines';

const CLDR_VERSION = '48.2.0';
const CLDR_PACKAGES = ['cldr-annotations-full', 'cldr-annotations-derived-full', 'cldr-localenames-full', 'cldr-numbers-full', 'cldr-units-full', 'cldr-dates-full', 'cldr-misc-full'] as const;
type CldrPackage = (typeof CLDR_PACKAGES)[number];

export const cldrLicensePath = fileURLToPath(new URL('./cldr-lines.LICENSE.txt', import.meta.url));

/** A file of an unpacked package, by package and path inside it (`main/en/units.json`). */
export type PackageReader = (name: CldrPackage, file: string) => unknown;

/** A part of parsed JSON, reached through its keys; undefined where a key is missing. */
function at(tree: unknown, ...keys: string[]): unknown {
  return keys.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), tree);
}

/** The keys of a JSON object (none for anything else). */
const keysOf = (tree: unknown): string[] => (tree !== null && typeof tree === 'object' ? Object.keys(tree) : []);

/** A locale's JSON under `main`, e.g. main/he/units.json read at `main.he`. */
const localeData = (read: PackageReader, name: CldrPackage, file: string, language: LineLanguage): unknown => at(read(name, `main/${language}/${file}`), 'main', language);

/** One CLDR item's text in one language, or undefined where CLDR has none. */
type ItemText = (language: LineLanguage) => unknown;

/** Emoji: name (tts) and keywords (default), without the skin-tone variants (U+1F3FB–1F3FF). */
function emojiItems(read: PackageReader): ItemText[] {
  const sets: Array<[CldrPackage, string]> = [
    ['cldr-annotations-full', 'annotations'],
    ['cldr-annotations-derived-full', 'annotationsDerived'],
  ];
  return sets.flatMap(([name, folder]) => {
    const byLanguage = Object.fromEntries(lineLanguages.map((language) => [language, at(read(name, `${folder}/${language}/annotations.json`), folder, 'annotations')]));
    return keysOf(byLanguage.en)
      .filter((emoji) => !/[\u{1F3FB}-\u{1F3FF}]/u.test(emoji))
      .map((emoji) => (language: LineLanguage) => {
        const words = [at(byLanguage[language], emoji, 'tts'), at(byLanguage[language], emoji, 'default')].flatMap((list) => (Array.isArray(list) ? list : []));
        return words.length > 0 ? words.join(' ') : undefined;
      });
  });
}

/** Every item of an object of strings, by its keys in English (territories, month names…). */
function namedItems(byLanguage: Record<LineLanguage, unknown>): ItemText[] {
  return keysOf(byLanguage.en).map((key) => (language) => at(byLanguage[language], key));
}

function byLanguage(part: (language: LineLanguage) => unknown): Record<LineLanguage, unknown> {
  return Object.fromEntries(lineLanguages.map((language) => [language, part(language)])) as Record<LineLanguage, unknown>;
}

/** Territory, language and script names. */
function localeNameItems(read: PackageReader): ItemText[] {
  return (['territories', 'languages', 'scripts'] as const).flatMap((kind) => namedItems(byLanguage((language) => at(localeData(read, 'cldr-localenames-full', `${kind}.json`, language), 'localeDisplayNames', kind))));
}

/** Of each item of `byLanguage`, the given fields, a language without one giving its display name instead. */
function fieldItems(data: Record<LineLanguage, unknown>, fields: readonly string[]): ItemText[] {
  return keysOf(data.en)
    .filter((key) => typeof at(data.en, key) === 'object')
    .flatMap((key) => fields.map((field) => (language: LineLanguage) => at(data[language], key, field) ?? at(data[language], key, 'displayName')));
}

/** Currency names, singular and plural. */
function currencyItems(read: PackageReader): ItemText[] {
  return fieldItems(byLanguage((language) => at(localeData(read, 'cldr-numbers-full', 'currencies.json', language), 'numbers', 'currencies')), ['displayName', 'displayName-count-other']);
}

/** Unit long names: the name, and the plural and singular patterns without their number. */
function unitItems(read: PackageReader): ItemText[] {
  return fieldItems(byLanguage((language) => at(localeData(read, 'cldr-units-full', 'units.json', language), 'units', 'long')), ['displayName', 'unitPattern-count-other', 'unitPattern-count-one']);
}

/** Date fields (year, next month, yesterday…) and the wide Gregorian month, weekday and day-period names. */
function dateItems(read: PackageReader): ItemText[] {
  const fields = byLanguage((language) => at(localeData(read, 'cldr-dates-full', 'dateFields.json', language), 'dates', 'fields'));
  const fieldTexts = keysOf(fields.en).flatMap((key) =>
    keysOf(at(fields.en, key))
      .filter((field) => typeof at(fields.en, key, field) === 'string')
      .map((field) => (language: LineLanguage) => at(fields[language], key, field)),
  );
  const gregorian = byLanguage((language) => at(localeData(read, 'cldr-dates-full', 'ca-gregorian.json', language), 'dates', 'calendars', 'gregorian'));
  const wide = (...keys: string[]) => namedItems(byLanguage((language) => at(gregorian[language], ...keys)));
  return [...fieldTexts, ...wide('months', 'format', 'wide'), ...wide('days', 'format', 'wide'), ...wide('dayPeriods', 'format', 'wide')];
}

/** Character labels (digits, symbols, arrows…). */
function characterLabelItems(read: PackageReader): ItemText[] {
  return namedItems(byLanguage((language) => at(localeData(read, 'cldr-misc-full', 'characterLabels.json', language), 'characterLabels')));
}

/** The lines of every item, each once, sorted. */
export function extractCldrLines(read: PackageReader): ParallelLine[] {
  const items = [...emojiItems(read), ...localeNameItems(read), ...currencyItems(read), ...unitItems(read), ...dateItems(read), ...characterLabelItems(read)];
  return uniqueSortedLines(items.flatMap((item) => parallelLine(byLanguage(item)) ?? []));
}

/** Fetches and unpacks the pinned packages into `folder`; a reader of their files. */
function fetchPackages(folder: string): PackageReader {
  for (const name of CLDR_PACKAGES) {
    const tarball = execFileSync('npm', ['pack', `${name}@${CLDR_VERSION}`, '--pack-destination', folder, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
    mkdirSync(path.join(folder, name));
    execFileSync('tar', ['-xzf', path.join(folder, tarball), '-C', path.join(folder, name)]);
  }
  return (name, file) => JSON.parse(readFileSync(path.join(folder, name, 'package', file), 'utf8'));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = mkdtempSync(path.join(tmpdir(), 'targum-cldr-'));
  try {
    const read = fetchPackages(folder);
    const lines = extractCldrLines(read);
    writeFileSync(cldrLinesPath, parallelLinesText(lines));
    writeFileSync(cldrLicensePath, readFileSync(path.join(folder, CLDR_PACKAGES[0], 'package', 'LICENSE'), 'utf8'));
    console.log(`wrote ${lines.length} lines to ${cldrLinesPath} and the licence to ${cldrLicensePath}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
