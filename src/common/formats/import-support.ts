import { type TextLanguage, languageNames } from '../text/language';
import { splitSentences } from '../text/segmenter';
import type { LinkInfo } from './bilingual-document';
import type { SegmentStatus } from './translation-output';
import { BilingualImportError } from './xml-tree';

const languageCodes: Record<string, TextLanguage> = { he: 'he', iw: 'he', heb: 'he', ar: 'ar', ara: 'ar', en: 'en', eng: 'en' };

/** he, ar or en from a language tag (`he-IL`, `AR`, `en_US`, `iw`); undefined for any other language. */
export function languageFromTag(tag: string | undefined): TextLanguage | undefined {
  return tag ? languageCodes[tag.trim().toLowerCase().split(/[-_]/)[0]!] : undefined;
}

export const segmentStatuses: readonly SegmentStatus[] = ['machine', 'edited', 'confirmed'];

/** What a file's own words for a status mean, when it has one of ours; files that say nothing are `edited`. */
export function statusFrom(value: string | undefined): SegmentStatus {
  return segmentStatuses.find((status) => status === value) ?? 'edited';
}

/**
 * The two languages of a file's units: the declared source language when it is one of ours, and the other of ours
 * (English preferred as the target). Refused when fewer than two of Hebrew, Arabic and English are present.
 */
export function pickLanguagePair(format: string, declared: string | undefined, tags: Iterable<string>): [TextLanguage, TextLanguage] {
  const seen = new Set<string>();
  const ours: TextLanguage[] = [];
  for (const tag of tags) {
    seen.add(tag);
    const language = languageFromTag(tag);
    if (language && !ours.includes(language)) ours.push(language);
  }
  if (ours.length < 2) {
    const listed = [...seen].slice(0, 6).join(', ') || 'none';
    throw new BilingualImportError(`This ${format} file has no pair of ${Object.values(languageNames).join(', ')} texts to read (its languages: ${listed}).`);
  }
  const source = languageFromTag(declared) ?? ours.find((language) => language !== 'en')!;
  const target = ours.includes('en') && source !== 'en' ? 'en' : ours.find((language) => language !== source)!;
  return [source, target];
}

/** A link from its `S-T` type and the joined texts: a side of several sentences is split again by the segmenter. */
export function linkFromType(type: string | undefined, confidence: string | undefined, source: string, target: string, from: TextLanguage, to: TextLanguage): LinkInfo | undefined {
  const counts = /^(\d+)-(\d+)$/.exec(type?.trim() ?? '');
  if (!counts) return undefined;
  const number = Number(confidence);
  return {
    sourceSentences: splitInto(source, Number(counts[1]), from),
    targetSentences: splitInto(target, Number(counts[2]), to),
    confidence: Number.isFinite(number) ? Math.min(1, Math.max(0, number)) : 1,
  };
}

function splitInto(text: string, count: number, language: TextLanguage): string[] {
  if (count === 0 || text === '') return [];
  if (count === 1) return [text];
  const sentences = splitSentences(text, language);
  return sentences.length > count ? [...sentences.slice(0, count - 1), sentences.slice(count - 1).join(' ')] : sentences;
}

/** ISO 8601 from a TMX date (`20240102T030405Z`) or any date the platform parses; undefined when it is no date. */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const tmx = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  const date = tmx ? new Date(Date.UTC(+tmx[1]!, +tmx[2]! - 1, +tmx[3]!, +tmx[4]!, +tmx[5]!, +tmx[6]!)) : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}
