import type { TranslationLanguage } from '../models/model-info';
import { tsvRecord } from './tsv';

export type SegmentStatus = 'machine' | 'edited' | 'confirmed';

export interface TranslatedSentence {
  source: string;
  translation: string;
  status: SegmentStatus;
}

export interface TranslatedDocument {
  from: TranslationLanguage;
  to: TranslationLanguage;
  model: string;
  paragraphs: TranslatedSentence[][];
}

/** txt: the translation only, paragraphs separated by a blank line. */
export function formatTranslationText(document: TranslatedDocument): string {
  return `${document.paragraphs.map((sentences) => sentences.map((sentence) => sentence.translation).join(' ')).join('\n\n')}\n`;
}

/** tsv: `source<TAB>translation`, one line per sentence, a blank line between paragraphs. */
export function formatTranslationTsv(document: TranslatedDocument): string {
  return document.paragraphs.map((sentences) => sentences.map((sentence) => tsvRecord([sentence.source, sentence.translation])).join('')).join('\n');
}

/** json: `{version, from, to, model, paragraphs: [{sentences: [{source, translation, status}]}]}`. */
export function formatTranslationJson(document: TranslatedDocument): string {
  const json = {
    version: 1,
    from: document.from,
    to: document.to,
    model: document.model,
    paragraphs: document.paragraphs.map((sentences) => ({ sentences })),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
