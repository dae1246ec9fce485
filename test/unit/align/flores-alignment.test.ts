/**
 * Alignment accuracy on documents it has never seen (flores-documents.ts): FLORES-200 dev lines cut
 * into documents of 40–80 lines, with 8% 2-1, 8% 1-2, 3% 1-0 and 3% 0-1 links and paragraph breaks
 * every 3–6 sentences placed independently on each side. The model's constants were tuned on the
 * documents of seeds 1–6 only; the test measures those of HELD_OUT_SEEDS (101–106), never looked at
 * while tuning. Strict precision, recall and F1 over links, printed for every document,
 * without a translation, with one, and with a degraded one.
 *
 * The lexicon Targum ships (bilingual-lexicon.ts) was learned from every dev line, these documents'
 * too: the test aligns with a lexicon learned by the same code from the first half of the lines
 * (LEXICON_LINES) and builds every document from the second half (DOCUMENT_LINES) only, and once with
 * the halves exchanged (without a translation), for a second set of unseen sentences. Both lexicons
 * also learn from the short parallel lines of Unicode CLDR and Chromium's interface
 * (scripts/align/parallel-lines.ts), which hold no FLORES sentence, so the documents stay unseen.
 *
 * "Translation" stands in for machine output with the English reference, one word in ten dropped:
 * of the source when the target is English (`--src-mt`), of both sides otherwise (`--src-mt` and
 * `--tgt-mt`: the two texts are compared through English).
 */
import { describe, expect, it } from 'vitest';
import { alignTexts, correspondingShare, defaultAlignmentModel, galeChurchModel, type AlignmentModel } from '../../../src/common/align/align-texts';
import type { AlignmentLink } from '../../../src/common/align/types';
import type { TextLanguage } from '../../../src/common/text/language';
import { documentsOf, dropThird, dropWords, readFlores, scoreLinks, SHAPES_OF_THREE, swapEveryThird, type GoldDocument, type GoldLink } from './flores-documents';
import { learnLexicon } from '../../../scripts/align/learn-lexicon';

// The model was tuned on the documents of seeds 1–6; these seeds' documents were never looked at then.
// TARGUM_ALIGN_SEEDS=1,2,3,4,5,6 measures the tuning seeds instead, to compare.
const HELD_OUT_SEEDS = process.env.TARGUM_ALIGN_SEEDS?.split(',').map(Number) ?? [101, 102, 103, 104, 105, 106];
const flores = readFlores();
const LEXICON_LINES = Array.from({ length: 498 }, (_, line) => line);
const DOCUMENT_LINES = Array.from({ length: 499 }, (_, line) => 498 + line);
/** The model as Targum ships it, with a lexicon that has not seen the documents' sentences. */
const measuredModel: AlignmentModel = { ...defaultAlignmentModel, dictionary: learnLexicon(flores, LEXICON_LINES) };
/** The halves exchanged: a lexicon learned from the second half, documents from the first. */
const exchangedHalves = { lines: LEXICON_LINES, model: { ...defaultAlignmentModel, dictionary: learnLexicon(flores, DOCUMENT_LINES) } };
/** The same without a lexicon, to show what it brings. */
const withoutDictionary = (): AlignmentModel => ({ ...defaultAlignmentModel, anchorWeights: { ...defaultAlignmentModel.anchorWeights, dictionary: 0 } });
const pairs: Array<[TextLanguage, TextLanguage]> = [
  ['ar', 'en'],
  ['he', 'en'],
  ['he', 'ar'],
  ['ar', 'he'],
];

type Translation = 'none' | 'good' | 'swapped' | 'thinned';

function translationOf(english: string[], kind: Translation, seed: number): string[] | undefined {
  if (kind === 'none') return undefined;
  const machine = dropWords(english, seed);
  if (kind === 'swapped') return swapEveryThird(machine, seed + 1);
  if (kind === 'thinned') return dropThird(english, seed);
  return machine;
}

function align(document: GoldDocument, from: TextLanguage, to: TextLanguage, kind: Translation, seed: number, model?: AlignmentModel): AlignmentLink[] {
  const source = { language: from, paragraphs: document.source, translation: translationOf(document.sourceEnglish, kind, seed + 10) };
  const target = { language: to, paragraphs: document.target, translation: to === 'en' ? undefined : translationOf(document.targetEnglish, kind, seed + 20) };
  return alignTexts(source, target, { model: model ?? measuredModel }).links;
}

