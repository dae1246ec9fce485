import type { BilingualDocument, BilingualUnit } from '../../common/formats/bilingual-document';
import { BilingualImportError, importFormatOf, type ReadProgress } from '../../common/formats/bilingual-readers';
import { trustableReview } from '../../common/formats/memory-standing';
import { languageNames } from '../../common/text/language';
import { storeAlignedPair, type AlignedPairInput, type BuiltAlignedPair } from '../alignment/aligned-pair';
import type { SegmentStatus } from '../../common/formats/translation-output';
import type { TargumDatabase } from '../data/database';
import { addImportedEdits } from '../data/article-changes';
import { articleTables, articlesTitled } from '../data/articles';
import { addMemoryPairs, memoryEntriesOf, writeMemoryEntries, type MemoryImport, type MemoryPair, type MemorySource, type StoreControl } from '../data/memory';
import { loadArticleView } from '../data/article-view';
import { openArticleReader } from './article-reader';
import { readBilingualOffThread } from './bilingual-read-off-thread';

/** The pairs of a Hebrew or Arabic ↔ English document, source first, both sides written. */
function memoryPairs(document: BilingualDocument): MemoryPair[] {
  const englishTarget = document.targetLanguage === 'en' && document.sourceLanguage !== 'en';
  const englishSource = document.sourceLanguage === 'en' && document.targetLanguage !== 'en';
  if (!englishTarget && !englishSource) return [];
  return document.units
    .filter((unit) => unit.source.trim() !== '' && unit.target.trim() !== '')
    .map((unit) =>
      englishTarget
        ? { language: document.sourceLanguage, source: unit.source, target: unit.target, review: unit.review }
        : { language: document.targetLanguage, source: unit.target, target: unit.source, review: unit.review },
    );
}

/**
 * Fills the translation memory from a TMX, XLIFF or TSV file's pairs (Hebrew or Arabic with English): units the file
 * (or the user) marks as reviewed are offered as those sentences' English wherever they appear, the others as
 * references only. What the reader confirmed stays.
 */
export function importIntoMemory(db: TargumDatabase, document: BilingualDocument, from: MemorySource, control?: StoreControl): Promise<MemoryImport> {
  return addMemoryPairs(db, memoryPairs(document), from, control);
}

/** What the import panel needs to let the user vouch for a file's units after the import. */
export interface MemoryOutcome {
  importId: string;
  /** Set when the file has units the user may mark as reviewed: XLIFF `translated`, or a file silent on review. */
  trustable?: 'translated' | 'unmarked';
}

function memorySentence(memory: MemoryImport): string {
  const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
  const added = memory.added > 0 ? ` ${plural(memory.added, 'pair', 'pairs')} added to the translation memory.` : '';
  const kept = memory.references > 0 ? ` ${plural(memory.references, 'unreviewed pair', 'unreviewed pairs')} kept as ${memory.references === 1 ? 'a reference' : 'references'}.` : '';
  return added + kept;
}

export interface ArticleUpdate {
  articleId: number;
  title: string;
  /** Sentences whose English or status the file changed. */
  changed: number;
  /** Units of the file whose source is not a sentence of the article (left alone). */
  unmatched: number;
}

/**
 * An XLIFF exported from an article, translated or reviewed elsewhere, back into that article: each unit whose
 * source is one of the article's sentences sets that sentence's English and status (final → confirmed,
 * translated → edited), as edits that keep the history. Undefined when no article of that title and language
 * holds the file's sentences (at least half of them).
 */
export async function updateArticleFromXliff(db: TargumDatabase, document: BilingualDocument): Promise<ArticleUpdate | undefined> {
  if (document.segtype !== 'sentence' || document.targetLanguage !== 'en' || !document.title) return undefined;
  const candidates = await articlesTitled(db, document.title);
  for (const article of candidates.filter((candidate) => candidate.language === document.sourceLanguage)) {
    const view = await loadArticleView(db, article.id!);
    if (!view) continue;
    const sentences = new Map(view.paragraphs.flat().map((sentence) => [sentence.segment.text, sentence]));
    const matching = document.units.filter((unit) => sentences.has(unit.source));
    if (matching.length * 2 < document.units.length) continue;
    const changes = matching.filter((unit) => differs(unit, sentences.get(unit.source)!.state));
    await addImportedEdits(db, article, changes.map((unit) => ({ source: unit.source, text: unit.target, status: unit.status })));
    return { articleId: article.id!, title: article.title, changed: changes.length, unmatched: document.units.length - matching.length };
  }
  return undefined;
}

function differs(unit: BilingualUnit, state: { english?: string; status: SegmentStatus }): boolean {
  if (unit.status === 'machine') return false;
  return unit.target !== state.english || unit.status !== state.status;
}

