import type { BilingualDocument, BilingualUnit } from './bilingual-document';
import { withoutBidiControls } from './bilingual-text';
import { isoDate, languageFromTag, linkFromType, pickLanguagePair, statusFrom } from './import-support';
import { targumProperty } from './targum-properties';
import { BilingualImportError, descendants, elements, firstElement, inlineText, languageAttribute, parseXmlRoot, type XmlElement } from './xml-tree';

/** Inside `seg`, `hi` (and `sub` within it) is text; `bpt`, `ept`, `it`, `ph` and `ut` hold native codes and are left out. */
const textElements = new Set(['hi', 'sub']);

const properties = (element: XmlElement): Map<string, string> =>
  new Map(elements(element, 'prop').map((prop) => [prop.attributes.type ?? '', inlineText(prop, new Set())]));

/**
 * A TMX file (1.4b, or the older 1.1 layout with `lang` instead of `xml:lang`) as a bilingual document: the units
 * whose `tu` has a `tuv` in each of the pair's languages; Targum's own `prop`s give status, paragraph, model,
 * confirmation date, raw machine translation and link back; `note`s are notes.
 */
export function readTmx(text: string, onProgress?: (fraction: number) => void): BilingualDocument {
  const root = parseXmlRoot(text, 'TMX', onProgress);
  if (root.name !== 'tmx') throw new BilingualImportError(`This file is XML but not TMX: its root element is <${root.name}>.`);
  const header = firstElement(root, 'header');
  const body = firstElement(root, 'body');
  const tus = body ? descendants(body, 'tu') : [];
  if (tus.length === 0) throw new BilingualImportError('This TMX file holds no translation units.');

  const tuvLanguages = new Set(tus.flatMap((tu) => elements(tu, 'tuv').map((tuv) => languageAttribute(tuv) ?? '')));
  const declared = header?.attributes.srclang;
  const [from, to] = pickLanguagePair('TMX', declared && declared !== '*all*' ? declared : undefined, tuvLanguages);
  const headerProps = header ? properties(header) : new Map<string, string>();

  const units: BilingualUnit[] = [];
  let firstProps: Map<string, string> | undefined;
  for (const tu of tus) {
    const segments = new Map<string, string>();
    for (const tuv of elements(tu, 'tuv')) {
      const language = languageFromTag(languageAttribute(tuv));
      const seg = firstElement(tuv, 'seg');
      if (language && seg && !segments.has(language)) segments.set(language, inlineText(seg, textElements));
    }
    const source = segments.get(from);
    const target = segments.get(to);
    if (source === undefined || target === undefined) continue;
    const props = properties(tu);
    firstProps ??= props;
    const paragraph = Number(props.get(targumProperty.paragraph));
    const status = props.get(targumProperty.status);
    units.push({
      source,
      target,
      status: statusFrom(status),
      review: status === undefined ? 'unmarked' : status === 'confirmed' ? 'reviewed' : 'unreviewed',
      machine: props.get(targumProperty.machine),
      model: props.get(targumProperty.model),
      confirmedAt: isoDate(props.get(targumProperty.confirmed)),
      notes: [...elements(tu, 'note'), ...elements(tu, 'tuv').flatMap((tuv) => elements(tuv, 'note'))].map((note) => inlineText(note, new Set())),
      paragraph: Number.isInteger(paragraph) && paragraph > 0 ? paragraph - 1 : (units.at(-1)?.paragraph ?? -1) + 1,
      link: linkFromType(props.get(targumProperty.link), props.get(targumProperty.confidence), source, target, from, to),
    });
  }
  if (units.length === 0) throw new BilingualImportError(`This TMX file has no translation unit with both ${from} and ${to} text.`);

  const model = headerProps.get(targumProperty.model);
  const targum = header?.attributes.creationtool === 'Targum';
  return withoutBidiControls({
    kind: units.some((unit) => unit.link) ? 'alignment' : 'translation',
    title: headerProps.get(targumProperty.title) ?? firstProps?.get(targumProperty.title) ?? '',
    outlet: headerProps.get(targumProperty.outlet) ?? firstProps?.get(targumProperty.outlet),
    sourceLanguage: from,
    targetLanguage: to,
    segtype: header?.attributes.segtype === 'paragraph' || header?.attributes.segtype === 'block' ? 'paragraph' : 'sentence',
    createdAt: isoDate(header?.attributes.creationdate) ?? new Date().toISOString(),
    toolVersion: targum ? (header?.attributes.creationtoolversion ?? '') : '',
    model,
    units: units.map((unit) => ({ ...unit, model: unit.model === model ? undefined : unit.model })),
  });
}