/** The same document with each side in one paragraph. */
const withoutParagraphs = (document: GoldDocument): GoldDocument => ({ ...document, source: [document.source.flat()], target: [document.target.flat()] });

const key = (link: GoldLink) => `${link.source.join(',')}|${link.target.join(',')}`;

interface Measured {
  f1: number;
  perDocument: number[];
  /** The most gold links in a row that the alignment missed, over all documents. */
  longestMiss: number;
  /** Every predicted link with whether gold has it. */
  links: Array<{ confidence: number; right: boolean }>;
}

function measure(
  from: TextLanguage,
  to: TextLanguage,
  kind: Translation,
  options: { model?: (from: TextLanguage, to: TextLanguage) => AlignmentModel; edit?: (document: GoldDocument) => GoldDocument; halves?: typeof exchangedHalves } = {},
): Measured {
  let correct = 0;
  let predicted = 0;
  let gold = 0;
  let longestMiss = 0;
  const perDocument: number[] = [];
  const links: Measured['links'] = [];
  for (const seed of HELD_OUT_SEEDS) {
    for (const built of documentsOf(flores, from, to, options.halves?.lines ?? DOCUMENT_LINES, seed)) {
      const document = options.edit?.(built) ?? built;
      const aligned = align(document, from, to, kind, seed, options.model?.(from, to) ?? options.halves?.model);
      const goldKeys = new Set(document.links.map(key));
      const predictedKeys = new Set(aligned.map(key));
      for (const link of aligned) links.push({ confidence: link.confidence, right: goldKeys.has(key(link)) });
      correct += aligned.filter((link) => goldKeys.has(key(link))).length;
      predicted += aligned.length;
      gold += document.links.length;
      perDocument.push(scoreLinks(aligned, document.links).f1);
      let missed = 0;
      for (const link of document.links) {
        missed = predictedKeys.has(key(link)) ? 0 : missed + 1;
        longestMiss = Math.max(longestMiss, missed);
      }
    }
  }
  const precision = correct / predicted;
  const recall = correct / gold;
  return { f1: (2 * precision * recall) / (precision + recall), perDocument, longestMiss, links };
}

const under = (measured: Measured, f1: number) => measured.perDocument.filter((value) => value < f1).length;

const figures = (measured: Measured) =>
  `F1=${measured.f1.toFixed(4)} min=${Math.min(...measured.perDocument).toFixed(3)} under 0.90: ${under(measured, 0.9)}/${measured.perDocument.length}, longest miss ${measured.longestMiss} links; per document: ${measured.perDocument.map((f1) => f1.toFixed(3)).join(' ')}`;

/** Links by confidence bin: how many, and the share that gold has. */
function reliabilityTable(links: Measured['links']): Array<{ bin: string; links: number; right: number }> {
  const edges = [0, 0.5, 0.7, 0.9, 0.99, 1.0001];
  return edges.slice(0, -1).map((low, index) => {
    const inBin = links.filter((link) => link.confidence >= low && link.confidence < edges[index + 1]!);
    return { bin: `[${low}, ${Math.min(1, edges[index + 1]!)}${index === edges.length - 2 ? ']' : ')'}`, links: inBin.length, right: inBin.filter((link) => link.right).length / Math.max(1, inBin.length) };
  });
}

/** The links of each pair's documents, without a translation and with one, for the reliability tables. */
const reliability = { 'no translation': new Map<string, Measured['links']>(), translation: new Map<string, Measured['links']>() };

