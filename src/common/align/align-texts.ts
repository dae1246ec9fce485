/**
 * The aligner: links the sentences (or paragraphs) of two texts that translate each other.
 *
 * The cost of a link (a bead of BEADS) adds, in nats:
 * - its prior (how often links of that shape occur);
 * - Gale–Church length evidence, calibrated per language pair (length-model.ts), its ratio moved
 *   towards that of the two texts;
 * - minus a bonus for every anchor found on both sides (anchors.ts), less those expected by chance;
 * - a cost growing with the difference in commas, and in sentence-final marks (how many sentences
 *   each side holds: a translator who joins two sentences often keeps both full stops);
 * - a cost for each number or kept mark (quotation, parenthesis, question mark, colon…) that one
 *   side holds more than the other, matched or not: a sentence left out on one side takes its
 *   numbers and marks with it, which the anchor bonus alone does not see (an anchor found on one
 *   side only has no key to match);
 * - when a translation of one side into the other's language (or of both into English) is given,
 *   minus a bonus growing with the chrF of the translation against the other side above that of
 *   unrelated sentences (Bleualign's idea, with a character n-gram F-score in place of BLEU); never
 *   a cost, so that a translation that compares badly is no evidence against a link; two texts in the
 *   same language are compared as they are, against a higher baseline;
 * - for sentences, a penalty when the link joins sentences of paragraphs that the paragraph
 *   alignment did not link, but only where the paragraph breaks of the two texts agree with a first
 *   alignment of the sentences made without them: paragraph breaks placed at other places on each
 *   side say nothing, and a paragraph alignment forced on them would drag whole stretches of
 *   sentences out of line.
 *
 * Confidences are calibrated posteriors, times the probability that the texts correspond there
 * (withCorrespondence): two texts that are not translations of each other get low ones throughout.
 */
import { anchorKeys, anchorKind, keptMarks, type AnchorKind } from './anchors';
import { alignInBand } from './band-alignment';
import { bilingualLexicon, dictionaryKeys, type WordPairs } from './bilingual-lexicon';
import { documentLexicon, sentenceWords, type LexiconSettings } from './document-lexicon';
import { chrF, mergeProfiles, ngramProfile, type NgramProfile } from './char-ngrams';
import { galeChurchLengthModel, lengthCost, lengthDelta, lengthModelFor, textLength, type LengthModel } from './length-model';
import type { TextLanguage } from '../text/language';
import type { AlignedText, AlignmentLink, AlignmentSide, AlignmentUnit } from './types';