export interface BilingualImportOutcome {
  message: string;
  /** The article the file went into or became, to open. */
  articleId?: number;
  memory?: MemoryOutcome;
}

/**
 * A TMX, XLIFF or TSV file: its pairs go into the translation memory; an XLIFF exported from an article of
 * the library goes back into that article; anything else becomes a new pair of aligned articles. The file is read
 * in a worker, reporting how far it has read; 1 once it is read, before it is stored. `store`: the progress of
 * writing its pairs to the memory, and the user's cancel, which stops the import before anything is stored.
 */
export async function importBilingualFile(db: TargumDatabase, fileName: string, bytes: Uint8Array, onRead?: ReadProgress, store?: StoreControl): Promise<BilingualImportOutcome> {
  const document = await readBilingualOffThread(fileName, bytes, onRead);
  store?.signal?.throwIfAborted();
  if (onRead) {
    onRead(1);
    // A turn for the screen to say the file is read before storing it holds this thread.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  const isXliff = importFormatOf(fileName, new TextDecoder().decode(bytes.subarray(0, 4096))) === 'xliff';
  return importBilingualDocument(db, fileName, document, isXliff, store);
}

/** The share of a store's progress one of its parts covers: `from` to `from + share`. */
const partOf = (store: StoreControl | undefined, from: number, share: number): StoreControl => ({
  ...(store?.signal ? { signal: store.signal } : {}),
  onProgress: (fraction) => store?.onProgress?.(from + share * fraction),
});

/**
 * A bilingual document read from a file (a TMX, XLIFF or TSV file, or Targum's own HTML export), stored as
 * importBilingualFile says. The aligned pair of articles is built in the article reader's worker while the memory
 * entries are made here; then both are written in one transaction, in batches the screen answers between, so a
 * cancel or a failure stores nothing of the file.
 */
export async function importBilingualDocument(db: TargumDatabase, fileName: string, document: BilingualDocument, isXliff = false, store?: StoreControl): Promise<BilingualImportOutcome> {
  if (document.units.length === 0) throw new BilingualImportError('This file holds no translation units.');
  const update = isXliff ? await updateArticleFromXliff(db, document) : undefined;
  const title = document.title || fileName.replace(/\.[^.]+$/, '');
  const side = (language: BilingualDocument['sourceLanguage'], texts: string[], sideTitle: string) => ({
    language,
    units: texts,
    paragraphs: document.units.map((unit) => unit.paragraph),
    title: sideTitle,
    originalFileName: fileName,
  });
  const buildPair = async (): Promise<BuiltAlignedPair | undefined> => {
    if (update) return undefined;
    const reader = openArticleReader();
    try {
      const input: AlignedPairInput = {
        source: side(document.sourceLanguage, document.units.map((unit) => unit.source), title),
        target: side(document.targetLanguage, document.units.map((unit) => unit.target), `${title} (${languageNames[document.targetLanguage]})`),
        links: document.units.map((unit, index) => ({ source: [index], target: [index], confidence: unit.link?.confidence })),
      };
      const built = await reader.run({ task: 'pair', input });
      if (!('pair' in built)) throw new Error('the article reader answered out of turn');
      return built.pair;
    } finally {
      reader.close();
    }
  };
  const [entries, pair] = await Promise.all([memoryEntriesOf(memoryPairs(document), { fileName }, store?.signal), buildPair()]);
  store?.signal?.throwIfAborted();
  // Progress by rows written: the memory's entries, then the two articles' sentences (about a unit each).
  const memoryShare = entries.entries.size / Math.max(1, entries.entries.size + (pair ? 2 * document.units.length : 0));
  const { memory, sourceId } = await db.transaction('rw', [db.memory, ...articleTables(db), db.alignments], async () => {
    const memory = await writeMemoryEntries(db, entries, partOf(store, 0, memoryShare));
    const stored = pair ? await storeAlignedPair(db, pair, partOf(store, memoryShare, 1 - memoryShare)) : undefined;
    return { memory, sourceId: stored?.sourceId };
  });
  const remembered = memorySentence(memory);
  const trustable = memory.references > 0 ? trustableReview(document.units.map((unit) => unit.review)) : undefined;
  const memoryOutcome: MemoryOutcome = { importId: memory.importId, ...(trustable ? { trustable } : {}) };
  if (update) {
    return { articleId: update.articleId, memory: memoryOutcome, message: `Updated ${update.changed} ${update.changed === 1 ? 'sentence' : 'sentences'} of “${update.title}”.${remembered}` };
  }
  return { articleId: sourceId, memory: memoryOutcome, message: `Imported “${title}” with its ${languageNames[document.targetLanguage]}, aligned in ${document.units.length} pairs.${remembered}` };
}
