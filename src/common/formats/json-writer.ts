import type { BilingualDocument, BilingualUnit, LinkInfo } from './bilingual-document';
import { linkType } from './bilingual-document';
import { roundConfidence } from './bilingual-text';
import { mapWithProgress, type ExportProgress } from './export-progress';
import { unitsByParagraph } from './text-writers';

/** A unit's link; units read from files without link data count as 1-1 (or 1-0, 0-1 when a side is empty). */
export function linkOf(unit: BilingualUnit): LinkInfo {
  return unit.link ?? { sourceSentences: unit.source ? [unit.source] : [], targetSentences: unit.target ? [unit.target] : [], confidence: 1 };
}

/** json: the schema in docs/formats.md; a translation has `paragraphs`, an alignment `links` (docs/cli.md). */
export async function writeJson(document: BilingualDocument, progress?: ExportProgress): Promise<string> {
  const head = {
    version: 1,
    from: document.sourceLanguage,
    to: document.targetLanguage,
    ...(document.model !== undefined && { model: document.model }),
    ...(document.title && { title: document.title }),
    ...(document.outlet && { outlet: document.outlet }),
    segtype: document.segtype,
    created: document.createdAt,
    tool: { name: 'Targum', version: document.toolVersion },
  };
  if (document.kind === 'alignment') {
    const links = await mapWithProgress(document.units, (unit) => {
      const link = linkOf(unit);
      return { source: link.sourceSentences, target: link.targetSentences, type: linkType(link), confidence: roundConfidence(link.confidence), status: unit.status, paragraph: unit.paragraph };
    }, progress);
    return `${JSON.stringify({ ...head, links }, null, 2)}\n`;
  }
  const paragraphs = await mapWithProgress(unitsByParagraph(document.units), (units) => ({ sentences: units.map(sentenceJson) }), progress);
  return `${JSON.stringify({ ...head, paragraphs }, null, 2)}\n`;
}

function sentenceJson(unit: BilingualUnit) {
  return {
    source: unit.source,
    translation: unit.target,
    status: unit.status,
    ...(unit.machine !== undefined && { machine: unit.machine }),
    ...(unit.model !== undefined && { model: unit.model }),
    ...(unit.confirmedAt !== undefined && { confirmed: unit.confirmedAt }),
    ...(unit.quality && qualityJson(unit)),
    ...(unit.notes.length > 0 && { notes: unit.notes }),
  };
}

/** `confidence`, and `unsure`: the words under the threshold with their offsets in the machine English. */
function qualityJson(unit: BilingualUnit) {
  const english = unit.machine ?? unit.target;
  return {
    confidence: roundConfidence(unit.quality!.confidence),
    unsure: unit.quality!.unsure.map(({ start, end }) => ({ word: english.slice(start, end), start, end })),
  };
}
