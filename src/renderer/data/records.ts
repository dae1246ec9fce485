import type { MemoryStanding, UnitReview } from '../../common/formats/memory-standing';
import type { SegmentStatus } from '../../common/formats/translation-output';
import type { TextLanguage } from '../../common/text/language';

/** How an article came in; the original text and file name are always kept. */
export type ArticleOrigin = 'sample' | 'paste' | 'file' | 'url';

export interface ArticleRecord {
  id?: number;
  title: string;
  language: TextLanguage;
  outlet?: string;
  /** ISO date of publication, when one was found. */
  date?: string;
  origin: ArticleOrigin;
  originalFileName?: string;
  /** The file (or fetched page) as it came, byte for byte. */
  originalFile?: Blob;
  /** The address the article was fetched from (origin 'url'). */
  sourceUrl?: string;
  /** The encoding the file was decoded from, when it came from a file. */
  encoding?: string;
  /** The text as imported (decoded and cleaned); paragraphs and sentences are derived from it. */
  originalText: string;
  tags: string[];
  createdAt: number;
  updatedAt: number;
  /** The version of the boilerplate rules its sentences were marked with (BOILERPLATE_VERSION); 1 when absent. */
  boilerplateVersion?: number;
  /** Set once the article is shared with a team ("Share with team"): its team document's id. */
  teamId?: string;
}

/** One sentence of an article, derived from its original text by the segmenter of the recorded version. */
export interface SegmentRecord {
  id?: number;
  articleId: number;
  paragraphIndex: number;
  sentenceIndex: number;
  text: string;
  segmenterVersion: number;
  /** Set on the sentences of a paragraph that is site boilerplate, to its kind; hidden by default. */
  boilerplate?: string;
}

/** A machine translation of one source sentence, with what made it. */
export interface TranslationRecord {
  id?: number;
  articleId: number;
  source: string;
  text: string;
  modelId: string;
  precision: string;
  createdAt: number;
  /** How sure the model was of `text`, exp of the mean token log-probability (absent on English made before Targum kept it). */
  confidence?: number;
  /** Character offsets in `text` of the words the model was unsure of. */
  unsure?: Array<{ start: number; end: number }>;
}

/**
 * One change to a sentence's English by the reader; a segment's history is its edits in order and the latest
 * one is its current state. `machine` withdraws the correction (the machine or memory English shows again).
 */
export interface EditRecord {
  id?: number;
  articleId: number;
  source: string;
  text: string;
  status: SegmentStatus;
  createdAt: number;
  /** Set on corrections that came from a team: who made this one, when, and versions made apart that conflict with it. */
  team?: TeamMark<SegmentValue>;
}

export interface GlossRecord {
  id?: number;
  /** The normalised form the gloss matches on. */
  key: string;
  surface: string;
  language: TextLanguage;
  meaning: string;
  note?: string;
  lemma?: string;
  createdAt: number;
  /** Set once the gloss is shared with a team: who made this version, when, and any version in conflict with it. */
  team?: TeamMark<GlossContent>;
}

/** What a gloss says, as members edit it; the form it matches on and its language make the team document's id. */
export type GlossContent = Pick<GlossRecord, 'surface' | 'meaning' | 'note' | 'lemma'>;

/** One version of a shared entry: what it said, who made it and when. `rev` is its revision in the team's database. */
export interface TeamVersion<Content> {
  content: Content;
  by: string;
  at: number;
  rev?: string;
}

/** A shared entry's team state: who made the version shown and when; the versions in conflict with it; older versions kept. */
export interface TeamMark<Content> {
  by: string;
  at: number;
  /** Versions made by other members while apart, not yet resolved: shown with the entry, never dropped silently. */
  conflicts?: Array<TeamVersion<Content>>;
  /** Versions a resolution set aside, the latest last. */
  history?: Array<TeamVersion<Content>>;
}

/** One link of a stored alignment: sentence indices as in `AlignmentRecord.sourceSentences` and `targetSentences`. */
export interface AlignmentLinkRecord {
  source: number[];
  target: number[];
  confidence: number;
  /** Made or confirmed by the user: re-aligning keeps it. */
  manual: boolean;
}

/** One edit of an alignment's links, as undo and redo replay it: `before` replaced by `after` from link `index` on. */
export interface AlignmentChangeRecord {
  label: string;
  index: number;
  before: AlignmentLinkRecord[];
  after: AlignmentLinkRecord[];
}

