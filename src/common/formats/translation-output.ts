import type { TextLanguage } from '../text/language';

export type SegmentStatus = 'machine' | 'edited' | 'confirmed';

/** How sure the model was of its machine translation (the decoder's own log-probabilities). */
export interface MachineQuality {
  /** exp of the mean token log-probability, in [0, 1]. */
  confidence: number;
  /** Character offsets, in the machine English, of the words the model was unsure of. */
  unsure: ReadonlyArray<{ start: number; end: number }>;
}

export interface TranslatedSentence {
  source: string;
  /** The English as it stands: the correction when there is one, else the machine translation. */
  translation: string;
  status: SegmentStatus;
  /** The raw machine translation, when `translation` is a correction of it. */
  machine?: string;
  /** The model that made the machine translation, when it differs from the document's. */
  model?: string;
  /** ISO 8601 date and time the sentence was confirmed. */
  confirmedAt?: string;
  /** The machine translation's confidence, when the model gave one. */
  quality?: MachineQuality;
  /** Glosses of the sentence's words, each written as one line of text. */
  notes?: string[];
}

/** An article's sentences with their translations, paragraph by paragraph: what translate and the reader produce. */
export interface TranslatedDocument {
  from: TextLanguage;
  to: TextLanguage;
  model: string;
  paragraphs: TranslatedSentence[][];
}
