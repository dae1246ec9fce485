/**
 * The aligner: links the sentences (or paragraphs) of two texts that translate each other.
 *
 * The cost of a link (a bead of BEADS) adds, in nats:
 * - its prior (how often links of that shape occur);
 * - Gale–Church length evidence, calibrated per language pair (length-model.ts);
 * - minus a bonus for every anchor found on both sides (anchors.ts), less those expected by chance;
 * - a cost growing with the difference in commas;
 * - when a translation of one side into the other's language (or of both into English) is given,
 *   minus a bonus growing with the chrF of the translation against the other side (Bleualign's
 *   idea, with a character n-gram F-score in place of BLEU);
 * - for sentences, a penalty when the link joins sentences of paragraphs that the paragraph
 *   alignment did not link: paragraphs are aligned first, and their links are a soft constraint, so
 *   that texts whose paragraphs are split differently still align sentence by sentence.
 */
import { anchorKeys, anchorKind, type AnchorKind } from './anchors';
import { alignInBand } from './band-alignment';
import { chrF, mergeProfiles, ngramProfile, type NgramProfile } from './char-ngrams';
import { galeChurchLengthModel, lengthCost, lengthModelFor, textLength, type LengthModel } from './length-model';
import type { AlignedText, AlignmentLink, AlignmentSide, AlignmentUnit } from './types';
import type { TextLanguage } from '../text/language';

export interface AlignmentModel {
  /** Length model; default: the calibration for the language pair. */
  length?: LengthModel;
  /** Prior probability of each bead, in the order of BEADS (1-1, 1-0, 0-1, 2-1, 1-2, 2-2). */
  priors: readonly number[];
  /** Bonus (nats) for each anchor of a kind found on both sides of a link. */
  anchorWeights: Record<AnchorKind, number>;
  /** Bead priors of the paragraph alignment: paragraphs are split or merged far less often than sentences. */
  paragraphPriors: readonly number[];
  /** Factor on the length variance for paragraphs, whose sentences may be left out on one side. */
  paragraphVarianceFactor: number;
  /** Cost (nats) of a sentence link that crosses the paragraph alignment; 0 aligns sentences without it. */
  paragraphPenalty: number;
  /**
   * Which paragraph links guide the sentences: those with at least this confidence and at most this
   * length cost; and none unless that many of all links (`share`) are confident 1-1, 2-1 or 1-2 ones.
   */
  paragraphTrust: { confidence: number; lengthCost: number; share: number };
  /** Bonus (nats) per unit of chrF above `similarityBaseline` (the chrF of unrelated sentences). */
  similarityWeight: number;
  similarityBaseline: number;
  /**
   * Commas (`,` and `،`) survive translation more often than not: a link whose sides differ by d commas
   * costs commaWeight × (d − 1), a bonus when they have as many.
   */
  commaWeight: number;
  /** Temperature of the posteriors that become confidences. */
  temperature: number;
}

/**
 * Tuned on FLORES-200 dev documents built like the accuracy test's (paragraphs of 3–6 lines, 8% 2-1,
 * 8% 1-2, 3% 1-0, 3% 0-1) but with other random seeds than the test's, he→en, ar→en and he→ar.
 */
export const defaultAlignmentModel: AlignmentModel = {
  priors: [0.86, 0.015, 0.015, 0.05, 0.05, 0.003],
  anchorWeights: { number: 3, month: 2, day: 2, question: 1.5, exclamation: 1, quotation: 1, parenthesis: 1, latin: 3, name: 1.2 },
  paragraphPriors: [0.97, 0.003, 0.003, 0.01, 0.01, 0.003],
  paragraphVarianceFactor: 8,
  paragraphPenalty: 6,
  paragraphTrust: { confidence: 0.9, lengthCost: 4, share: 0.7 },
  similarityWeight: 12,
  similarityBaseline: 0.25,
  commaWeight: 1.3,
  temperature: 1,
};

