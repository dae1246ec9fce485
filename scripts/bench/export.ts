/**
 * npm run bench:export — 50,000 sentence pairs (FLORES-200 dev he/en lines, repeated) written as TMX, XLIFF,
 * CSV, HTML and DOCX through the same writers as the app and the command line, with progress reported and a
 * pause between chunks as a screen would have; then the TMX read back, and a TMX of 50,000 distinct pairs imported
 * through the built app's import panel (web host, Chromium; `npm run build` first), measuring the longest the
 * main thread is held while it is stored. Prints figures; asserts nothing. Ends with one `summary:` line.
 * Target (the export issue): TMX in ≤ 2 s.
 *
 * The document is what a worked-on article looks like: paragraphs of five sentences, a third of them
 * confirmed (with a date and the raw machine translation kept), a third edited, one in ten with a gloss.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bilingualFromTranslation } from '../../src/common/formats/bilingual-document';
import { bilingualWriters, type BilingualFormat } from '../../src/common/formats/bilingual-writers';
import { readTmx } from '../../src/common/formats/tmx-reader';
import type { TranslatedDocument, TranslatedSentence } from '../../src/common/formats/translation-output';
import { floresPath, tmxDtd } from '../../test/support/reference-texts';
import { measureTmxStore } from './tmx-store';

const pairs = 50_000;
const hebrew = readFileSync(floresPath('he'), 'utf8').trim().split('\n');
const english = readFileSync(floresPath('en'), 'utf8').trim().split('\n');

function sentence(index: number): TranslatedSentence {
  const line = index % hebrew.length;
  const status = (['confirmed', 'edited', 'machine'] as const)[index % 3]!;
  return {
    source: hebrew[line]!,
    translation: english[line]!,
    status,
    machine: status === 'machine' ? undefined : english[line]!.replace(/\bthe\b/, 'a'),
    confirmedAt: status === 'confirmed' ? '2024-03-05T10:20:30.000Z' : undefined,
    notes: index % 10 === 0 ? [`${hebrew[line]!.split(' ')[0]} — gloss ${index}`] : undefined,
  };
}

const article: TranslatedDocument = {
  from: 'he',
  to: 'en',
  model: 'opus-mt-he-en',
  paragraphs: Array.from({ length: pairs / 5 }, (_, paragraph) => Array.from({ length: 5 }, (_, index) => sentence(paragraph * 5 + index))),
};
const document = bilingualFromTranslation(article, { title: 'FLORES-200 dev ×50', outlet: 'Benchmark', toolVersion: '0.1.0' });
const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

async function timeWriter(format: BilingualFormat, runs: number): Promise<{ seconds: number; bytes: number; reports: number; data: string | Uint8Array }> {
  let best = Infinity;
  let reports = 0;
  let data: string | Uint8Array = '';
  for (let run = 0; run < runs; run++) {
    reports = 0;
    const start = performance.now();
    const [file] = await bilingualWriters[format](document, { onProgress: () => reports++, pause });
    best = Math.min(best, performance.now() - start);
    data = file!.data;
  }
  const bytes = typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  console.log(`${format.padEnd(6)} ${(best / 1000).toFixed(3)} s (best of ${runs})  ${(bytes / 1e6).toFixed(1)} MB  ${reports} progress reports`);
  return { seconds: best / 1000, bytes, reports, data };
}

console.log(`${document.units.length} pairs, Node ${process.versions.node}, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
const tmx = await timeWriter('tmx', 3);
const xliff = await timeWriter('xliff', 3);
const csv = await timeWriter('csv', 3);
const html = await timeWriter('html', 1);
const docx = await timeWriter('docx', 1);

const readStart = performance.now();
const read = readTmx(tmx.data as string);
const readSeconds = (performance.now() - readStart) / 1000;
console.log(`read TMX back: ${readSeconds.toFixed(3)} s, ${read.units.length} units`);

const folder = mkdtempSync(path.join(os.tmpdir(), 'targum-bench-export-'));
try {
  const file = path.join(folder, 'export.tmx');
  writeFileSync(file, tmx.data);
  execFileSync('xmllint', ['--noout', '--nonet', '--dtdvalid', tmxDtd, file]);
  console.log('the 50k TMX is valid against tmx14.dtd');
} catch (error) {
  console.log(`xmllint refused the 50k TMX: ${String((error as { stderr?: Buffer }).stderr ?? error)}`);
} finally {
  rmSync(folder, { recursive: true, force: true });
}

// Every pair distinct (numbered), so that all 50,000 go into the memory, as a large real memory's would.
const distinct = { ...document, units: document.units.map((unit, index) => ({ ...unit, source: `${index + 1}. ${unit.source}`, target: `${index + 1}. ${unit.target}` })) };
const [distinctTmx] = await bilingualWriters.tmx(distinct, {});
const store = await measureTmxStore(distinctTmx!.data as string, 'memory-50k.tmx');
console.log(`store 50k TMX in the app: ${store.storeSeconds.toFixed(1)} s; longest main-thread task ${Math.round(store.longestBlockMs)} ms (${Math.round(store.longestMemoryBlockMs)} ms while writing the memory and the sentences in batches); ${store.result}`);

const s = (value: number) => value.toFixed(3);
console.log(
  `summary: export_50k_tmx_s=${s(tmx.seconds)} export_50k_xliff_s=${s(xliff.seconds)} export_50k_csv_s=${s(csv.seconds)} ` +
    `export_50k_html_s=${s(html.seconds)} export_50k_docx_s=${s(docx.seconds)} import_50k_tmx_s=${s(readSeconds)} tmx_progress_reports=${tmx.reports} ` +
    `store_50k_tmx_longest_block_ms=${Math.round(store.longestBlockMs)} store_50k_tmx_memory_longest_block_ms=${Math.round(store.longestMemoryBlockMs)} store_50k_tmx_s=${store.storeSeconds.toFixed(1)}`,
);