export interface AlignmentModel {
  /** Length model; default: the calibration for the language pair. */
  length?: LengthModel;
  /** Prior probability of each bead, in the order of BEADS (1-1, 1-0, 0-1, 2-1, 1-2, 2-2, 3-1, 1-3). */
  priors: readonly number[];
  /**
   * Bonus (nats) for each anchor of a kind found on both sides of a link; `lexicon` anchors are learned
   * (document-lexicon.ts), `dictionary` anchors are the word pairs of `dictionary`; none when 0.
   */
  anchorWeights: Record<AnchorKind, number>;
  /** Word pairs that translate each other (bilingual-lexicon.ts); default: the lexicon Targum ships. */
  dictionary: WordPairs;
  /**
   * Factor on the cost of each dictionary word of a link that finds no partner on the other side:
   * log((1 − p_chance) / (1 − p_linked)), with p_linked how often a dictionary word finds its partner in
   * the 1-1 links a first alignment is sure of, and p_chance in the sentence three further on; both
   * measured on the two texts, so that a lexicon that knows their words well weighs more. 0: none.
   */
  dictionaryMisses: number;
  /** Which word pairs the document lexicon learns from a first alignment. */
  lexicon: LexiconSettings;
  /** Bead priors of the paragraph alignment: paragraphs are split or merged far less often than sentences. */
  paragraphPriors: readonly number[];
  /** Factor on the length variance for paragraphs, whose sentences may be left out on one side. */
  paragraphVarianceFactor: number;
  /** Cost (nats) of a sentence link that crosses the paragraph alignment; 0 aligns sentences without it. */
  paragraphPenalty: number;
  /**
   * Which paragraph links guide the sentences: those with at least this confidence and at most this
   * length cost; and none unless that share (`agreement`) of the paragraph breaks of the side with
   * fewer falls where the first sentence alignment has a break on the other side too.
   */
  paragraphTrust: { confidence: number; lengthCost: number; agreement: number };
  /** Bonus (nats) per unit of chrF above `similarityBaseline` (the chrF of unrelated sentences); none below. */
  similarityWeight: number;
  similarityBaseline: number;
  /**
   * The baseline when two texts in the same language are compared as they are: sentences of two
   * articles on the same story share names and words (chrF 0.3–0.5) without translating each other.
   */
  sameLanguageBaseline: number;
  /**
   * Commas (`,` and `،`) survive translation more often than not: a link whose sides differ by d commas
   * costs commaWeight × (d − 1), a bonus when they have as many.
   */
  commaWeight: number;
  /** Cost (nats) per number or kept mark (anchors.ts: keptMarks) that one side of a link holds more than the other, whether they match or not. */
  markWeight: number;
  /** The same for sentence-final marks (`.`, `!`, `?`, `؟`, `…` before a space or the end), at least one a sentence. */
  stopWeight: number;
  /** Temperature of the posteriors that become confidences. */
  temperature: number;
  /**
   * How confidences are made from posteriors (withCorrespondence). The odds of each posterior are
   * raised to `slope` and multiplied by `calibration`; the evidence that the texts correspond there is summed over `window` links
   * either side, each link's less `bias` (less `similarityBias` more with a translation: what the
   * likeliest pairing of two unrelated texts still collects), times `scale`. `unrelatedDelta` is the
   * spread of |δ| (length-model.ts) for sentences that do not translate each other.
   */
  correspondence: { calibration: number; slope: number; window: number; scale: number; bias: number; similarityBias: number; unrelatedDelta: number };
}

/**
 * Tuned on FLORES-200 dev documents built like the accuracy test's (documents of 40–80 lines, 8% 2-1,
 * 8% 1-2, 3% 1-0, 3% 0-1, paragraphs cut independently on each side) with seeds 1–6 only (never the
 * test's), ar→en, he→en, he→ar and ar→he; since the bilingual lexicon, on documents made of the second
 * half of the dev lines with a lexicon learned from the first half (the accuracy test's split); the
 * dictionary weight, `dictionaryMisses` and the 1-0 and 0-1 priors (the documents' own 3%) last, with
 * the lexicon learned from the short parallel lines too, on seeds 1–12 and checked on seeds 13–24. The
 * correspondence settings separate those documents from pairs of documents made of different lines;
 * `slope` and `calibration` give the confidences without a translation the least log-loss on the
 * same documents.
 */
export const defaultAlignmentModel: AlignmentModel = {
  priors: [0.86, 0.03, 0.03, 0.05, 0.05, 0.003, 0.003, 0.003],
  anchorWeights: { number: 4.8, month: 5, day: 2, question: 2.4, exclamation: 1, quotation: 1.6, parenthesis: 1.6, mark: 2, latin: 1.5, name: 1.2, lexicon: 1.5, dictionary: 2.5 },
  dictionary: bilingualLexicon,
  dictionaryMisses: 0.5,
  lexicon: { confidence: 0.9, together: 2, dice: 0.8 },
  paragraphPriors: [0.97, 0.003, 0.003, 0.01, 0.01, 0.003, 0.001, 0.001],
  paragraphVarianceFactor: 8,
  paragraphPenalty: 6,
  paragraphTrust: { confidence: 0.9, lengthCost: 4, agreement: 0.8 },
  similarityWeight: 12,
  similarityBaseline: 0.25,
  sameLanguageBaseline: 0.55,
  commaWeight: 0.65,
  stopWeight: 2,
  markWeight: 1,
  temperature: 1,
  correspondence: { calibration: 2, slope: 0.6, window: 40, scale: 0.3, bias: 1, similarityBias: 3, unrelatedDelta: 3 },
};