/**
 * Gale and Church (1993) for comparison: their variance (6.8) and priors, the mean length ratio of the
 * language pair (their ratio of 1 suits no pair here), paragraphs aligned first and sentences within
 * linked paragraphs only; no anchors, no translation.
 */
export function galeChurchModel(from: TextLanguage, to: TextLanguage): AlignmentModel {
  const priors = [0.89, 0.0099, 0.0099, 0.089, 0.089, 0.011];
  return {
    length: { ratio: lengthModelFor(from, to).ratio, variance: galeChurchLengthModel.variance },
    priors,
    anchorWeights: { number: 0, month: 0, day: 0, question: 0, exclamation: 0, quotation: 0, parenthesis: 0, latin: 0, name: 0 },
    paragraphPriors: priors,
    paragraphVarianceFactor: 1,
    paragraphPenalty: 1000,
    paragraphTrust: { confidence: 0, lengthCost: Infinity, share: 0 },
    similarityWeight: 0,
    similarityBaseline: 0,
    commaWeight: 0,
    temperature: 1,
  };
}

/** A length cost (nats) that a link's length alone makes it all but impossible (|δ| > 4.7: p < 3·10⁻⁶). */
const HOPELESS_LENGTH_COST = 12;

export interface AlignOptions {
  unit?: AlignmentUnit;
  model?: AlignmentModel;
}

export function alignTexts(source: AlignmentSide, target: AlignmentSide, options: AlignOptions = {}): AlignedText {
  const unit = options.unit ?? 'sentence';
  const chosen = options.model ?? defaultAlignmentModel;
  const model = { ...chosen, length: chosen.length ?? lengthModelFor(source.language, target.language) };
  const compared = comparedTexts(source, target, model);
  const sourceKeys = source.paragraphs.flat().map((text) => anchorKeys(text, source.language));
  const targetKeys = target.paragraphs.flat().map((text) => anchorKeys(text, target.language));
  const anchors = anchorDictionary(sourceKeys, targetKeys, model.anchorWeights);
  const sourceSentences = sentenceUnits(source, sourceKeys.map(anchors.toIds), compared?.source);
  const targetSentences = sentenceUnits(target, targetKeys.map(anchors.toIds), compared?.target);
  // Aligning sentences, the paragraph alignment is only a soft guide, and translations compared
  // sentence by sentence settle what it gets wrong: paragraphs are then aligned without them (faster).
  const compareParagraphs = unit === 'paragraph';
  const sourceParagraphs = paragraphUnits(source, sourceSentences, compareParagraphs);
  const targetParagraphs = paragraphUnits(target, targetSentences, compareParagraphs);
  const base = { from: source.language, to: target.language, unit };
  const paragraphLinks =
    unit === 'paragraph' || model.paragraphPenalty > 0 ? alignUnits(sourceParagraphs, targetParagraphs, paragraphModel(model), anchors.weights) : undefined;
  if (unit === 'paragraph') return { ...base, source: sourceParagraphs.texts, target: targetParagraphs.texts, links: paragraphLinks! };
  if (paragraphLinks && paragraphsCorrespond(paragraphLinks, model.paragraphTrust)) {
    const trusted = trustedParagraphLinks(paragraphLinks, sourceParagraphs, targetParagraphs, paragraphModel(model));
    sourceSentences.paragraphLink = paragraphLinkOfSentences(source, trusted, 'source');
    targetSentences.paragraphLink = paragraphLinkOfSentences(target, trusted, 'target');
  }
  const links = alignUnits(sourceSentences, targetSentences, model, anchors.weights);
  return { ...base, source: sourceSentences.texts, target: targetSentences.texts, links };
}

/**
 * The texts to compare for similarity, one per sentence, in the common language: a translation of one
 * side against the other side when that is in the translation's language (English), or the two
 * translations. Undefined when there is nothing to compare.
 */
