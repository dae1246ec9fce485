import type { TextLanguage } from '../text/language';

export type SegmentStatus = 'machine' | 'edited' | 'confirmed';

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
