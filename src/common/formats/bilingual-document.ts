import type { AlignedText } from '../align/types';
import type { MachineQuality, SegmentStatus, TranslatedDocument } from './translation-output';
import type { TextLanguage } from '../text/language';
import type { UnitReview } from './memory-standing';

export type SegmentType = 'sentence' | 'paragraph';

/** The sentences of one alignment link and the aligner's confidence; its type is `S-T` from the counts. */
export interface LinkInfo {
  sourceSentences: string[];
  targetSentences: string[];
  confidence: number;
}

/** One pair of texts as every bilingual format writes it (a TMX `tu`, an XLIFF `trans-unit`, a table row). */
export interface BilingualUnit {
  source: string;
  target: string;
  status: SegmentStatus;
  /** The raw machine translation, kept when the target is a correction of it. */
  machine?: string;
  model?: string;
  /** ISO 8601 date and time the target was confirmed. */
  confirmedAt?: string;
  /** How sure the model was of the machine English (`machine` when set, else `target`); sentence units only. */
  quality?: MachineQuality;
  /** Glosses, each one line of text. */
  notes: string[];
  /** 0-based paragraph of the source text the unit belongs to. */
  paragraph: number;
  /** Set on the units of an alignment. */
  link?: LinkInfo;
  /** What the file read said of the unit's review (readers set it; see memory-standing.ts). */
  review?: UnitReview;
}

/** A format-neutral bilingual document: what writers take and readers give back. */
export interface BilingualDocument {
  kind: 'translation' | 'alignment';
  /** The article's title; may be empty (standard input, a TSV file). */
  title: string;
  outlet?: string;
  sourceLanguage: TextLanguage;
  targetLanguage: TextLanguage;
  segtype: SegmentType;
  /** ISO 8601 date and time the document was made. */
  createdAt: string;
  toolVersion: string;
  /** The model that translated the document, when one did. */
  model?: string;
  units: BilingualUnit[];
}

/** What the user picks in the export dialog. */
export interface ExportChoices {
  /** `corrected`: the English as it stands (default); `machine`: the raw machine translation. */
  text: 'corrected' | 'machine';
  /** Whether sentences that are not confirmed are exported too (default yes). */
  unconfirmed: boolean;
  /** Whether glosses are written as notes (default yes). */
  notes: boolean;
  /** `paragraph` joins each paragraph's sentences into one unit. */
  level: SegmentType;
}

export const defaultExportChoices: ExportChoices = { text: 'corrected', unconfirmed: true, notes: true, level: 'sentence' };

export interface DocumentInfo {
  title?: string;
  outlet?: string;
  toolVersion: string;
  /** Defaults to now. */
  createdAt?: string;
}

/** One link of an alignment, as the aligner gives it: sentences on each side (one side may be empty). */
export interface AlignedLink {
  source: readonly string[];
  target: readonly string[];
  confidence: number;
  /** 0-based paragraph of the source side; links without one each count as their own paragraph. */
  paragraph?: number;
  /** Default `edited`: both sides are human text and the link was not checked; `confirmed` once the user checked it. */
  status?: SegmentStatus;
}

export interface Alignment {
  from: TextLanguage;
  to: TextLanguage;
  links: readonly AlignedLink[];
}

/** The aligner's output (links by sentence index) as an alignment of sentences; each link is its own paragraph. */
export function alignmentOfText(aligned: AlignedText): Alignment {
  return {
    from: aligned.from,
    to: aligned.to,
    links: aligned.links.map((link) => ({
      source: link.source.map((index) => aligned.source[index]!),
      target: link.target.map((index) => aligned.target[index]!),
      confidence: link.confidence,
    })),
  };
}

const statusRank: Record<SegmentStatus, number> = { machine: 0, edited: 1, confirmed: 2 };

/** `S-T`: how many sentences each side of a link holds (`1-1`, `2-1`, `0-1`, …). */
export function linkType(link: LinkInfo): string {
  return `${link.sourceSentences.length}-${link.targetSentences.length}`;
}

