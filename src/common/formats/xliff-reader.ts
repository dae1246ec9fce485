import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { withoutBidiControls } from './bilingual-text';
import { isoDate, languageFromTag, linkFromType, pickLanguagePair } from './import-support';
import type { UnitReview } from './memory-standing';
import { targumProperty } from './targum-properties';
import type { SegmentStatus } from './translation-output';
import { BilingualImportError, descendants, elements, firstElement, inlineText, languageAttribute, parseXmlRoot, type XmlElement } from './xml-tree';
import { xliffFallbackOriginal } from './xliff-writer';

/** Inside `source` and `target`, `g` and `mrk` wrap text; `x`, `bx`, `ex`, `bpt`, `ept`, `it` and `ph` are native codes. */
const textElements = new Set(['g', 'mrk']);

/** A target `state` as a status: final and signed-off are confirmed, translated is edited, the rest machine. */
function statusOf(target: XmlElement | undefined, unit: XmlElement): SegmentStatus {
  const state = target?.attributes.state;
  if (state === 'final' || state === 'signed-off' || (state === undefined && unit.attributes.approved === 'yes')) return 'confirmed';
  if (state === 'translated' || (state === undefined && target !== undefined && inlineText(target, textElements) !== '')) return 'edited';
  return 'machine';
}

function reviewOf(target: XmlElement | undefined, unit: XmlElement): UnitReview {
  const state = target?.attributes.state;
  if (state === 'final' || state === 'signed-off' || unit.attributes.approved === 'yes') return 'reviewed';
  return state === 'translated' ? 'translated' : 'unreviewed';
}

/**
 * An XLIFF 1.2 file as a bilingual document: every `trans-unit` of the files in the first file's language pair;
 * `state` gives the status, `alt-trans` from machine translation the raw translation, `note`s the notes, Targum's
 * context group the model, confirmation date and link. Each top-level `group` is a paragraph.
 */
export function readXliff(text: string, onProgress?: (fraction: number) => void): BilingualDocument {
  const root = parseXmlRoot(text, 'XLIFF', onProgress);
  if (root.name !== 'xliff') throw new BilingualImportError(`This file is XML but not XLIFF: its root element is <${root.name}>.`);
  const version = root.attributes.version ?? '';
  if (!version.startsWith('1.')) throw new BilingualImportError(`This is XLIFF ${version}; Targum reads XLIFF 1.2 (save as XLIFF 1.2 and try again).`);
  const files = elements(root, 'file');
  const first = files[0];
  if (!first) throw new BilingualImportError('This XLIFF file holds no translation units.');
  const firstUnit = descendants(first, 'trans-unit')[0];
  const declaredTarget = first.attributes['target-language'] ?? (firstUnit && languageAttribute(firstElement(firstUnit, 'target') ?? firstUnit));
  const [from, to] = pickLanguagePair('XLIFF', first.attributes['source-language'], [first.attributes['source-language'] ?? '', declaredTarget ?? '']);

  const found: Array<{ element: XmlElement; paragraph: number }> = [];
  for (const file of files) {
    const body = firstElement(file, 'body');
    if (!body || languageFromTag(file.attributes['source-language']) !== from) continue;
    for (const child of elements(body)) {
      const group = child.name === 'group' ? descendants(child, 'trans-unit') : child.name === 'trans-unit' ? [child] : [];
      const paragraph = (found.at(-1)?.paragraph ?? -1) + 1;
      found.push(...group.map((element) => ({ element, paragraph })));
    }
  }
  if (found.length === 0) throw new BilingualImportError('This XLIFF file holds no translation units.');
  const units = found.map(({ element, paragraph }) => readUnit(element, paragraph, from, to));

  const models = new Set(units.map((unit) => unit.model));
  const model = models.size === 1 ? units[0]!.model : undefined;
  const tool = descendants(first, 'tool').find((element) => element.attributes['tool-id'] === 'targum');
  const original = first.attributes.original ?? '';
  return withoutBidiControls({
    kind: units.some((unit) => unit.link) ? 'alignment' : 'translation',
    title: original === xliffFallbackOriginal ? '' : original,
    outlet: first.attributes['product-name'],
    sourceLanguage: from,
    targetLanguage: to,
    segtype: found.every(({ element }) => element.attributes.restype === 'x-paragraph') ? 'paragraph' : 'sentence',
    createdAt: isoDate(first.attributes.date) ?? new Date().toISOString(),
    toolVersion: tool?.attributes['tool-version'] ?? '',
    model,
    units: model === undefined ? units : units.map((unit) => ({ ...unit, model: undefined })),
  });
}

function readUnit(unit: XmlElement, paragraph: number, from: BilingualDocument['sourceLanguage'], to: BilingualDocument['targetLanguage']): BilingualUnit {
  const sourceElement = firstElement(unit, 'source');
  const targetElement = firstElement(unit, 'target');
  const source = sourceElement ? inlineText(sourceElement, textElements) : '';
  const target = targetElement ? inlineText(targetElement, textElements) : '';
  const contexts = new Map(
    elements(unit, 'context-group')
      .flatMap((group) => elements(group, 'context'))
      .map((context) => [context.attributes['context-type'] ?? '', inlineText(context, new Set())]),
  );
  const machineTarget = elements(unit, 'alt-trans')
    .filter((alternative) => alternative.attributes.origin === 'machine-translation')
    .map((alternative) => firstElement(alternative, 'target'))
    .find((element) => element !== undefined);
  return {
    source,
    target,
    status: statusOf(targetElement, unit),
    review: reviewOf(targetElement, unit),
    machine: machineTarget && inlineText(machineTarget, textElements),
    model: contexts.get(targumProperty.model),
    confirmedAt: isoDate(contexts.get(targumProperty.confirmed)),
    notes: elements(unit, 'note').map((note) => inlineText(note, new Set())),
    paragraph,
    link: linkFromType(contexts.get(targumProperty.link), contexts.get(targumProperty.confidence), source, target, from, to),
  };
}