describe('sentence alignment of FLORES-200 documents never seen while tuning', () => {
  for (const [from, to] of pairs) {
    describe(`${from}→${to}`, () => {
      const plain = measure(from, to, 'none');
      const good = measure(from, to, 'good');
      reliability['no translation'].set(`${from}→${to}`, plain.links);
      reliability.translation.set(`${from}→${to}`, good.links);

      it('without a translation: strict F1 ≥ 0.98 overall and ≥ 0.90 on every document, with the halves of the lines exchanged too, above what it is without the lexicon, well above Gale–Church', () => {
        const baseline = measure(from, to, 'none', { model: galeChurchModel });
        const noDictionary = measure(from, to, 'none', { model: withoutDictionary });
        const exchanged = measure(from, to, 'none', { halves: exchangedHalves });
        console.log(`${from}→${to} no translation   ${figures(plain)}\n${from}→${to} no dictionary    ${figures(noDictionary)}\n${from}→${to} halves exchanged ${figures(exchanged)}\n${from}→${to} Gale–Church      F1=${baseline.f1.toFixed(4)}`);
        expect(plain.f1).toBeGreaterThanOrEqual(0.98);
        expect(Math.min(...plain.perDocument)).toBeGreaterThanOrEqual(0.9);
        expect(exchanged.f1).toBeGreaterThanOrEqual(0.98);
        expect(Math.min(...exchanged.perDocument)).toBeGreaterThanOrEqual(0.9);
        expect(plain.f1).toBeGreaterThan(noDictionary.f1 + 0.005);
        expect(plain.f1).toBeGreaterThan(baseline.f1 + 0.03);
      }, 120_000);

      it('without a translation: a mistake stays local, and paragraph breaks placed differently on each side do not mislead', () => {
        const oneParagraph = measure(from, to, 'none', { edit: withoutParagraphs });
        console.log(`${from}→${to} one paragraph    ${figures(oneParagraph)}`);
        expect(plain.longestMiss).toBeLessThanOrEqual(8);
        expect(plain.f1).toBeGreaterThanOrEqual(oneParagraph.f1 - 0.002);
      }, 120_000);

      it('with a translation: strict F1 ≥ 0.98 overall and ≥ 0.90 on every document; a degraded one still ≥ 0.95 and no worse than none beyond a few links', () => {
        const swapped = measure(from, to, 'swapped');
        const thinned = measure(from, to, 'thinned');
        console.log(
          [`${from}→${to} translation      ${figures(good)}`, `${from}→${to} 1/3 swapped      ${figures(swapped)}`, `${from}→${to} 1/3 words gone   ${figures(thinned)}`].join('\n'),
        );
        expect(good.f1).toBeGreaterThanOrEqual(0.98);
        expect(Math.min(...good.perDocument)).toBeGreaterThanOrEqual(0.9);
        for (const degraded of [swapped, thinned]) {
          expect(degraded.f1).toBeGreaterThanOrEqual(0.95);
          // Overall within 0.004 (ten links in 2,500). A third of translations swapped can mislead where a
          // sentence left out on one side reads much like its neighbour (Belgian French, then its
          // numbering system): its translation then finds the neighbour's partner, while the
          // neighbour's own translation is elsewhere. Without a translation these documents reach
          // 0.987–0.995, and such swaps cost he→en four decisions (0.003); words dropped cost nothing.
          expect(degraded.f1).toBeGreaterThanOrEqual(plain.f1 - 0.004);
          // Document by document too, within two links or so: a bad translation cannot pull the alignment far below what lengths and anchors give.
          degraded.perDocument.forEach((f1, index) => expect(f1).toBeGreaterThanOrEqual(plain.perDocument[index]! - 0.07));
        }
      }, 240_000);

      it('means what its confidence says: ≥ 90% of links ≥ 0.9 are right', () => {
        for (const measured of [plain, good]) {
          const confident = measured.links.filter((link) => link.confidence >= 0.9);
          expect(confident.filter((link) => link.right).length).toBeGreaterThanOrEqual(0.9 * confident.length);
        }
      });

      it('tells texts that are not translations of each other: their pairing links average under 0.5', () => {
        for (const kind of ['none', 'good'] as const) {
          const confidences: number[] = [];
          let unrelatedPairs = 0;
          let flagged = 0;
          for (const seed of HELD_OUT_SEEDS) {
            // Documents of the first and of the second half of the document lines: no sentence in common.
            const first = documentsOf(flores, from, to, DOCUMENT_LINES.slice(0, 250), seed);
            const second = documentsOf(flores, from, to, DOCUMENT_LINES.slice(250), seed + 1);
            for (let k = 0; k < Math.min(first.length, second.length); k++) {
              const source = first[k]!;
              const target = second[k]!;
              const aligned = alignTexts(
                { language: from, paragraphs: source.source, translation: translationOf(source.sourceEnglish, kind, seed) },
                { language: to, paragraphs: target.target, translation: to === 'en' ? undefined : translationOf(target.targetEnglish, kind, seed + 1) },
                { model: measuredModel },
              );
              confidences.push(...aligned.links.filter((link) => link.source.length > 0 && link.target.length > 0).map((link) => link.confidence));
              unrelatedPairs += 1;
              if (correspondingShare(aligned) < 0.5) flagged += 1;
            }
          }
          const mean = confidences.reduce((sum, confidence) => sum + confidence, 0) / Math.max(1, confidences.length);
          console.log(`${from}→${to} unrelated documents, ${kind === 'none' ? 'no translation' : 'translation'}: ${confidences.length} pairing links, mean confidence ${mean.toFixed(3)}; ${flagged}/${unrelatedPairs} pairs told apart`);
          expect(mean).toBeLessThan(0.5);
          expect(flagged).toBeGreaterThanOrEqual(0.9 * unrelatedPairs);
        }
        // The same documents, aligned with their own counterparts, are not flagged.
        const related = documentsOf(flores, from, to, DOCUMENT_LINES, HELD_OUT_SEEDS[0]!).map((document) => correspondingShare({ links: align(document, from, to, 'none', 0) }));
        expect(Math.min(...related)).toBeGreaterThan(0.5);
      }, 240_000);
    });
  }

  // The issue asks that most links under 0.5 be wrong. On these documents only a handful of links fall
  // under 0.5 (4 of some 10,000 without a translation, 1 of them right; 2 with one, both right), too
  // few to show it either way; what is shown, over the links with a translation and without, is that
  // links under 0.7 are right far less often than those of 0.9 and more.
  it('prints a reliability table; over all pairs, links under 0.7 are right far less often than links of 0.9 and more', () => {
    const share = (links: Measured['links']) => links.filter((link) => link.right).length / Math.max(1, links.length);
    const all: Measured['links'] = [];
    for (const [name, byPair] of Object.entries(reliability)) {
      expect(byPair.size).toBe(pairs.length);
      const columns = [...byPair].map(([pair, links]) => ({ pair, rows: reliabilityTable(links) }));
      const lines = reliabilityTable([]).map((row, index) => `  ${row.bin.padEnd(12)}${columns.map(({ rows }) => `${String(rows[index]!.links).padStart(7)} ${rows[index]!.right.toFixed(3)}`).join('')}`);
      console.log(`${name}: links by confidence, and the share of them right\n  ${'bin'.padEnd(12)}${columns.map(({ pair }) => pair.padStart(13)).join('')}\n${lines.join('\n')}`);
      const links = [...byPair.values()].flat();
      const under = links.filter((link) => link.confidence < 0.5);
      console.log(`  ${name}: ${under.length} links under 0.5, ${under.filter((link) => link.right).length} of them right`);
      all.push(...links);
    }
    const unsure = all.filter((link) => link.confidence < 0.7);
    const sure = all.filter((link) => link.confidence >= 0.9);
    console.log(`  both: ${unsure.length} links under 0.7, ${(100 * share(unsure)).toFixed(1)}% right; ${sure.length} of 0.9 and more, ${(100 * share(sure)).toFixed(1)}% right`);
    expect(unsure.length).toBeGreaterThan(20);
    expect(share(unsure)).toBeLessThan(share(sure) - 0.15);
  });
});

