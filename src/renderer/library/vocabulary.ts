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