function comparedTexts(source: AlignmentSide, target: AlignmentSide, model: AlignmentModel) {
  for (const side of [source, target]) {
    const sentences = side.paragraphs.reduce((count, paragraph) => count + paragraph.length, 0);
    if (side.translation && side.translation.length !== sentences) {
      throw new Error(`alignment: ${side.translation.length} translated lines for ${sentences} sentences`);
    }
  }
  if (model.similarityWeight === 0 || (!source.translation && !target.translation)) return undefined;
  const sourceTexts = source.translation ?? (source.language === 'en' ? source.paragraphs.flat() : undefined);
  const targetTexts = target.translation ?? (target.language === 'en' ? target.paragraphs.flat() : undefined);
  return sourceTexts && targetTexts ? { source: sourceTexts, target: targetTexts } : undefined;
}

/** The model for paragraphs: their own priors, a wider length variance. */
function paragraphModel(model: AlignmentModel & { length: LengthModel }): AlignmentModel & { length: LengthModel } {
  return { ...model, priors: model.paragraphPriors, length: { ...model.length, variance: model.length.variance * model.paragraphVarianceFactor } };
}

/** Units to align with what the costs need of them; sentences also know their paragraph's link (−1: none). */
interface Units {
  texts: string[];
  lengths: number[];
  commas: number[];
  /** Ids of the unit's anchors (anchorDictionary), sorted. */
  anchors: Int32Array[];
  profiles?: NgramProfile[];
  paragraphLink?: Int32Array;
}

function sentenceUnits(side: AlignmentSide, anchors: Int32Array[], compared: string[] | undefined): Units {
  const texts = side.paragraphs.flat();
  return {
    texts,
    lengths: texts.map(textLength),
    commas: texts.map((text) => text.match(/[,\u060C]/g)?.length ?? 0),
    anchors,
    profiles: compared?.map(ngramProfile),
  };
}

/** Paragraph units from their sentences' features (a paragraph's text is its sentences joined by spaces). */
function paragraphUnits(side: AlignmentSide, sentences: Units, compare: boolean): Units {
  const units: Units = { texts: [], lengths: [], commas: [], anchors: [], profiles: compare && sentences.profiles ? [] : undefined };
  let next = 0;
  for (const paragraph of side.paragraphs) {
    const end = next + paragraph.length;
    units.texts.push(paragraph.join(' '));
    units.lengths.push(sentences.lengths.slice(next, end).reduce((sum, length) => sum + length, paragraph.length - 1));
    units.anchors.push(joinIds(sentences.anchors.slice(next, end)));
    units.commas.push(sentences.commas.slice(next, end).reduce((sum, count) => sum + count, 0));
    units.profiles?.push(sentences.profiles!.slice(next, end).reduce(mergeProfiles));
    next = end;
  }
  return units;
}

/**
 * Whether the paragraphs of the two texts correspond at all: most paragraph links are 1-1, 2-1 or 1-2
 * and confident. Texts whose paragraphs were cut at other places (measured on FLORES documents with
 * one side's paragraphs cut anew at random: under half such links, against over 0.9 for the same
 * paragraphs and 0.74–0.97 for paragraphs joined in pairs) are aligned as if each were one paragraph.
 */
function paragraphsCorrespond(links: AlignmentLink[], trust: AlignmentModel['paragraphTrust']): boolean {
  const clean = links.filter((link) => link.source.length > 0 && link.target.length > 0 && link.source.length + link.target.length <= 3 && link.confidence >= trust.confidence);
  return clean.length >= trust.share * links.length;
}

/**
 * The paragraph links that can guide the sentences: not deletions, confident, and with lengths that
 * fit (the paragraph alignment of two texts whose paragraphs do not correspond has neither).
 * The others become undefined, leaving their sentences free.
 */
function trustedParagraphLinks(links: AlignmentLink[], source: Units, target: Units, model: AlignmentModel & { length: LengthModel }): Array<AlignmentLink | undefined> {
  const total = (units: Units, indices: number[]) => indices.reduce((sum, index) => sum + units.lengths[index]!, 0);
  return links.map((link) =>
    link.source.length > 0 &&
    link.target.length > 0 &&
    link.confidence >= model.paragraphTrust.confidence &&
    lengthCost(total(source, link.source), total(target, link.target), model.length) <= model.paragraphTrust.lengthCost
      ? link
      : undefined,
  );
}

