import type { BilingualDocument, BilingualUnit } from './bilingual-document';

/** Embedding, override and isolate controls (U+202A–U+202E, U+2066–U+2069); LRM, RLM and ALM are text and stay. */
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;
const anyBidiControl = /[\u202A-\u202E\u2066-\u2069]/;

export function stripBidiControls(text: string): string {
  return text.replace(bidiControls, '');
}

/** The document with every text in logical order and free of bidi controls, as every writer and reader gives it. */
export function withoutBidiControls(document: BilingualDocument): BilingualDocument {
  const clean = (unit: BilingualUnit): BilingualUnit => ({
    ...unit,
    source: stripBidiControls(unit.source),
    target: stripBidiControls(unit.target),
    machine: unit.machine === undefined ? undefined : stripBidiControls(unit.machine),
    notes: unit.notes.map(stripBidiControls),
    link: unit.link && {
      ...unit.link,
      sourceSentences: unit.link.sourceSentences.map(stripBidiControls),
      targetSentences: unit.link.targetSentences.map(stripBidiControls),
    },
  });
  // Only units that hold a control are copied: exports of tens of thousands of units stay cheap.
  const dirty = (unit: BilingualUnit) =>
    anyBidiControl.test(unit.source) ||
    anyBidiControl.test(unit.target) ||
    (unit.machine !== undefined && anyBidiControl.test(unit.machine)) ||
    unit.notes.some((note) => anyBidiControl.test(note)) ||
    (unit.link !== undefined && [...unit.link.sourceSentences, ...unit.link.targetSentences].some((text) => anyBidiControl.test(text)));
  return {
    ...document,
    title: stripBidiControls(document.title),
    outlet: document.outlet === undefined ? undefined : stripBidiControls(document.outlet),
    units: document.units.map((unit) => (dirty(unit) ? clean(unit) : unit)),
  };
}

/** A confidence in [0, 1] with at most three decimals (docs/cli.md). */
export function roundConfidence(confidence: number): number {
  return Math.round(Math.min(1, Math.max(0, confidence)) * 1000) / 1000;
}
