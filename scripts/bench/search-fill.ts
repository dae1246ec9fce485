/**
 * The page side of bench:search, bundled for the browser by search.ts and served beside the app (same
 * origin, same IndexedDB): writes generated articles through the app's own import path, with a machine
 * translation of every sentence, and waits until the library's search entries are built.
 */
import { articleTables, deriveSegments, prepareArticle, writeArticle } from '../../src/renderer/data/articles';
import { TargumDatabase } from '../../src/renderer/data/database';
import type { TranslationRecord } from '../../src/renderer/data/records';
import { keepSearchTextCurrent, whenSearchTextCurrent } from '../../src/renderer/library/search-text';

export interface Corpus {
  he: string[];
  ar: string[];
  en: string[];
}

const outlets = ['הארץ', 'ידיעות אחרונות', 'מעריב', 'الأهرام', 'الشرق الأوسط', 'الجزيرة', 'القدس العربي', 'النهار'];
const tags = ['Syria', 'Gaza', 'economy', 'elections', 'health', 'science'];

/** A small deterministic generator, so that every run writes the same library. */
function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

let corpus: Corpus | undefined;
let english = new Map<string, string>();
const db = new TargumDatabase();
// As the app does: the search entries are built in the background while articles are written.
keepSearchTextCurrent(db);

/** Article number `index`: Hebrew or Arabic in turn, a title, paragraphs of FLORES sentences up to `words` words. */
function article(index: number, words: number) {
  const next = random(index + 1);
  const language = index % 2 === 0 ? ('he' as const) : ('ar' as const);
  const sentences = corpus![language];
  const pick = () => sentences[Math.floor(next() * sentences.length)]!;
  const title = pick().split(' ').slice(0, 9).join(' ');
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const paragraph = Array.from({ length: 2 + Math.floor(next() * 4) }, pick);
    count += paragraph.join(' ').split(' ').length;
    paragraphs.push(paragraph.join(' '));
  }
  const year = 2015 + Math.floor(next() * 10);
  const date = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
  const outlet = outlets[(language === 'he' ? 0 : 3) + Math.floor(next() * (language === 'he' ? 3 : 5))]!;
  const tagged = next() < 0.3 ? [tags[Math.floor(next() * tags.length)]!] : [];
  return { text: `${title}\n\n${paragraphs.join('\n\n')}`, language, date, outlet, tags: tagged, words: count };
}

declare global {
  interface Window {
    benchFill: {
      load: (corpus: Corpus) => void;
      add: (from: number, count: number, words: number) => Promise<{ words: number; sentences: number; translated: number }>;
      settle: () => Promise<number>;
    };
  }
}

window.benchFill = {
  load(loaded) {
    corpus = loaded;
    english = new Map([...loaded.he.map((line, index) => [line, loaded.en[index]!] as const), ...loaded.ar.map((line, index) => [line, loaded.en[index]!] as const)]);
  },

  async add(from, count, words) {
    const totals = { words: 0, sentences: 0, translated: 0 };
    for (let batch = from; batch < from + count; batch += 25) {
      const items = Array.from({ length: Math.min(25, from + count - batch) }, (_, offset) => article(batch + offset, words));
      // Written in one transaction per 25 articles, translations included; writeArticle queues each for the search.
      await db.transaction('rw', [...articleTables(db), db.translations], async () => {
        for (const item of items) {
          const prepared = prepareArticle({ text: item.text, origin: 'paste', language: item.language, outlet: item.outlet, date: item.date });
          prepared.record.tags = item.tags;
          const articleId = await writeArticle(db, prepared);
          const segments = deriveSegments(articleId, prepared.article);
          const translations: TranslationRecord[] = segments.flatMap((segment) => {
            const text = english.get(segment.text);
            return text ? [{ articleId, source: segment.text, text, modelId: 'bench', precision: 'q8', createdAt: Date.now() }] : [];
          });
          await db.translations.bulkAdd(translations);
          totals.words += item.words;
          totals.sentences += segments.length;
          totals.translated += translations.length;
        }
      });
    }
    return totals;
  },

  /** Waits for the search entries; the number of entries written. */
  async settle() {
    await whenSearchTextCurrent(db);
    return db.libraryEntries.count();
  },
};