function paragraphLinkOfSentences(side: AlignmentSide, paragraphLinks: Array<AlignmentLink | undefined>, which: 'source' | 'target'): Int32Array {
  const linkOfParagraph = new Int32Array(side.paragraphs.length).fill(-1);
  paragraphLinks.forEach((link, index) => {
    if (link) for (const paragraph of link[which]) linkOfParagraph[paragraph] = index;
  });
  return Int32Array.from(side.paragraphs.flatMap((sentences, paragraph) => sentences.map(() => linkOfParagraph[paragraph]!)));
}

/**
 * A link crosses the paragraph alignment when two of its sentences belong to paragraphs in different
 * paragraph links. Sentences of paragraphs without a confident link (−1) cross nothing: where the
 * paragraphs of the two texts do not correspond, the sentences are aligned as if in one paragraph.
 */
function crossesParagraphLinks(source: Int32Array, i0: number, i1: number, target: Int32Array, j0: number, j1: number): boolean {
  let link = -1;
  for (const value of [source[i0]!, source[i1 - 1]!, target[j0]!, target[j1 - 1]!]) {
    if (value < 0) continue;
    if (link >= 0 && value !== link) return true;
    link = value;
  }
  return false;
}

/**
 * Anchor keys as integer ids, keeping only keys found on both sides and of a kind with a weight;
 * `weights[id]` is the bonus for a match.
 */
function anchorDictionary(source: string[][], target: string[][], weights: Record<AnchorKind, number>) {
  const onSource = new Set(source.flat());
  const ids = new Map<string, number>();
  const keyWeights: number[] = [];
  for (const keys of target) {
    for (const key of keys) {
      if (ids.has(key) || !onSource.has(key) || weights[anchorKind(key)] === 0) continue;
      ids.set(key, ids.size);
      keyWeights.push(weights[anchorKind(key)]);
    }
  }
  const toIds = (keys: string[]) => {
    const out: number[] = [];
    for (const key of keys) {
      const id = ids.get(key);
      if (id !== undefined) out.push(id);
    }
    return Int32Array.from(out).sort();
  };
  return { toIds, weights: Float64Array.from(keyWeights) };
}

function joinIds(parts: Int32Array[]): Int32Array {
  const out = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out.sort();
}

/**
 * The anchors of spans of one or two units, and for each unit the weight of the matches it would
 * get by chance with one unit of the other side (Σ weight × the share of the other side's units that
 * hold the anchor). A link's anchor bonus is its matches less those expected by chance, so that big
 * links do not win by collecting common anchors.
 */
function anchorSpans(source: Int32Array[], target: Int32Array[], weights: Float64Array) {
  const unitsWith = (units: Int32Array[]) => {
    const counts = new Float64Array(weights.length);
    const lastUnit = new Int32Array(weights.length).fill(-1);
    units.forEach((ids, unit) => {
      for (const id of ids) {
        if (lastUnit[id] === unit) continue;
        lastUnit[id] = unit;
        counts[id]! += 1;
      }
    });
    return counts;
  };
  const chance = (units: Int32Array[], other: Int32Array[]) => {
    const share = unitsWith(other).map((count, id) => (weights[id]! * count) / Math.max(1, other.length));
    return prefixSums(units.map((ids) => ids.reduce((sum, id) => sum + share[id]!, 0)));
  };
  /** Each unit's ids, and those of each unit with the next one (the two-unit side of a link). */
  const spans = (units: Int32Array[]) => {
    const pairs = units.slice(1).map((second, index) => joinIds([units[index]!, second]));
    return (start: number, end: number) => (end - start === 1 ? units[start]! : pairs[start]!);
  };
  return { source: spans(source), target: spans(target), sourceChance: chance(source, target), targetChance: chance(target, source) };
}

function prefixSums(values: number[]): Float64Array {
  const sums = new Float64Array(values.length + 1);
  values.forEach((value, index) => (sums[index + 1] = sums[index]! + value));
  return sums;
}

