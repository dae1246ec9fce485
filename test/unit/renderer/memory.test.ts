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
});
