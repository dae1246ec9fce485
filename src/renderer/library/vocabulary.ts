import { strippedReadings } from '../../common/glossary/prefixes';
import { detectLanguage } from '../../common/text/language';
import type { TargumDatabase } from '../data/database';

/**
 * The library's folded words by id, in memory, with a search for the words that contain a term. The table
 * behind it (searchWords) only grows and never renumbers, so whatever is known here stays true.
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  /** Every known word, one per line, in the order learned; `lineStarts[i]` is where line i begins and `lineIds[i]` its word's id. */
  private text = '';
  private lineStarts = new Int32Array(1024);
  private lineIds = new Int32Array(1024);
  private lines = 0;
  private pending: string[] = [];
  /** Every id up to this one is known (ids only grow, so none below it can appear later). */
  knownThrough = 0;

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  has(id: number): boolean {
    return this.words[id] !== undefined;
  }

  learn(id: number, word: string): void {
    if (this.words[id] !== undefined) return;
    this.words[id] = word;
    this.ids.set(word, id);
    if (this.lines === this.lineIds.length) {
      this.lineIds = grown(this.lineIds);
      this.lineStarts = grown(this.lineStarts);
    }
    this.lineIds[this.lines] = id;
    this.lines += 1;
    this.pending.push(word);
  }

  /** The ids of the words that contain the term (a folded string without line breaks). */
  containing(term: string): number[] {
    this.flush();
    const found: number[] = [];
    let from = 0;
    for (;;) {
      const at = this.text.indexOf(term, from);
      if (at < 0) return found;
      // The line the hit falls in: the last one starting at or before it.
      let low = 0;
      let high = this.lines - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (this.lineStarts[middle]! <= at) low = middle;
        else high = middle - 1;
      }
      found.push(this.lineIds[low]!);
      if (low + 1 >= this.lines) return found;
      from = this.lineStarts[low + 1]!;
    }
  }

  /**
   * The ids of the words a search term finds: the words that contain it, and, when the term carries a
   * Hebrew or Arabic prefix (ולבנון, والجيش), the words that are its stem or the stem with other
   * prefixes (לבנון, בלבנון; الجيش, للجيش), read as glosses read them.
   */
  matching(term: string): number[] {
    const found = new Set(this.containing(term));
    const language = detectLanguage(term);
    if (language === undefined || language === 'en') return [...found];
    // As for glosses, the least stripped reading the library knows wins: ולבנון is ו + לבנון, not ול + בנון.
    for (const { key } of strippedReadings(term, language)) {
      const forms = this.containing(key).filter((id) => {
        const word = this.words[id] ?? '';
        return word === key || strippedReadings(word, language).some((reading) => reading.key === key);
      });
      if (forms.length === 0) continue;
      for (const id of forms) found.add(id);
      break;
    }
    return [...found];
  }

  /** Appends the words learned since the last search to the text, one line each. */
  private flush(): void {
    if (this.pending.length === 0) return;
    let offset = this.text.length;
    const first = this.lines - this.pending.length;
    this.pending.forEach((word, index) => {
      this.lineStarts[first + index] = offset;
      offset += word.length + 1;
    });
    this.text += `${this.pending.join('\n')}\n`;
    this.pending = [];
  }
}

export function grown<T extends Int32Array | Uint8Array>(array: T): T {
  const larger = new (array.constructor as new (length: number) => T)(Math.max(16, array.length * 2));
  larger.set(array);
  return larger;
}

/** A database's vocabulary as this window knows it, shared by the refresher (word → id) and the library index (id → word). */
interface Shared {
  vocabulary: Vocabulary;
  loaded?: Promise<void>;
  /** Counts the times the table was replaced. */
  generation: number;
  forgotten: Set<() => void>;
}

const shared = new WeakMap<TargumDatabase, Shared>();

function sharedOf(db: TargumDatabase): Shared {
  let known = shared.get(db);
  if (!known) shared.set(db, (known = { vocabulary: new Vocabulary(), generation: 0, forgotten: new Set() }));
  return known;
}

export function vocabularyOf(db: TargumDatabase): Vocabulary {
  return sharedOf(db).vocabulary;
}

export function vocabularyGeneration(db: TargumDatabase): number {
  return sharedOf(db).generation;
}

/** Reads the whole vocabulary table, once. */
export function loadVocabulary(db: TargumDatabase): Promise<Vocabulary> {
  const known = sharedOf(db);
  const { vocabulary } = known;
  known.loaded ??= db.searchWords
    .toArray()
    .then((rows) => {
      for (const row of rows) vocabulary.learn(row.id!, row.word);
      vocabulary.knownThrough = rows.at(-1)?.id ?? 0;
    })
    .catch((error: unknown) => {
      known.loaded = undefined;
      throw error;
    });
  return known.loaded.then(() => vocabulary);
}

/** The table was replaced (a backup restored): what was known of it no longer holds. */
export function forgetVocabulary(db: TargumDatabase): void {
  const known = sharedOf(db);
  known.vocabulary = new Vocabulary();
  known.loaded = undefined;
  known.generation += 1;
  for (const listener of known.forgotten) listener();
}

export function onVocabularyForgotten(db: TargumDatabase, listener: () => void): void {
  sharedOf(db).forgotten.add(listener);
}