/** Profiles of single units and of adjacent pairs (the two-unit side of 2-1, 1-2 and 2-2 links). */
function spanProfiles(single: NgramProfile[]): (start: number, end: number) => NgramProfile {
  const pairs: Array<NgramProfile | undefined> = [];
  return (start, end) => (end - start === 1 ? single[start]! : (pairs[start] ??= mergeProfiles(single[start]!, single[start + 1]!)));
}

function alignUnits(source: Units, target: Units, model: AlignmentModel & { length: LengthModel }, weights: Float64Array): AlignmentLink[] {
  const lengthModel = model.length;
  const sourceLengths = prefixSums(source.lengths);
  const targetLengths = prefixSums(target.lengths);
  const sourceCommas = prefixSums(source.commas);
  const targetCommas = prefixSums(target.commas);
  const anchors = anchorSpans(source.anchors, target.anchors, weights);
  const priorCosts = model.priors.map((p) => -Math.log(p));
  const similarity = source.profiles && target.profiles ? similarityOf(source.profiles, target.profiles) : undefined;

  const cost = (i0: number, i1: number, j0: number, j1: number, bead: number, compare: boolean): number => {
    let total = priorCosts[bead]!;
    if (i0 === i1 || j0 === j1) return total;
    const length = lengthCost(sourceLengths[i1]! - sourceLengths[i0]!, targetLengths[j1]! - targetLengths[j0]!, lengthModel);
    total += length;
    total -= anchorMatches(anchors.source(i0, i1), anchors.target(j0, j1), weights);
    total += model.commaWeight * (Math.abs(sourceCommas[i1]! - sourceCommas[i0]! - targetCommas[j1]! + targetCommas[j0]!) - 1);
    total += ((anchors.sourceChance[i1]! - anchors.sourceChance[i0]!) * (j1 - j0) + (anchors.targetChance[j1]! - anchors.targetChance[j0]!) * (i1 - i0)) / 2;
    // Links whose lengths rule them out are not worth a comparison (the costly part of the cost).
    if (compare && length < HOPELESS_LENGTH_COST) total -= model.similarityWeight * (similarity!(i0, i1, j0, j1) - model.similarityBaseline);
    if (source.paragraphLink && target.paragraphLink) {
      if (crossesParagraphLinks(source.paragraphLink, i0, i1, target.paragraphLink, j0, j1)) total += model.paragraphPenalty;
    }
    return total;
  };
  const problem = {
    sourceCount: source.texts.length,
    targetCount: target.texts.length,
    sourceOffsets: sourceLengths,
    targetOffsets: targetLengths,
    temperature: model.temperature,
  };
  const links = alignInBand({ ...problem, cost: (i0, i1, j0, j1, bead) => cost(i0, i1, j0, j1, bead, false) }, 24);
  if (!similarity) return links;
  // Similarity is the costly part: it is computed only near the path found without it (the band
  // widens by itself where that path was far off).
  return alignInBand({ ...problem, cost: (i0, i1, j0, j1, bead) => cost(i0, i1, j0, j1, bead, true) }, 3, links);
}

/** chrF between the compared texts of source units [i0, i1) and target units [j0, j1). */
function similarityOf(source: NgramProfile[], target: NgramProfile[]) {
  const sourceProfile = spanProfiles(source);
  const targetProfile = spanProfiles(target);
  return (i0: number, i1: number, j0: number, j1: number) => chrF(sourceProfile(i0, i1), targetProfile(j0, j1));
}

/** Total weight of the anchors found in both sorted id lists (as multisets). */
function anchorMatches(a: Int32Array, b: Int32Array, weights: Float64Array): number {
  let total = 0;
  for (let x = 0, y = 0; x < a.length && y < b.length; ) {
    if (a[x] === b[y]) {
      total += weights[a[x]!]!;
      x++;
      y++;
    } else if (a[x]! < b[y]!) x++;
    else y++;
  }
  return total;
}