/** An article (source side) aligned with another article, its counterpart (target side), sentence by sentence. */
export interface AlignmentRecord {
  id?: number;
  articleId: number;
  counterpartId: number;
  links: AlignmentLinkRecord[];
  /**
   * The sentences the links index (boilerplate left out), as they read when the links were made: a stored
   * alignment is checked against the articles' current sentences, which are re-derived when the segmenter improves.
   */
  sourceSentences: string[];
  targetSentences: string[];
  /** Edits that can be undone (oldest first) and redone (most recently undone last). */
  undo: AlignmentChangeRecord[];
  redo: AlignmentChangeRecord[];
  /** Counts every write, so that an edit made on a stale copy is refused rather than lost. */
  revision: number;
  createdAt: number;
  updatedAt: number;
  /** Set on alignments that came from a team: who made these links, when, and versions made apart that conflict with them. */
  team?: TeamMark<AlignmentContent>;
}

/** What an alignment says, as members edit it: its links and the sentences they index. */
export type AlignmentContent = Pick<AlignmentRecord, 'links' | 'sourceSentences' | 'targetSentences'>;

/**
 * One entry of the translation memory. `reviewed` entries (every confirmation made here, and imported units their
 * file or the user marked as reviewed) are offered as the sentence's English; `reference` entries only as a
 * suggestion, with where they came from.
 */
export interface MemoryRecord {
  id?: number;
  /** Language and normalised source text: one entry per sentence. */
  sourceKey: string;
  language: TextLanguage;
  source: string;
  target: string;
  origin: 'confirmed' | 'import';
  standing: MemoryStanding;
  /** Imports: what the file said of the unit's review (absent on entries imported before Targum kept it). */
  review?: UnitReview;
  /** Imports: one id per imported file, the file's name and when it was imported. */
  importId?: string;
  fileName?: string;
  importedAt?: number;
  updatedAt: number;
  /** Set on confirmed entries shared with a team: who confirmed this English and when, and versions confirmed apart. */
  team?: TeamMark<MemoryContent>;
}

/** What a shared memory entry says, as members confirm it: its English (the source sentence makes its id). */
export interface MemoryContent {
  target: string;
}

/**
 * A shared entry changed here whose team document is not yet on the team's server. `ref` finds the entry (a gloss's
 * key, a memory entry's source key); `rev` is set once the change is in the local replica, and the row goes when the
 * replication has pushed that revision. `resolves` lists the conflicting revisions a resolution here removes.
 */
export interface TeamOutboxRecord {
  docId: string;
  kind: 'gloss' | 'memory' | 'article' | 'correction' | 'alignment';
  /**
   * A gloss's key, a memory entry's source key, a corrected sentence's source; the article's document id for an
   * article, the counterpart's for an alignment.
   */
  ref: string;
  /** A correction's or an alignment's article (its team document id). */
  article?: string;
  language: TextLanguage;
  at: number;
  rev?: string;
  resolves?: string[];
}

export interface SettingRecord {
  key: string;
  value: unknown;
}

/**
 * What the library list and its search know of one article, derived from the article, its sentences,
 * translations and corrections, and rewritten whenever one of them changes (see library/search-text.ts).
 */
export interface LibraryEntryRecord {
  articleId: number;
  title: string;
  language: TextLanguage;
  outlet?: string;
  date?: string;
  createdAt: number;
  tags: string[];
  /** The opening of the text after the title. */
  excerpt: string;
  /** Sentences outside site boilerplate. */
  sentences: number;
  /** Of those, the ones whose latest correction is a confirmation. */
  confirmed: number;
}

/** What a search looks for in one article, written with its entry but kept apart, so that the list is read without it. */
export interface EntryWordsRecord {
  articleId: number;
  /** The distinct folded words of the title, the text and its current English, as ids of searchWords, ascending. */
  words: Int32Array;
  /** Which folding rules made the words (library/search-text.ts): words made by other rules are made again. */
  folding: string;
}

/** One folded word of the library's vocabulary. Ids are never reused, so a word's id never changes. */
export interface SearchWordRecord {
  id?: number;
  word: string;
}

/** An article whose library entry must be rebuilt; `mark` changes with every write, so a rebuild from an older state is not taken for a current one. */
export interface SearchQueueRecord {
  articleId: number;
  mark: number;
}

/** The queue entry that stands for every article (article ids start at 1). */
export const everyArticle = 0;

/** A sentence's English as the reader left it: a correction, or a confirmation of the English shown. */
export interface SegmentValue {
  text: string;
  status: Exclude<SegmentStatus, 'machine'>;
}

/**
 * One change the reader makes while reading an article, kept with what it replaced so it can be undone
 * and redone, after a reload too. A confirmation also records the memory entry it replaced.
 */
export type ArticleChange =
  | { kind: 'segment'; source: string; before: SegmentValue | null; after: SegmentValue | null; /** Set on confirmations. */ memoryBefore?: MemoryRecord | null }
  | { kind: 'gloss'; before: GlossRecord | null; after: GlossRecord | null };

/** What can be undone (oldest first) and redone (most recently undone last) of the reader's changes to one article. */
export interface UndoLogRecord {
  articleId: number;
  done: ArticleChange[];
  undone: ArticleChange[];
}