/**
 * Gale and Church (1993) for comparison: their variance (6.8) and priors, the mean length ratio of the
 * language pair (their ratio of 1 suits no pair here), paragraphs aligned first and sentences within
 * linked paragraphs only; no anchors, no translation.
 */
export function galeChurchModel(from: TextLanguage, to: TextLanguage): AlignmentModel {
  // Gale and Church had no 3-1 or 1-3 links.
  const priors = [0.89, 0.0099, 0.0099, 0.089, 0.089, 0.011, 0, 0];
  return {
    length: { ratio: lengthModelFor(from, to).ratio, variance: galeChurchLengthModel.variance },
    priors,
    anchorWeights: { number: 0, month: 0, day: 0, question: 0, exclamation: 0, quotation: 0, parenthesis: 0, mark: 0, latin: 0, name: 0, lexicon: 0, dictionary: 0 },
    dictionary: {},
    dictionaryMisses: 0,
    lexicon: defaultAlignmentModel.lexicon,
    paragraphPriors: priors,
    paragraphVarianceFactor: 1,
    paragraphPenalty: 1000,
    paragraphTrust: { confidence: 0, lengthCost: Infinity, agreement: 0 },
    similarityWeight: 0,
    similarityBaseline: 0,
    sameLanguageBaseline: 0,
    commaWeight: 0,
    stopWeight: 0,
    markWeight: 0,
    temperature: 1,
    correspondence: defaultAlignmentModel.correspondence,
  };
}

/**
 * The share of the units of both texts in links that pair them with confidence ≥ 0.5: under one half,
 * most of the two texts do not correspond (they are not translations of each other).
 */
