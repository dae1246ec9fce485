/**
 * npm run bench:align — aligning 2,000 × 2,000 sentences, from length and anchors and with a
 * translation of the source. Prints figures; asserts nothing. Ends with one `summary:` line.
 *
 * Workload: a he→en document built like the accuracy test's (test/unit/align/flores-documents.ts)
 * from 2,210 FLORES-200 dev lines (the 997 lines shuffled, three times over, seeded), which gives
 * about 2,000 sentences a side; the translation is the English reference with one word in ten dropped.
 * Each case runs three times; the median is reported (the whole call: features, paragraphs, sentences).
 * Its F1 is no measure of accuracy: the bilingual lexicon Targum ships was learned from these very lines
 * (test/unit/align/flores-alignment.test.ts measures accuracy on lines its lexicon never saw).
 */
import { alignTexts } from '../../src/common/align/align-texts';
import { buildDocument, dropWords, readFlores, scoreLinks, seededRandom } from '../../test/unit/align/flores-documents';

const LINES = 2210;
const RUNS = 3;
const flores = readFlores();

function shuffledLines(count: number, seed: number): number[] {
  const random = seededRandom(seed);
  const lines: number[] = [];
  while (lines.length < count) {
    const round = Array.from({ length: 997 }, (_, line) => line);
    for (let k = round.length - 1; k > 0; k--) {
      const pick = Math.floor(random() * (k + 1));
      [round[k], round[pick]] = [round[pick]!, round[k]!];
    }
    lines.push(...round);
  }
  return lines.slice(0, count);
}

const document = buildDocument(flores, 'he', 'en', shuffledLines(LINES, 7), 7);
const sourceCount = document.source.flat().length;
const targetCount = document.target.flat().length;
const translation = dropWords(document.sourceEnglish, 8);
console.log(`he→en document: ${sourceCount} × ${targetCount} sentences in ${document.source.length} paragraphs, ${document.links.length} gold links`);

function measure(name: string, withTranslation: boolean): { seconds: number; f1: number } {
  const times: number[] = [];
  let f1 = 0;
  for (let run = 0; run < RUNS; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    const aligned = alignTexts(
      { language: 'he', paragraphs: document.source, translation: withTranslation ? translation : undefined },
      { language: 'en', paragraphs: document.target },
    );
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    times.push(seconds);
    const scores = scoreLinks(aligned.links, document.links);
    f1 = scores.f1;
    console.log(
      `${name} run ${run + 1}: ${seconds.toFixed(3)} s wall, ${((used.user + used.system) / 1e6).toFixed(3)} s CPU; P=${scores.precision.toFixed(4)} R=${scores.recall.toFixed(4)} F1=${scores.f1.toFixed(4)}`,
    );
  }
  const median = times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
  return { seconds: median, f1 };
}

const plain = measure('length+anchors', false);
const withTranslation = measure('with translation', true);
console.log(
  `summary: align_2k_s=${plain.seconds.toFixed(3)} align_2k_mt_s=${withTranslation.seconds.toFixed(3)} f1_no_mt=${plain.f1.toFixed(4)} f1_mt=${withTranslation.f1.toFixed(4)}`,
);
