import { grown } from './vocabulary';

/**
 * An in-memory inverted index from word ids to documents. Replacing a document gives it a new slot; the old
 * slot's postings are skipped until the next compaction, so an update never looks for its old postings.
 */
export class WordIndex {
  /** Each word's slots, in a growable array with its used length. */
  private postings: Array<Int32Array | undefined> = [];
  private postingLengths = new Int32Array(1024);
  private slotDocuments = new Int32Array(1024);
  private slotAlive = new Uint8Array(1024);
  private slotCount = 0;
  private deadSlots = 0;
  private readonly documentSlots = new Map<number, number>();

  get size(): number {
    return this.documentSlots.size;
  }

  /** Adds documents or replaces their words (distinct word ids each). */
  set(documents: ReadonlyArray<{ id: number; words: ArrayLike<number> }>): void {
    // Each word's list grows once for all the documents, to the size they need.
    let largest = -1;
    for (const { words } of documents) for (let i = 0; i < words.length; i++) largest = Math.max(largest, words[i]!);
    const added = new Int32Array(largest + 1);
    for (const { words } of documents) for (let i = 0; i < words.length; i++) added[words[i]!]! += 1;
    while (largest >= this.postingLengths.length) this.postingLengths = grown(this.postingLengths);
    for (let wordId = 0; wordId <= largest; wordId++) {
      if (added[wordId] === 0) continue;
      const list = this.postings[wordId];
      const needed = this.postingLengths[wordId]! + added[wordId]!;
      if (!list || list.length < needed) {
        const larger = new Int32Array(Math.max(4, needed + (needed >> 1)));
        if (list) larger.set(list.subarray(0, this.postingLengths[wordId]));
        this.postings[wordId] = larger;
      }
    }
    for (const { id, words } of documents) {
      this.remove(id);
      const slot = this.newSlot(id);
      for (let i = 0; i < words.length; i++) {
        const wordId = words[i]!;
        this.postings[wordId]![this.postingLengths[wordId]!++] = slot;
      }
    }
  }

  remove(documentId: number): void {
    const slot = this.documentSlots.get(documentId);
    if (slot === undefined) return;
    this.documentSlots.delete(documentId);
    this.slotAlive[slot] = 0;
    this.deadSlots += 1;
    if (this.deadSlots > 1024 && this.deadSlots > this.documentSlots.size) this.compact();
  }

  /**
   * The documents that have, for every term, at least one of the term's words. Each term is given as the
   * ids of the words that match it.
   */
  documentsWithAll(terms: ReadonlyArray<readonly number[]>): number[] {
    if (terms.length > 255) throw new RangeError('at most 255 terms');
    // counts[slot] is how many terms the slot has matched so far; a slot counts for a term only once.
    const counts = new Uint8Array(this.slotCount);
    terms.forEach((wordIds, term) => {
      for (const wordId of wordIds) {
        const list = this.postings[wordId];
        if (!list) continue;
        const length = this.postingLengths[wordId]!;
        for (let i = 0; i < length; i++) {
          const slot = list[i]!;
          if (counts[slot] === term) counts[slot] = term + 1;
        }
      }
    });
    const found: number[] = [];
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (counts[slot] === terms.length && this.slotAlive[slot]) found.push(this.slotDocuments[slot]!);
    }
    return found;
  }

  private newSlot(documentId: number): number {
    if (this.slotCount === this.slotDocuments.length) {
      this.slotDocuments = grown(this.slotDocuments);
      this.slotAlive = grown(this.slotAlive);
    }
    const slot = this.slotCount++;
    this.slotDocuments[slot] = documentId;
    this.slotAlive[slot] = 1;
    this.documentSlots.set(documentId, slot);
    return slot;
  }

  /** Renumbers the live slots densely and drops the dead ones from every posting list. */
  private compact(): void {
    const renumbered = new Int32Array(this.slotCount).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.slotCount; slot++) {
      if (!this.slotAlive[slot]) continue;
      renumbered[slot] = next;
      this.slotDocuments[next] = this.slotDocuments[slot]!;
      this.documentSlots.set(this.slotDocuments[next]!, next);
      next += 1;
    }
    this.slotAlive.fill(0);
    this.slotAlive.fill(1, 0, next);
    this.slotCount = next;
    this.deadSlots = 0;
    this.postings.forEach((list, wordId) => {
      if (!list) return;
      let kept = 0;
      for (let i = 0; i < this.postingLengths[wordId]!; i++) {
        const slot = renumbered[list[i]!]!;
        if (slot >= 0) list[kept++] = slot;
      }
      this.postingLengths[wordId] = kept;
    });
  }
}