export function correspondingShare(aligned: Pick<AlignedText, 'links'>): number {
  let paired = 0;
  let all = 0;
  for (const link of aligned.links) {
    const units = link.source.length + link.target.length;
    all += units;
    if (link.source.length > 0 && link.target.length > 0 && link.confidence >= 0.5) paired += units;
  }
  return all === 0 ? 1 : paired / all;
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
  const compared = comparedTexts(source, target, chosen);
  const model = {
    ...chosen,
    length: chosen.length ?? lengthModelOfTexts(lengthModelFor(source.language, target.language), source, target),
    similarityBaseline: compared?.sameLanguage ? chosen.sameLanguageBaseline : chosen.similarityBaseline,
  };
  const sourceKeys = source.paragraphs.flat().map((text) => anchorKeys(text, source.language));
  const targetKeys = target.paragraphs.flat().map((text) => anchorKeys(text, target.language));
  const anchors = anchorDictionary(sourceKeys, targetKeys, model.anchorWeights);
  // The words of each sentence, for the dictionary and the document lexicon.
  const sourceWords = source.paragraphs.flat().map((text) => sentenceWords(text, source.language));
  const targetWords = target.paragraphs.flat().map((text) => sentenceWords(text, target.language));
  const sourceDictionary = model.anchorWeights.dictionary > 0 ? dictionaryKeys(model.dictionary, source.language, target.language, 'source', sourceWords) : [];
  const targetDictionary = model.anchorWeights.dictionary > 0 ? dictionaryKeys(model.dictionary, source.language, target.language, 'target', targetWords) : [];
  const dictionary = anchorDictionary(sourceDictionary, targetDictionary, model.anchorWeights);
  const sourceSentences = sentenceUnits(source, sourceKeys, anchors.toIds, compared?.source, sourceDictionary, dictionary.toIds);
  const targetSentences = sentenceUnits(target, targetKeys, anchors.toIds, compared?.target, targetDictionary, dictionary.toIds);
  const weights = { anchors: anchors.weights, dictionary: dictionary.weights };
  // Aligning sentences, the paragraph alignment is only a soft guide, and translations compared
  // sentence by sentence settle what it gets wrong: paragraphs are then aligned without them (faster).
  const compareParagraphs = unit === 'paragraph';
  const sourceParagraphs = paragraphUnits(source, sourceSentences, compareParagraphs);
  const targetParagraphs = paragraphUnits(target, targetSentences, compareParagraphs);
  const base = { from: source.language, to: target.language, unit };
  if (unit === 'paragraph') {
    const links = alignUnits(sourceParagraphs, targetParagraphs, paragraphModel(model), weights);
    return { ...base, source: sourceParagraphs.texts, target: targetParagraphs.texts, links };
  }
  const paragraphGuide = (firstPass: AlignmentLink[]) => {
    if (model.paragraphPenalty === 0 || !breaksAgree(firstPass, source, target, model.paragraphTrust.agreement)) return undefined;
    const paragraphLinks = alignUnits(sourceParagraphs, targetParagraphs, paragraphModel(model), weights);
    const trusted = trustedParagraphLinks(paragraphLinks, sourceParagraphs, targetParagraphs, paragraphModel(model));
    return { source: paragraphLinkOfSentences(source, trusted, 'source'), target: paragraphLinkOfSentences(target, trusted, 'target') };
  };
  // Word pairs learned from the links a first alignment is sure of become anchors of the next.
  const learnAnchors = (firstPass: AlignmentLink[]): AnchorSet => {
    const lexicon = documentLexicon(sourceWords, targetWords, firstPass, model.lexicon);
    // The learned ids follow the others, so that each unit's ids stay sorted.
    const learned = anchorDictionary(lexicon.source, lexicon.target, model.anchorWeights);
    const offset = anchors.weights.length;
    const withLearned = (units: Units, keys: string[][]) => units.anchors.map((ids, index) => Int32Array.from([...ids, ...learned.toIds(keys[index]!).map((id) => id + offset)]));
    const weights = new Float64Array(offset + learned.weights.length);
    weights.set(anchors.weights);
    weights.set(learned.weights, offset);
    return { source: withLearned(sourceSentences, lexicon.source), target: withLearned(targetSentences, lexicon.target), weights };
  };
  const links = alignUnits(sourceSentences, targetSentences, model, weights, paragraphGuide, model.anchorWeights.lexicon > 0 ? learnAnchors : undefined);
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
  if (model.similarityWeight === 0 || (!source.translation && !target.translation && source.language !== target.language)) return undefined;
  // Translations are into English; two texts in the same language are compared as they are.
  const common = source.translation || target.translation ? 'en' : source.language;
  const sourceTexts = source.translation ?? (source.language === common ? source.paragraphs.flat() : undefined);
  const targetTexts = target.translation ?? (target.language === common ? target.paragraphs.flat() : undefined);
  return sourceTexts && targetTexts ? { source: sourceTexts, target: targetTexts, sameLanguage: !source.translation && !target.translation } : undefined;
}

/**
 * The calibrated length model with its ratio moved towards the ratio of the two texts' lengths (in
 * log space; the texts weigh as much as the calibration once the source has RATIO_EVIDENCE
 * characters): a translator, a subject or a language pair without calibration may run longer or
 * shorter than FLORES.
 */
function lengthModelOfTexts(calibrated: LengthModel, source: AlignmentSide, target: AlignmentSide): LengthModel {
  const total = (side: AlignmentSide) => side.paragraphs.reduce((sum, paragraph) => paragraph.reduce((inner, text) => inner + textLength(text), sum), 0);
  const sourceLength = total(source);
  const targetLength = total(target);
  if (sourceLength === 0 || targetLength === 0) return calibrated;
  const weight = sourceLength / (sourceLength + RATIO_EVIDENCE);
  return { ...calibrated, ratio: Math.exp(weight * Math.log(targetLength / sourceLength) + (1 - weight) * Math.log(calibrated.ratio)) };
}

const RATIO_EVIDENCE = 3000;

