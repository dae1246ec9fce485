/**
 * Writes scripts/align/chromium-lines.tsv: parallel English–Arabic–Hebrew lines from Chromium's
 * user-interface translations (The Chromium Authors, BSD-3-Clause: chromium-lines.LICENSE.txt), which
 * learn-lexicon.ts learns the bundled lexicon from together with FLORES and CLDR. Its eleven thousand
 * messages are short and translated one by one, so IBM Model 1 pairs their words well: everyday words
 * of pages, files, settings, people, time and place that 997 FLORES sentences meet once or never.
 *
 * One line per message that Chromium has in all three languages, with placeholders and markup left
 * out; each line once, sorted. The messages are read from the locale packs (.pak, format 5) of
 * Debian's `chromium-common` (en-US.pak) and `chromium-l10n` (ar.pak, he.pak) packages of one version: message
 * ids are the same only within a version.
 *
 * `npx tsx scripts/align/extract-chromium-lines.ts` downloads both packages with `apt-get download`
 * into a temporary folder (removed afterwards; the version is the one apt offers for `chromium-l10n`) and
 * writes the Chromium licence to chromium-lines.LICENSE.txt. Then rerun learn-lexicon.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumLinesPath, parallelLine, parallelLinesText, uniqueSortedLines, type LineLanguage, type ParallelLine } from './parallel-lines';

export const chromiumLicensePath = fileURLToPath(new URL('./chromium-lines.LICENSE.txt', import.meta.url));

/** The pack of each language, by its file name in Chromium's locales folder. */
const PACKS: Record<LineLanguage, string> = { en: 'en-US.pak', ar: 'ar.pak', he: 'he.pak' };

/**
 * The messages of a locale pack, by id. Format 5: version (u32), encoding (u8: 1 UTF-8, 2 UTF-16),
 * three bytes of padding, resource and alias counts (u16 each), then resource_count + 1 entries of id
 * (u16) and offset (u32), each message running to the next one's offset.
 */
export function readLocalePack(pack: Buffer): Map<number, string> {
  if (pack.length < 12) throw new Error('locale pack: too short for a header');
  const version = pack.readUInt32LE(0);
  if (version !== 5) throw new Error(`locale pack: format ${version}, only format 5 is read`);
  const encoding = pack.readUInt8(4);
  const count = pack.readUInt16LE(8);
  const entry = (index: number) => 12 + index * 6;
  if (pack.length < entry(count + 1)) throw new Error(`locale pack: ${count} entries do not fit in ${pack.length} bytes`);
  const messages = new Map<number, string>();
  for (let index = 0; index < count; index++) {
    const start = pack.readUInt32LE(entry(index) + 2);
    const end = pack.readUInt32LE(entry(index + 1) + 2);
    if (start > end || end > pack.length) throw new Error(`locale pack: message ${index} runs outside the file`);
    const bytes = pack.subarray(start, end);
    messages.set(pack.readUInt16LE(entry(index)), encoding === 2 ? bytes.toString('utf16le') : bytes.toString('utf8'));
  }
  return messages;
}

/** Whether a message is text: some entries are compressed data, with control characters and invalid UTF-8 (U+FFFD) once decoded. */
function isText(message: string): boolean {
  for (let index = 0; index < message.length; index++) {
    const code = message.charCodeAt(index);
    if (code < 0x20 || code === 0xfffd) return false;
  }
  return true;
}

/** The lines of the text messages found in every language whose English has a word, each once, sorted. */
export function extractChromiumLines(packs: Record<LineLanguage, Map<number, string>>): ParallelLine[] {
  const lines = [...packs.en.keys()].flatMap((id) => {
    const line = parallelLine({ en: packs.en.get(id), ar: packs.ar.get(id), he: packs.he.get(id) });
    return line && /[a-z]{3}/i.test(line.en) && Object.values(line).every(isText) ? [line] : [];
  });
  return uniqueSortedLines(lines);
}

/** The BSD-3-Clause text of Debian's copyright file for Chromium, under The Chromium Authors' notice. */
function chromiumLicence(copyright: string): string {
  const stanza = copyright.split(/\n\n/).find((paragraph) => paragraph.startsWith('License: BSD-3-clause\n'));
  if (!stanza) throw new Error('no BSD-3-clause licence text in the Chromium copyright file');
  const text = stanza
    .split('\n')
    .slice(1)
    .map((line) => (line.trim() === '.' ? '' : line.replace(/^ /, '')))
    .join('\n');
  return `Copyright 2015 The Chromium Authors\n\n${text}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const folder = mkdtempSync(path.join(tmpdir(), 'targum-chromium-'));
  try {
    const version = execFileSync('apt-cache', ['policy', 'chromium-l10n'], { encoding: 'utf8' }).match(/Candidate: (\S+)/)?.[1];
    if (!version || version === '(none)') throw new Error('apt offers no chromium-l10n package');
    for (const name of ['chromium-common', 'chromium-l10n']) execFileSync('apt-get', ['download', `${name}=${version}`], { cwd: folder, stdio: 'ignore' });
    for (const deb of readdirSync(folder).filter((file) => file.endsWith('.deb'))) {
      execFileSync('dpkg-deb', ['-x', path.join(folder, deb), path.join(folder, 'root')]);
    }
    const locales = path.join(folder, 'root/usr/lib/chromium/locales');
    const packs = Object.fromEntries(Object.entries(PACKS).map(([language, file]) => [language, readLocalePack(readFileSync(path.join(locales, file)))])) as Record<LineLanguage, Map<number, string>>;
    const lines = extractChromiumLines(packs);
    writeFileSync(chromiumLinesPath, parallelLinesText(lines));
    writeFileSync(chromiumLicensePath, chromiumLicence(readFileSync(path.join(folder, 'root/usr/share/doc/chromium-common/copyright'), 'utf8')));
    console.log(`wrote ${lines.length} lines of Chromium ${version} to ${chromiumLinesPath} and the licence to ${chromiumLicensePath}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
