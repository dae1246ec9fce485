import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { TargumDatabase } from '../../../src/renderer/data/database';
import type { GlossRecord } from '../../../src/renderer/data/records';
import { addImportedGlosses, removeImportedGlosses } from '../../../src/renderer/data/glosses';
import { planGlossImport } from '../../../src/renderer/glossary/gloss-import';

const stored: GlossRecord[] = [{ id: 1, key: 'جيش', surface: 'الجيش', language: 'ar', meaning: 'the army', createdAt: 1 }];

describe('planning a glossary import', () => {
  it('adds new terms under their own form, and leaves terms glossed already (in the library or earlier in the file) as they are', () => {
    const plan = planGlossImport(
      [
        { surface: 'جيش', language: 'ar', meaning: 'armed forces' },
        { surface: 'צבא', language: 'he', meaning: 'army', note: 'bare word', lemma: 'צבא' },
        { surface: 'חיזבאללה', language: 'he', meaning: 'Hezbollah' },
        { surface: 'צָבָא', language: 'he', meaning: 'host' },
        { surface: '2017', language: 'he', meaning: 'a year' },
        { surface: '…', language: 'ar', meaning: 'nothing' },
      ],
      stored,
      5,
    );
    expect(plan.added).toEqual([
      { key: 'צבא', surface: 'צבא', language: 'he', meaning: 'army', note: 'bare word', lemma: 'צבא', createdAt: 5 },
      { key: 'חיזבאללה', surface: 'חיזבאללה', language: 'he', meaning: 'Hezbollah', createdAt: 5 },
      { key: '2017', surface: '2017', language: 'he', meaning: 'a year', createdAt: 5 },
    ]);
    // Niqqud does not make another term: צָבָא is צבא, glossed earlier in the same file.
    expect(plan.existing.map(({ entry, glossed }) => [entry.surface, glossed.meaning])).toEqual([
      ['جيش', 'the army'],
      ['צָבָא', 'army'],
    ]);
    expect(plan.wordless.map((entry) => entry.surface)).toEqual(['…']);
  });
});

describe('writing an import', () => {
  it('adds every planned gloss at once and undoes them together, leaving the glosses that were there', async () => {
    const db = new TargumDatabase('test-gloss-import');
    await db.glosses.add(stored[0]!);
    const { added } = planGlossImport([{ surface: 'צבא', language: 'he', meaning: 'army' }, { surface: 'حزب الله', language: 'ar', meaning: 'Hezbollah' }], stored);
    const ids = await addImportedGlosses(db, added);
    expect((await db.glosses.toArray()).map((gloss) => gloss.key)).toEqual(['جيش', 'צבא', 'حزب الله']);
    await removeImportedGlosses(db, ids);
    expect(await db.glosses.toArray()).toEqual([stored[0]]);
    db.close();
  });
});