/** The model for paragraphs: their own priors, a wider length variance, no cost for dictionary words unmatched (a paragraph left out on one side leaves many). */
function paragraphModel(model: AlignmentModel & { length: LengthModel }): AlignmentModel & { length: LengthModel } {
  return { ...model, priors: model.paragraphPriors, length: { ...model.length, variance: model.length.variance * model.paragraphVarianceFactor }, dictionaryMisses: 0 };
}

/** Units to align with what the costs need of them. */
interface Units {
  texts: string[];
  lengths: number[];
  commas: number[];
  stops: number[];
  marks: number[];
  /** Ids of the unit's anchors (anchorDictionary), sorted. */
  anchors: Int32Array[];
  /**
   * Ids of the unit's dictionary anchors, sorted, apart from the others: a sentence has many, and
   * links whose lengths rule them out do not look them up.
   */
  dictionary: Int32Array[];
  profiles?: NgramProfile[];
}

/** Sentence-final marks (. ! ? ؟ …) followed by a space or the end: how many sentences a unit holds. */
function sentenceStops(text: string): number {
  return Math.max(1, text.match(/[.!?\u061F\u2026]+["'\u201D\u00BB)]*(?=\s|$)/g)?.length ?? 0);
}

function sentenceUnits(
  side: AlignmentSide,
  keys: string[][],
  toIds: (keys: string[]) => Int32Array,
  compared: string[] | undefined,
  dictionaryKeys: string[][],
  toDictionaryIds: (keys: string[]) => Int32Array,
): Units {
  const texts = side.paragraphs.flat();
  return {
    texts,
    lengths: texts.map(textLength),
    commas: texts.map((text) => text.match(/[,\u060C]/g)?.length ?? 0),
    stops: texts.map(sentenceStops),
    marks: keys.map(keptMarks),
    anchors: keys.map(toIds),
    dictionary: texts.map((_, index) => toDictionaryIds(dictionaryKeys[index] ?? [])),
    profiles: compared?.map(ngramProfile),
  };
}

/** Paragraph units from their sentences' features (a paragraph's text is its sentences joined by spaces). */
function paragraphUnits(side: AlignmentSide, sentences: Units, compare: boolean): Units {
  const units: Units = { texts: [], lengths: [], commas: [], stops: [], marks: [], anchors: [], dictionary: [], profiles: compare && sentences.profiles ? [] : undefined };
  let next = 0;
  for (const paragraph of side.paragraphs) {
    const end = next + paragraph.length;
    units.texts.push(paragraph.join(' '));
    units.lengths.push(sentences.lengths.slice(next, end).reduce((sum, length) => sum + length, paragraph.length - 1));
    units.anchors.push(joinIds(sentences.anchors.slice(next, end)));
    units.dictionary.push(joinIds(sentences.dictionary.slice(next, end)));
    units.commas.push(sentences.commas.slice(next, end).reduce((sum, count) => sum + count, 0));
    units.stops.push(sentences.stops.slice(next, end).reduce((sum, count) => sum + count, 0));
    units.marks.push(sentences.marks.slice(next, end).reduce((sum, count) => sum + count, 0));
    units.profiles?.push(sentences.profiles!.slice(next, end).reduce(mergeProfiles));
    next = end;
  }
  return units;
}

/** Sentence indices at which a paragraph other than the first starts. */
function paragraphBreaks(side: AlignmentSide): Set<number> {
  const breaks = new Set<number>();
  let next = 0;
  for (const paragraph of side.paragraphs) {
    if (next > 0 && paragraph.length > 0) breaks.add(next);
    next += paragraph.length;
  }
  return breaks;
}

/**
 * Whether the paragraphs of the two texts correspond: at least `agreement` of the paragraph breaks of
 * the side with fewer fall between two links of `links` (a sentence alignment made without paragraphs)
 * where the other side breaks too. Paragraphs joined in pairs on one side still agree; breaks placed
 * independently on each side agree about one time in four (FLORES documents with 3–6 sentences a
 * paragraph), and texts with fewer than two breaks a side are aligned without their paragraphs.
 */
function breaksAgree(links: AlignmentLink[], source: AlignmentSide, target: AlignmentSide, agreement: number): boolean {
  const sourceBreaks = paragraphBreaks(source);
  const targetBreaks = paragraphBreaks(target);
  const fewer = Math.min(sourceBreaks.size, targetBreaks.size);
  if (fewer < 2) return false;
  let agreeing = 0;
  let i = 0;
  let j = 0;
  for (const link of links) {
    i += link.source.length;
    j += link.target.length;
    if (sourceBreaks.has(i) && targetBreaks.has(j)) agreeing += 1;
  }
  return agreeing >= agreement * fewer;
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
 * links do not win by collecting common anchors (`chance`).
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
  /** Each unit's ids, and those of each unit with the next one or two (the side of a link of several units). */
  const spans = (units: Int32Array[]) => {
    const pairs = units.slice(1).map((second, index) => joinIds([units[index]!, second]));
    const triples: Array<Int32Array | undefined> = [];
    return (start: number, end: number) =>
      end - start === 1 ? units[start]! : end - start === 2 ? pairs[start]! : (triples[start] ??= joinIds([pairs[start]!, units[start + 2]!]));
  };
  const sourceChance = chance(source, target);
  const targetChance = chance(target, source);
  return {
    source: spans(source),
    target: spans(target),
    /** The weight of the matches a link of source units [i0, i1) and target units [j0, j1) would get by chance. */
    chance: (i0: number, i1: number, j0: number, j1: number) => ((sourceChance[i1]! - sourceChance[i0]!) * (j1 - j0) + (targetChance[j1]! - targetChance[j0]!) * (i1 - i0)) / 2,
  };
}

function prefixSums(values: number[]): Float64Array {
  const sums = new Float64Array(values.length + 1);
  values.forEach((value, index) => (sums[index + 1] = sums[index]! + value));
  return sums;
}

/** Profiles of single units and of runs of two or three (the side of a link of several units). */
function spanProfiles(single: NgramProfile[]): (start: number, end: number) => NgramProfile {
  const pairs: Array<NgramProfile | undefined> = [];
  const triples: Array<NgramProfile | undefined> = [];
  const pair = (start: number) => (pairs[start] ??= mergeProfiles(single[start]!, single[start + 1]!));
  return (start, end) => (end - start === 1 ? single[start]! : end - start === 2 ? pair(start) : (triples[start] ??= mergeProfiles(pair(start), single[start + 2]!)));
}

/** Anchor ids of each source and target unit, and the bonus of each id. */
interface AnchorSet {
  source: Int32Array[];
  target: Int32Array[];
  weights: Float64Array;
}

/** Which paragraph link each sentence's paragraph belongs to, per side (−1: none). */
interface ParagraphGuide {
  source: Int32Array;
  target: Int32Array;
}

/**
 * Aligns in two passes: a wide band without the costly similarity and without paragraphs, then, if
 * there is a translation to compare or `paragraphGuide` trusts the paragraphs given the first pass,
 * a narrow band around it with them.
 */
function alignUnits(
  source: Units,
  target: Units,
  model: AlignmentModel & { length: LengthModel },
  given: { anchors: Float64Array; dictionary: Float64Array },
  paragraphGuide?: (firstPass: AlignmentLink[]) => ParagraphGuide | undefined,
  learnAnchors?: (firstPass: AlignmentLink[]) => AnchorSet,
): AlignmentLink[] {
  const lengthModel = model.length;
  const sourceLengths = prefixSums(source.lengths);
  const targetLengths = prefixSums(target.lengths);
  const sourceCommas = prefixSums(source.commas);
  const targetCommas = prefixSums(target.commas);
  const sourceStops = prefixSums(source.stops);
  const targetStops = prefixSums(target.stops);
  const sourceMarks = prefixSums(source.marks);
  const targetMarks = prefixSums(target.marks);
  const initialWeights = given.anchors;
  const givenAnchors = anchorSpans(source.anchors, target.anchors, initialWeights);
  const dictionary = given.dictionary.length > 0 ? anchorSpans(source.dictionary, target.dictionary, given.dictionary) : undefined;
  let weights = initialWeights;
  /** Cost of a dictionary word left unmatched in a link (dictionaryMisses); none in the first pass, which measures it. */
  let missCost = 0;
  let anchors = givenAnchors;
  const priorCosts = model.priors.map((p) => -Math.log(p));
  const similarity = source.profiles && target.profiles ? similarityOf(source.profiles, target.profiles) : undefined;

  const cost = (i0: number, i1: number, j0: number, j1: number, bead: number, compare: boolean, guide?: ParagraphGuide): number => {
    let total = priorCosts[bead]!;
    if (i0 === i1 || j0 === j1) return total;
    const length = lengthCost(sourceLengths[i1]! - sourceLengths[i0]!, targetLengths[j1]! - targetLengths[j0]!, lengthModel);
    total += length;
    total -= anchorMatches(anchors.source(i0, i1), anchors.target(j0, j1), weights);
    total += model.commaWeight * (Math.abs(sourceCommas[i1]! - sourceCommas[i0]! - targetCommas[j1]! + targetCommas[j0]!) - 1);
    total += model.stopWeight * (Math.abs(sourceStops[i1]! - sourceStops[i0]! - targetStops[j1]! + targetStops[j0]!) - 1);
    total += model.markWeight * Math.abs(sourceMarks[i1]! - sourceMarks[i0]! - targetMarks[j1]! + targetMarks[j0]!);
    total += anchors.chance(i0, i1, j0, j1);
    if (dictionary) {
      if (length < HOPELESS_LENGTH_COST) {
        const sourceWords = dictionary.source(i0, i1);
        const targetWords = dictionary.target(j0, j1);
        const matched = anchorMatches(sourceWords, targetWords, given.dictionary);
        total -= matched;
        total += missCost * (sourceWords.length + targetWords.length - (2 * matched) / model.anchorWeights.dictionary) / 2;
      }
      total += dictionary.chance(i0, i1, j0, j1);
    }
    // Links whose lengths rule them out are not worth a comparison (the costly part of the cost).
    if (compare && length < HOPELESS_LENGTH_COST) total -= model.similarityWeight * Math.max(0, similarity!(i0, i1, j0, j1) - model.similarityBaseline);
    if (guide && crossesParagraphLinks(guide.source, i0, i1, guide.target, j0, j1)) total += model.paragraphPenalty;
    return total;
  };
  const problem = {
    sourceCount: source.texts.length,
    targetCount: target.texts.length,
    sourceOffsets: sourceLengths,
    targetOffsets: targetLengths,
    temperature: model.temperature,
  };
  const lengthsAndAnchors = { ...problem, cost: (i0: number, i1: number, j0: number, j1: number, bead: number) => cost(i0, i1, j0, j1, bead, false) };
  let firstPass = alignInBand(lengthsAndAnchors, 24);
  if (dictionary && model.dictionaryMisses > 0) missCost = model.dictionaryMisses * dictionaryMissCost(firstPass, source.dictionary, target.dictionary, given.dictionary, model.anchorWeights.dictionary);
  if (learnAnchors) {
    const learned = learnAnchors(firstPass);
    weights = learned.weights;
    anchors = anchorSpans(learned.source, learned.target, weights);
    firstPass = alignInBand(lengthsAndAnchors, 4, firstPass);
  }
  const guide = paragraphGuide?.(firstPass);
  // Similarity is the costly part: it is computed only near the path found without it (the band
  // widens by itself where that path was far off).
  const links =
    similarity || guide ? alignInBand({ ...problem, cost: (i0, i1, j0, j1, bead) => cost(i0, i1, j0, j1, bead, similarity !== undefined, guide) }, 3, firstPass) : firstPass;

  /**
   * Evidence (nats) that the sentences of a link translate each other rather than being any sentences
   * of the two texts. Learned anchors are no evidence: an alignment of two unrelated texts teaches
   * word pairs too, which its own links then match. Nor are dictionary pairs: the likeliest pairing
   * of two unrelated texts finds sentences sharing a few common words more often than chance, once
   * the alignment has sought them out.
   */
  const evidence = (i0: number, i1: number, j0: number, j1: number): number => {
    const delta = lengthDelta(sourceLengths[i1]! - sourceLengths[i0]!, targetLengths[j1]! - targetLengths[j0]!, lengthModel);
    const spread = model.correspondence.unrelatedDelta;
    let total = Math.log(spread) - (delta * delta) / 2 + (delta * delta) / (2 * spread * spread);
    total += anchorMatches(givenAnchors.source(i0, i1), givenAnchors.target(j0, j1), initialWeights);
    total -= givenAnchors.chance(i0, i1, j0, j1);
    if (similarity) total += model.similarityWeight * (similarity(i0, i1, j0, j1) - model.similarityBaseline) - model.correspondence.similarityBias;
    return total;
  };
  return withCorrespondence(links, evidence, model.correspondence);
}

/**
 * log((1 − p_chance) / (1 − p_linked)) for the dictionary words of two texts: p_linked is the share of
 * the dictionary words of the 1-1 links that `links` is sure of (≥ 0.9) found on the other side, and
 * p_chance the same share against the sentence three further on; `weight` is a match's weight (all
 * dictionary anchors have the same). 0 when the texts give no measure.
 */
function dictionaryMissCost(links: AlignmentLink[], source: Int32Array[], target: Int32Array[], weights: Float64Array, weight: number): number {
  const share = (shift: number) => {
    let found = 0;
    let words = 0;
    let i = 0;
    let j = 0;
    for (const link of links) {
      if (link.source.length === 1 && link.target.length === 1 && link.confidence >= 0.9 && j + shift < target.length) {
        found += anchorMatches(source[i]!, target[j + shift]!, weights) / weight;
        words += (source[i]!.length + target[j + shift]!.length) / 2;
      }
      i += link.source.length;
      j += link.target.length;
    }
    return words > 0 ? found / words : 0;
  };
  const linked = Math.min(0.95, share(0));
  const chance = Math.min(linked, share(3));
  return Math.log((1 - chance) / (1 - linked));
}

/**
 * Confidences that say how often a link is right: each link's posterior, its odds raised to `slope`
 * and multiplied by `calibration` (the posteriors of the model are too sure of themselves), times the probability that the texts correspond there at all. That probability
 * comes from the evidence of the pairing links within `window` links either side (each scaled by
 * `scale`, as neighbouring evidence is not independent), against prior odds of one: on texts that do
 * not translate each other, the alignment still finds the likeliest pairing, but its lengths fit no
 * better than chance and its anchors match no more often than chance.
 */
function withCorrespondence(links: AlignmentLink[], evidence: (i0: number, i1: number, j0: number, j1: number) => number, settings: AlignmentModel['correspondence']): AlignmentLink[] {
  const sums = new Float64Array(links.length + 1);
  let i = 0;
  let j = 0;
  links.forEach((link, index) => {
    const pairs = link.source.length > 0 && link.target.length > 0;
    sums[index + 1] = sums[index]! + (pairs ? evidence(i, i + link.source.length, j, j + link.target.length) - settings.bias : 0);
    i += link.source.length;
    j += link.target.length;
  });
  return links.map((link, index) => {
    const odds = (link.confidence / Math.max(1e-12, 1 - link.confidence)) ** settings.slope * settings.calibration;
    const calibrated = Number.isFinite(odds) ? odds / (1 + odds) : 1;
    if (link.source.length === 0 || link.target.length === 0) return { ...link, confidence: calibrated };
    const local = sums[Math.min(links.length, index + settings.window + 1)]! - sums[Math.max(0, index - settings.window)]!;
    const corresponds = 1 / (1 + Math.exp(-settings.scale * local));
    return { ...link, confidence: calibrated * corresponds };
  });
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

