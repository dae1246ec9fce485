import { buildArticle, titleFromParagraph, type ImportedArticle } from '../../common/import/article-import';
import { BOILERPLATE_VERSION } from '../../common/import/boilerplate/classify';
import { SEGMENTER_VERSION } from '../../common/text/segmenter';
import { deriveSegments } from './articles';
import { markArticlesChanged } from './changed-articles';
import type { TargumDatabase } from './database';
import type { ArticleRecord, SegmentRecord } from './records';

/** The segmenter version the library's sentences were derived with; libraries from before it was kept used version 1. */
const segmentedWithKey = 'segmentedWith';
/** The boilerplate rules version every article of the library is marked with; libraries from before it was kept used version 1. */
const markedWithKey = 'markedWith';

/** The versions the library is derived with now. */
export interface DerivationVersions {
  segmenter: number;
  boilerplate: number;
}

const current: DerivationVersions = { segmenter: SEGMENTER_VERSION, boilerplate: BOILERPLATE_VERSION };

/**
 * When Targum's segmenter or its boilerplate rules have improved since the library's sentences were derived,
 * derives them again from each article's original text, one article per transaction. Corrections, machine
 * translations, memory and glosses are keyed by the sentence text, not by row, so they stay as they are and
 * still apply wherever a sentence reads the same. When only the boilerplate rules changed, the sentence rows
 * stay and only their marks change. Resolves to the number of articles re-derived or re-marked.
 */
export async function resegmentLibrary(db: TargumDatabase, versions: Partial<DerivationVersions> = {}): Promise<number> {
  const { segmenter, boilerplate } = { ...current, ...versions };
  const segmentedWith = (await db.settings.get(segmentedWithKey))?.value as number | undefined;
  const markedWith = (await db.settings.get(markedWithKey))?.value as number | undefined;
  const articleIds = await db.articles.toCollection().primaryKeys();
  if ((segmentedWith === undefined || markedWith === undefined) && articleIds.length === 0) {
    await db.settings.bulkPut([
      { key: segmentedWithKey, value: segmenter },
      { key: markedWithKey, value: boilerplate },
    ]);
    return 0;
  }
  const resegment = (segmentedWith ?? 1) < segmenter;
  if (!resegment && (markedWith ?? 1) >= boilerplate) return 0;
  let rebuilt = 0;
  for (const articleId of articleIds) {
    const done = await db.transaction('rw', db.articles, db.segments, db.searchQueue, async () => {
      const article = await db.articles.get(articleId);
      if (!article || (!resegment && (article.boilerplateVersion ?? 1) >= boilerplate)) return false;
      const imported = buildArticle(article.originalText, article.language);
      const stored = await db.segments.where('articleId').equals(articleId).toArray();
      const derived = deriveSegments(articleId, imported);
      if (resegment || !remark(stored, derived)) {
        await db.segments.where('articleId').equals(articleId).delete();
        await db.segments.bulkAdd(derived.map((segment) => ({ ...segment, segmenterVersion: segmenter })));
      } else {
        await db.segments.bulkPut(stored);
      }
      await db.articles.update(articleId, { boilerplateVersion: boilerplate, ...retitled(article, imported) });
      await markArticlesChanged(db, [articleId]);
      return true;
    });
    if (done) rebuilt += 1;
  }
  await db.settings.bulkPut([
    { key: segmentedWithKey, value: segmenter },
    { key: markedWithKey, value: boilerplate },
  ]);
  return rebuilt;
}

/** Gives the stored rows the derived rows' boilerplate marks, when they are the same sentences in the same places; false when they are not. */
function remark(stored: SegmentRecord[], derived: readonly SegmentRecord[]): boolean {
  const place = (segment: SegmentRecord) => `${segment.paragraphIndex}:${segment.sentenceIndex}`;
  const marks = new Map(derived.map((segment) => [place(segment), segment]));
  if (stored.length !== derived.length || stored.some((segment) => marks.get(place(segment))?.text !== segment.text)) return false;
  for (const segment of stored) {
    const kind = marks.get(place(segment))?.boilerplate;
    if (kind === undefined) delete segment.boilerplate;
    else segment.boilerplate = kind;
  }
  return true;
}

/**
 * The title and outlet the new rules give, where the old ones went wrong: a title that is the text of a line
 * now marked as boilerplate (a caption taken for the headline) is replaced; a title the reader typed is
 * kept. An outlet is added where none was found; one already there stays.
 */
function retitled(article: ArticleRecord, imported: ImportedArticle): Partial<ArticleRecord> {
  const changes: Partial<ArticleRecord> = {};
  const titleWasBoilerplate = imported.paragraphs.some((paragraph) => paragraph.boilerplate && titleFromParagraph(paragraph.text) === article.title);
  if (titleWasBoilerplate && imported.title !== article.title) changes.title = imported.title;
  if (!article.outlet && imported.outlet) changes.outlet = imported.outlet;
  return changes;
}
