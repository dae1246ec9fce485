/**
 * Site boilerplate in an imported article's paragraphs: the lines a news page carries around the
 * story ("found a mistake?", "you may also like", "comments are closed", "Ad", subscription
 * prompts, photo credits, share buttons, breadcrumbs, date lines, the headline printed twice).
 * The reader hides them by default; nothing is dropped.
 *
 * Every rule looks at one paragraph as a whole line: boilerplate lines are short, and a rule only
 * fires when (nearly) the whole paragraph is the boilerplate phrase, or starts with it and stays
 * short. A long news sentence that merely contains «إعلان» (announcement) or «צילום» is never
 * flagged. Generic one-word headings («תגובות» is also "reactions", a real sub-heading) count only
 * in the tail of the article, after its last body paragraph.
 *
 * All the rules run on every article whatever its language: pages mix scripts (an English "Ad"
 * inside an Arabic article).
 *
 * Shared code: standard ECMAScript and `Intl` only.
 */
import { isCaption } from './captions';
import { isCredit } from './credits';
import { isDateLine } from './dates';
import { candidatesBefore, isHeadlineLike, MIN_HEADLINE_CHARS, nearlyRepeats } from './headline';
import { type Line, TERMINAL, toLine } from './lines';
import { isNavigation } from './navigation';
import { COMMENTS_TAIL, isAd, isComments, isLinkTitle, isMistakeReport, isShare, isSubscribe, RELATED_TAIL, relatedForm } from './prompts';
import type { TextLanguage } from '../../text/language';

export type BoilerplateKind =
  | 'mistake-report'
  | 'related'
  | 'comments'
  | 'ad'
  | 'subscribe'
  | 'credit'
  | 'caption'
  | 'date'
  | 'repeated-headline'
  | 'share'
  | 'navigation';

/**
 * The version of these rules. Raise it when a rule changes what is marked: articles already in a library
 * are marked again at start (see resegmentLibrary). Libraries from before it was kept were marked by 1.
 */
export const BOILERPLATE_VERSION = 2;

export interface ParagraphClass {
  boilerplate: boolean;
  kind?: BoilerplateKind;
}

/** The rules that hold anywhere in the article, in order of precedence. */
const RULES: readonly (readonly [BoilerplateKind, (line: Line) => boolean])[] = [
  ['date', isDateLine],
  ['mistake-report', isMistakeReport],
  ['comments', isComments],
  ['related', (line) => relatedForm(line) !== undefined],
  ['subscribe', isSubscribe],
  ['share', isShare],
  ['ad', isAd],
  ['credit', isCredit],
  ['caption', isCaption],
  ['navigation', isNavigation],
];

/** A paragraph of the story itself: long, or a full sentence of some length. */
const isBodyLike = (line: Line): boolean => line.words >= 15 || (line.words >= 8 && TERMINAL.test(line.raw));

/**
 * Classifies each paragraph of an article (paragraph 0 is usually the headline).
 *
 * Marked as boilerplate: "found a mistake?" lines, related-links headings and the link titles
 * right after them, "comments are closed" and comment prompts, a line that is only "Ad", subscription
 * prompts, photo credits and captions ending in one, captions naming a photo or a video, agency-only or outlet-only lines and standalone datelines
 * with an agency, bylines, share bars, breadcrumbs and tag lists, date lines, and a later (near-)
 * repeat of the headline or of another earlier headline-like line. A dateline opening a body
 * paragraph («الأردن العربي – أقدم عناصر …») is body.
 *
 * The language is not consulted: every rule applies to every article, since pages mix scripts.
 * Returns one class per paragraph, in order.
 */
export function classifyParagraphs(paragraphs: readonly string[], _language: TextLanguage): ParagraphClass[] {
  const lines = paragraphs.map(toLine);
  const kinds: (BoilerplateKind | undefined)[] = lines.map((line) => (line.words === 0 ? undefined : RULES.find(([, test]) => test(line))?.[0]));

  // A repeated headline: a later paragraph that repeats an earlier headline-like one, exactly
  // (anywhere) or nearly (the first paragraphs, or the lines just before).
  const headlines = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== undefined) continue;
    const repeated =
      i > 0 &&
      line.words <= 40 &&
      (headlines.has(line.loose) ||
        candidatesBefore(i).some((j) => {
          const earlier = lines[j];
          return earlier !== undefined && kinds[j] === undefined && isHeadlineLike(earlier, j) && nearlyRepeats(line, earlier);
        }));
    if (repeated) kinds[i] = 'repeated-headline';
    else if (isHeadlineLike(line, i) && line.loose.length >= MIN_HEADLINE_CHARS) headlines.add(line.loose);
  }

  // The tail: after the last body paragraph, generic headings count ("Comments", «ذات صلة»).
  let lastBody = -1;
  lines.forEach((line, i) => {
    if (kinds[i] === undefined && isBodyLike(line)) lastBody = i;
  });
  for (let i = lastBody + 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== undefined || line.words > 3) continue;
    if (COMMENTS_TAIL.has(line.loose)) kinds[i] = 'comments';
    else if (RELATED_TAIL.has(line.loose)) kinds[i] = 'related';
  }

  // The link titles under a related heading: all of them in the tail, one inside the article.
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined || kinds[i] !== 'related' || (relatedForm(line) !== 'heading' && !RELATED_TAIL.has(line.loose))) continue;
    const limit = i > lastBody ? Infinity : 1;
    let taken = 0;
    for (let k = i + 1; k < lines.length && taken < limit; k++) {
      const next = lines[k];
      if (next === undefined || kinds[k] !== undefined || !isLinkTitle(next)) break;
      kinds[k] = 'related';
      taken++;
    }
  }

  return kinds.map((kind) => (kind === undefined ? { boilerplate: false } : { boilerplate: true, kind }));
}