/** Units from a translated article, as `choices` ask. */
export function bilingualFromTranslation(document: TranslatedDocument, info: DocumentInfo, choices: Partial<ExportChoices> = {}): BilingualDocument {
  const chosen = { ...defaultExportChoices, ...choices };
  const units = document.paragraphs.flatMap((sentences, paragraph) =>
    sentences.map((sentence): BilingualUnit => {
      const model = sentence.model && sentence.model !== document.model ? sentence.model : undefined;
      if (chosen.text === 'machine') {
        return { source: sentence.source, target: sentence.machine ?? sentence.translation, status: 'machine', model, quality: sentence.quality, notes: sentence.notes ?? [], paragraph };
      }
      return {
        source: sentence.source,
        target: sentence.translation,
        status: sentence.status,
        machine: sentence.machine !== undefined && sentence.machine !== sentence.translation ? sentence.machine : undefined,
        model,
        confirmedAt: sentence.status === 'confirmed' ? sentence.confirmedAt : undefined,
        quality: sentence.quality,
        notes: sentence.notes ?? [],
        paragraph,
      };
    }),
  );
  return finish('translation', document.from, document.to, document.model, units, info, chosen);
}

/** Units from an alignment: a side with several sentences is joined by one space; the empty side of 1-0 or 0-1 is empty. */
export function bilingualFromAlignment(alignment: Alignment, info: DocumentInfo, choices: Partial<ExportChoices> = {}): BilingualDocument {
  const chosen = { ...defaultExportChoices, ...choices };
  let paragraph = -1;
  const units = alignment.links.map((link): BilingualUnit => {
    paragraph = link.paragraph ?? paragraph + 1;
    return {
      source: link.source.join(' '),
      target: link.target.join(' '),
      status: link.status ?? 'edited',
      notes: [],
      paragraph,
      link: { sourceSentences: [...link.source], targetSentences: [...link.target], confidence: link.confidence },
    };
  });
  return finish('alignment', alignment.from, alignment.to, undefined, units, info, chosen);
}

function finish(
  kind: BilingualDocument['kind'],
  from: TextLanguage,
  to: TextLanguage,
  model: string | undefined,
  units: BilingualUnit[],
  info: DocumentInfo,
  choices: ExportChoices,
): BilingualDocument {
  let kept = choices.unconfirmed ? units : units.filter((unit) => unit.status === 'confirmed');
  if (!choices.notes) kept = kept.map((unit) => ({ ...unit, notes: [] }));
  if (choices.level === 'paragraph') kept = joinParagraphs(kept);
  return {
    kind,
    title: info.title ?? '',
    outlet: info.outlet,
    sourceLanguage: from,
    targetLanguage: to,
    segtype: choices.level,
    createdAt: info.createdAt ?? new Date().toISOString(),
    toolVersion: info.toolVersion,
    model,
    units: kept,
  };
}

/** One unit per paragraph: texts joined by a space, the lowest status, notes together, the last confirmation date. */
export function joinParagraphs(units: readonly BilingualUnit[]): BilingualUnit[] {
  const groups: BilingualUnit[][] = [];
  for (const unit of units) {
    const last = groups.at(-1);
    if (last && last[0]!.paragraph === unit.paragraph) last.push(unit);
    else groups.push([unit]);
  }
  return groups.map((group) => (group.length === 1 ? group[0]! : joinUnits(group)));
}

function joinUnits(group: BilingualUnit[]): BilingualUnit {
  const join = (texts: string[]) => texts.filter((text) => text !== '').join(' ');
  const target = join(group.map((unit) => unit.target));
  const machine = group.some((unit) => unit.machine !== undefined) ? join(group.map((unit) => unit.machine ?? unit.target)) : undefined;
  const status = group.reduce<SegmentStatus>((lowest, unit) => (statusRank[unit.status] < statusRank[lowest] ? unit.status : lowest), 'confirmed');
  const models = new Set(group.map((unit) => unit.model));
  const links = group.map((unit) => unit.link);
  return {
    source: join(group.map((unit) => unit.source)),
    target,
    status,
    machine: machine !== target ? machine : undefined,
    model: models.size === 1 ? group[0]!.model : undefined,
    confirmedAt: status === 'confirmed' ? group.map((unit) => unit.confirmedAt ?? '').sort().at(-1) || undefined : undefined,
    notes: [...new Set(group.flatMap((unit) => unit.notes))],
    paragraph: group[0]!.paragraph,
    link: links.every((link) => link !== undefined)
      ? {
          sourceSentences: links.flatMap((link) => link.sourceSentences),
          targetSentences: links.flatMap((link) => link.targetSentences),
          confidence: Math.min(...links.map((link) => link.confidence)),
        }
      : undefined,
  };
}