describe('links of three', () => {
  it('finds 3-1, 1-3 and 2-2 links as links of their own, not as a 2-1 beside a 1-0', () => {
    for (const [from, to] of pairs.slice(0, 3)) {
      for (const kind of ['none', 'good'] as const) {
        const found = new Map<string, { right: number; all: number }>();
        for (const seed of HELD_OUT_SEEDS) {
          for (const document of documentsOf(flores, from, to, DOCUMENT_LINES, seed, SHAPES_OF_THREE)) {
            const predicted = new Set(align(document, from, to, kind, seed).map(key));
            for (const link of document.links) {
              const type = `${link.source.length}-${link.target.length}`;
              const count = found.get(type) ?? { right: 0, all: 0 };
              count.all += 1;
              if (predicted.has(key(link))) count.right += 1;
              found.set(type, count);
            }
          }
        }
        const recall = (type: string) => found.get(type)!.right / found.get(type)!.all;
        console.log(`${from}→${to} ${kind === 'none' ? 'no translation' : 'translation'}: ${['3-1', '1-3', '2-2'].map((type) => `${type} ${found.get(type)!.right}/${found.get(type)!.all}`).join(', ')}`);
        expect(recall('3-1')).toBeGreaterThanOrEqual(0.85);
        expect(recall('1-3')).toBeGreaterThanOrEqual(0.85);
        expect(recall('2-2')).toBeGreaterThanOrEqual(kind === 'none' ? 0.65 : 0.8);
      }
    }
  }, 240_000);
});
