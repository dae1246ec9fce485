/**
 * What a bilingual file says of one unit's review, as its reader found it: `reviewed` (XLIFF `final`,
 * `signed-off` or `approved="yes"`; a TMX unit Targum wrote as confirmed), `translated` (XLIFF `translated`),
 * `unreviewed` (any other XLIFF state or none; a TMX unit Targum wrote as machine or edited) or `unmarked`
 * (a TMX or TSV file that says nothing of review).
 */
export type UnitReview = 'reviewed' | 'translated' | 'unreviewed' | 'unmarked';

/** `reviewed`: offered as confirmed English; `reference`: a suggestion only, shown with where it came from. */
export type MemoryStanding = 'reviewed' | 'reference';

/** What the user vouched for at import: XLIFF units marked `translated`, and files that say nothing of review. */
export interface ReviewTrust {
  translated: boolean;
  unmarked: boolean;
}

export const noTrust: ReviewTrust = { translated: false, unmarked: false };

/** The one rule for what an imported unit may be in the translation memory. */
export function memoryStanding(review: UnitReview | undefined, trust: ReviewTrust = noTrust): MemoryStanding {
  if (review === 'reviewed') return 'reviewed';
  if (review === 'translated') return trust.translated ? 'reviewed' : 'reference';
  if (review === 'unmarked' || review === undefined) return trust.unmarked ? 'reviewed' : 'reference';
  return 'reference';
}

/** The review the user can vouch for, when a file has units of that kind (XLIFF `translated` first). */
export function trustableReview(reviews: Iterable<UnitReview | undefined>): 'translated' | 'unmarked' | undefined {
  let found: 'translated' | 'unmarked' | undefined;
  for (const review of reviews) {
    if (review === 'translated') return 'translated';
    if (review === 'unmarked' || review === undefined) found = 'unmarked';
  }
  return found;
}
