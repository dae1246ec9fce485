import type { BilingualDocument, BilingualUnit } from '../../common/formats/bilingual-document';
import { BilingualImportError, importFormatOf, readBilingualFile } from '../../common/formats/bilingual-readers';
import { type TextLanguage, languageNames } from '../../common/text/language';
import { createAlignedPair } from '../alignment/aligned-pair';
import type { SegmentStatus } from '../../common/formats/translation-output';
import { memoryKey } from '../../common/text/memory-key';
import type { TargumDatabase } from '../db/database';
import type { MemoryRecord } from '../db/records';
import { confirmedMemory } from '../segments/article-changes';
import { loadArticleView } from '../segments/use-article-view';

export interface MemoryImport {
  /** Entries written to the translation memory. */
  added: number;
  /** Sentences already confirmed by the reader, whose memory entry the file did not replace. */
  keptConfirmed: number;
}

/** The pairs of a Hebrew or Arabic ↔ English document, source first, both sides written. */
function memoryPairs(document: BilingualDocument): Array<{ language: TextLanguage; source: string; target: string }> {
  const englishTarget = document.targetLanguage === 'en' && document.sourceLanguage !== 'en';
  const englishSource = document.sourceLanguage === 'en' && document.targetLanguage !== 'en';
  if (!englishTarget && !englishSource) return [];
  return document.units
    .filter((unit) => unit.source.trim() !== '' && unit.target.trim() !== '')
    .map((unit) =>
      englishTarget
        ? { language: document.sourceLanguage, source: unit.source, target: unit.target }
        : { language: document.targetLanguage, source: unit.target, target: unit.source },
    );
}

/**
 * Fills the translation memory from a TMX, XLIFF or TSV file's pairs (Hebrew or Arabic with English), so that
 * those sentences are offered their translation wherever they appear. What the reader confirmed stays.
 */
export async function importIntoMemory(db: TargumDatabase, document: BilingualDocument): Promise<MemoryImport> {
  const pairs = memoryPairs(document);
  return db.transaction('rw', db.memory, async () => {
    const result: MemoryImport = { added: 0, keptConfirmed: 0 };
    const now = Date.now();
    const entries = new Map<string, MemoryRecord>();
    for (const pair of pairs) {
      const sourceKey = memoryKey(pair.language, pair.source);
      entries.set(sourceKey, { sourceKey, language: pair.language, source: pair.source, target: pair.target, origin: 'tmx', updatedAt: now });
    }
    const existing = new Map((await db.memory.where('sourceKey').anyOf([...entries.keys()]).toArray()).map((entry) => [entry.sourceKey, entry]));
    const writes: MemoryRecord[] = [];
    for (const [key, entry] of entries) {
      const known = existing.get(key);
      if (known?.origin === 'confirmed') result.keptConfirmed += 1;
      else writes.push(known ? { ...entry, id: known.id } : entry);
    }
    await db.memory.bulkPut(writes);
    result.added = writes.length;
    return result;
  });
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
  const candidates = await db.articles.where('title').equals(document.title).toArray();
  for (const article of candidates.filter((candidate) => candidate.language === document.sourceLanguage)) {
    const view = await loadArticleView(db, article.id!);
    if (!view) continue;
    const sentences = new Map(view.paragraphs.flat().map((sentence) => [sentence.segment.text, sentence]));
    const matching = document.units.filter((unit) => sentences.has(unit.source));
    if (matching.length * 2 < document.units.length) continue;
    const changes = matching.filter((unit) => differs(unit, sentences.get(unit.source)!.state));
    await db.transaction('rw', db.edits, db.memory, async () => {
      const now = Date.now();
      await db.edits.bulkAdd(changes.map((unit) => ({ articleId: article.id!, source: unit.source, text: unit.target, status: unit.status, createdAt: now })));
      const confirmed = changes.filter((unit) => unit.status === 'confirmed');
      for (const unit of confirmed) await db.memory.put(await confirmedMemory(db, article, unit.source, { text: unit.target, status: 'confirmed' }));
    });
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
}

/**
 * A TMX, XLIFF or TSV file: its pairs go into the translation memory; an XLIFF exported from an article of
 * the library goes back into that article; anything else becomes a new pair of aligned articles.
 */
export async function importBilingualFile(db: TargumDatabase, fileName: string, bytes: Uint8Array): Promise<BilingualImportOutcome> {
  const document = readBilingualFile(fileName, bytes);
  if (document.units.length === 0) throw new BilingualImportError('This file holds no translation units.');
  const update = importFormatOf(fileName, new TextDecoder().decode(bytes.subarray(0, 4096))) === 'xliff' ? await updateArticleFromXliff(db, document) : undefined;
  const memory = await importIntoMemory(db, document);
  const remembered = memory.added > 0 ? ` ${memory.added} ${memory.added === 1 ? 'pair' : 'pairs'} added to the translation memory.` : '';
  if (update) {
    return { articleId: update.articleId, message: `Updated ${update.changed} ${update.changed === 1 ? 'sentence' : 'sentences'} of “${update.title}”.${remembered}` };
  }
  const title = document.title || fileName.replace(/\.[^.]+$/, '');
  const side = (language: BilingualDocument['sourceLanguage'], texts: string[], sideTitle: string) => ({
    language,
    units: texts,
    paragraphs: document.units.map((unit) => unit.paragraph),
    title: sideTitle,
    originalFileName: fileName,
  });
  const { sourceId } = await createAlignedPair(db, {
    source: side(document.sourceLanguage, document.units.map((unit) => unit.source), title),
    target: side(document.targetLanguage, document.units.map((unit) => unit.target), `${title} (${languageNames[document.targetLanguage]})`),
    links: document.units.map((unit, index) => ({ source: [index], target: [index], confidence: unit.link?.confidence })),
  });
  return { articleId: sourceId, message: `Imported “${title}” with its ${languageNames[document.targetLanguage]}, aligned in ${document.units.length} pairs.${remembered}` };
}
