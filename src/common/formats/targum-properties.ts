/**
 * Names of what Targum adds to TMX (`prop type`) and XLIFF (`context context-type`): user-defined names start
 * with `x-` in both standards. Readers look for the same names.
 */
export const targumProperty = {
  status: 'x-targum-status',
  paragraph: 'x-targum-paragraph',
  model: 'x-targum-model',
  confirmed: 'x-targum-confirmed',
  title: 'x-targum-title',
  outlet: 'x-targum-outlet',
  machine: 'x-targum-machine',
  link: 'x-targum-link',
  /** An alignment link's confidence. */
  confidence: 'x-targum-confidence',
  /** How sure the translation model was of its English (exp of the mean token log-probability). */
  mtConfidence: 'x-targum-mt-confidence',
} as const;

/** TMX dates: `YYYYMMDDThhmmssZ` (UTC) from an ISO 8601 date. */
export function tmxDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d+/, '').replace(/[-:]/g, '');
}
