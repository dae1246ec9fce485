import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { readTmx } from '../../../src/common/formats/tmx-reader';
import { writeTmx } from '../../../src/common/formats/tmx-writer';
import { saveSegment } from '../../../src/renderer/data/article-changes';
import { TargumDatabase } from '../../../src/renderer/data/database';
import { addMemoryPairs, deleteMemoryEntries, importedEntryIds, memoryEntries, restoreMemoryEntries } from '../../../src/renderer/data/memory';
import { memoryDocuments } from '../../../src/renderer/export/memory-document';
import { importIntoMemory } from '../../../src/renderer/import/bilingual-import';
import { tmxDtd } from '../../support/reference-texts';
import { xmllint } from '../formats/xmllint';

let databases = 0;

async function memoryOfTwoImports() {
  const db = new TargumDatabase(`memory-${++databases}`);
  const article = { id: 1, title: 't', language: 'he' as const, origin: 'paste' as const, originalText: 'x', tags: [], createdAt: 0, updatedAt: 0 };
  await saveSegment(db, article, 'אושר כאן.', null, { text: 'Confirmed here.', status: 'confirmed' });
  const first = await addMemoryPairs(
    db,
    [
      { language: 'he', source: 'משפט ראשון.', target: 'First sentence.', review: 'reviewed' },
      { language: 'he', source: 'משפט שני.', target: 'Second sentence.', review: 'unreviewed' },
    ],
    { fileName: 'first.xlf' },
  );
  const second = await addMemoryPairs(db, [{ language: 'ar', source: 'جملة.', target: 'A sentence.', review: 'unmarked' }], { fileName: 'second.tmx' });
  return { db, first, second };
}

describe('the translation memory', () => {
  it('deletes one import’s entries and puts them back on Undo; what was confirmed here stays', async () => {
    const { db, first } = await memoryOfTwoImports();
    expect(await db.memory.count()).toBe(4);
    const gone = await deleteMemoryEntries(db, await importedEntryIds(db, first.importId));
    expect(gone.map((entry) => entry.fileName)).toEqual(['first.xlf', 'first.xlf']);
    expect((await memoryEntries(db)).map((entry) => entry.source).sort()).toEqual(['אושר כאן.', 'جملة.'].sort());
    expect(await restoreMemoryEntries(db, gone)).toBe(2);
    expect(await db.memory.count()).toBe(4);
  });

  it('Undo leaves alone a sentence that has a new entry since the deletion', async () => {
    const { db } = await memoryOfTwoImports();
    const one = (await db.memory.toArray()).find((entry) => entry.source === 'משפט שני.')!;
    const gone = await deleteMemoryEntries(db, [one.id!]);
    await addMemoryPairs(db, [{ language: 'he', source: 'משפט שני.', target: 'Second, reviewed.', review: 'reviewed' }], { fileName: 'later.xlf' });
    expect(await restoreMemoryEntries(db, gone)).toBe(0);
    expect((await db.memory.where('sourceKey').equals(one.sourceKey).first())!.target).toBe('Second, reviewed.');
  });

  it('exports as valid TMX that reads back with the same standing', async () => {
    const { db } = await memoryOfTwoImports();
    const documents = memoryDocuments(await memoryEntries(db), '1.0.0');
    expect(documents.map((document) => document.sourceLanguage).sort()).toEqual(['ar', 'he']);
    const hebrew = await writeTmx(documents.find((document) => document.sourceLanguage === 'he')!);
    expect(xmllint(hebrew, { dtd: tmxDtd })).toBe('');
    const again = new TargumDatabase(`memory-${++databases}`);
    const outcome = await importIntoMemory(again, readTmx(hebrew), { fileName: 'targum-memory-he.tmx' });
    expect(outcome).toMatchObject({ added: 2, references: 1 });
  });

  it('writes a large file in batches with its progress; a cancel half-way leaves the memory as it was, a full run replaces as one', async () => {
    const { db } = await memoryOfTwoImports();
    const before = await memoryEntries(db);
    const pairs = Array.from({ length: 5_500 }, (_, index) => ({ language: 'he' as const, source: `משפט ${index}.`, target: `Sentence ${index}.`, review: 'reviewed' as const }));
    // The file also holds the sentence confirmed here and one of the first import's: the one stays, the other is replaced.
    pairs.push({ language: 'he', source: 'אושר כאן.', target: 'Not this.', review: 'reviewed' }, { language: 'he', source: 'משפט שני.', target: 'Second, reviewed.', review: 'reviewed' });

    const cancel = new AbortController();
    const cancelled: number[] = [];
    const stopped = addMemoryPairs(db, pairs, { fileName: 'big.tmx' }, {
      signal: cancel.signal,
      onProgress: (fraction) => {
        cancelled.push(fraction);
        if (fraction >= 0.5) cancel.abort();
      },
    });
    await expect(stopped).rejects.toMatchObject({ name: 'AbortError' });
    expect(cancelled.length).toBeGreaterThanOrEqual(3);
    expect(await memoryEntries(db)).toEqual(before);

    const progress: number[] = [];
    const result = await addMemoryPairs(db, pairs, { fileName: 'big.tmx' }, { onProgress: (fraction) => progress.push(fraction) });
    expect(progress).toHaveLength(6);
    expect(progress.at(-1)).toBe(1);
    expect(result).toMatchObject({ added: 5_501, references: 0, keptConfirmed: 1 });
    const bySource = new Map((await memoryEntries(db)).map((entry) => [entry.source, entry]));
    expect(bySource.size).toBe(before.length + 5_500);
    expect(bySource.get('אושר כאן.')?.target).toBe('Confirmed here.');
    expect(bySource.get('משפט שני.')).toMatchObject({ target: 'Second, reviewed.', fileName: 'big.tmx' });
  });
});
