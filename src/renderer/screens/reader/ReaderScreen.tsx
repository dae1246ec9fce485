import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { Link } from 'wouter';
import { languageNames, textDirection } from '../../../common/text/language';
import { useWorkbench } from '../../app/workbench-context';
import { LanguageBadge } from '../../components/LanguageBadge';
import type { ArticleRecord, SegmentRecord, TranslationRecord } from '../../db/records';
import { modelsFor, useModels } from '../../models/use-models';
import { MissingModelNotice } from './MissingModelNotice';
import { TranslateControls } from './TranslateControls';
import { useVisibleRows } from './use-visible-rows';

function groupByParagraph(segments: SegmentRecord[]): SegmentRecord[][] {
  const paragraphs: SegmentRecord[][] = [];
  for (const segment of segments) (paragraphs[segment.paragraphIndex] ??= []).push(segment);
  return paragraphs.filter(Boolean);
}

/** The newest machine translation of each source sentence of an article. */
function latestBySource(records: TranslationRecord[]): Map<string, TranslationRecord> {
  const latest = new Map<string, TranslationRecord>();
  for (const record of records) {
    const known = latest.get(record.source);
    if (!known || known.createdAt <= record.createdAt) latest.set(record.source, record);
  }
  return latest;
}

function useArticle(articleId: number) {
  const { db } = useWorkbench();
  return useLiveQuery(async () => {
    const article = await db.articles.get(articleId);
    if (!article) return { article: undefined, segments: [] as SegmentRecord[] };
    const segments = await db.segments
      .where('[articleId+paragraphIndex+sentenceIndex]')
      .between([articleId, Dexie.minKey, Dexie.minKey], [articleId, Dexie.maxKey, Dexie.maxKey])
      .toArray();
    return { article, segments };
  }, [db, articleId]);
}

function useTranslations(articleId: number): Map<string, TranslationRecord> | undefined {
  const { db } = useWorkbench();
  const records = useLiveQuery(
    () => db.translations.where('[articleId+source]').between([articleId, Dexie.minKey], [articleId, Dexie.maxKey]).toArray(),
    [db, articleId],
  );
  return useMemo(() => (records ? latestBySource(records) : undefined), [records]);
}

export function ReaderScreen({ articleId }: { articleId: number }) {
  const data = useArticle(articleId);
  if (!data) return null;
  if (!data.article) {
    return (
      <p className="empty-state">
        This article is no longer in the library. <Link href="/">Back to the library</Link>
      </p>
    );
  }
  return <Reader article={data.article} segments={data.segments} />;
}

function Reader({ article, segments }: { article: ArticleRecord; segments: SegmentRecord[] }) {
  const translations = useTranslations(article.id!);
  const models = useModels();
  const [modelId, setModelId] = useState<string>();
  const [showBoilerplate, setShowBoilerplate] = useState(false);
  const allParagraphs = useMemo(() => groupByParagraph(segments), [segments]);
  const hiddenCount = allParagraphs.filter((sentences) => sentences[0]?.boilerplate).length;
  const paragraphs = showBoilerplate ? allParagraphs : allParagraphs.filter((sentences) => !sentences[0]?.boilerplate);
  const visibleRows = useVisibleRows();
  const direction = textDirection(article.language);
  if (article.language === 'en') return <p className="empty-state">This article is in English already.</p>;
  const usable = modelsFor(models.installed, article.language, 'en');
  const translatedCount = translations ? segments.filter((segment) => translations.has(segment.text)).length : 0;
  const visibleSegmentIds = () =>
    paragraphs.filter((_, index) => visibleRows.isVisible(index)).flatMap((sentences) => sentences.map((sentence) => sentence.id!));

  return (
    <article className="reader" aria-labelledby="reader-title">
      <header className="reader-toolbar">
        <h1 id="reader-title" className="reader-title" lang={article.language} dir={direction}>
          {article.title}
        </h1>
        <LanguageBadge language={article.language} />
        {models.installed !== undefined && usable.length > 0 && (
          <TranslateControls
            article={article}
            segments={segments}
            translations={translations}
            models={usable}
            modelId={modelId ?? usable[0]!.id}
            onModelChange={setModelId}
            translatedCount={translatedCount}
            visibleSegmentIds={visibleSegmentIds}
            onVisibleChange={(handler) => visibleRows.onChange(handler)}
          />
        )}
      </header>
      {models.installed !== undefined && usable.length === 0 && (
        <MissingModelNotice language={article.language} catalog={models.catalog} onInstalled={models.refresh} />
      )}
      {hiddenCount > 0 && (
        <p className="boilerplate-toggle muted">
          {showBoilerplate ? `Showing ${hiddenCount} lines of site boilerplate.` : `${hiddenCount} lines of site boilerplate hidden.`}{' '}
          <button type="button" className="link-button" onClick={() => setShowBoilerplate(!showBoilerplate)}>
            {showBoilerplate ? 'Hide them' : 'Show them'}
          </button>
        </p>
      )}
      <div className="reading-grid" role="table" aria-label="Source and English, paragraph by paragraph">
        <div className="reading-row reading-head" role="row">
          <div className="column-label" role="columnheader">
            {languageNames[article.language]}
          </div>
          <div className="column-label" role="columnheader">
            English{' '}
            <span className="muted">
              · {translatedCount === 0 ? 'not translated yet' : `${translatedCount} of ${segments.length} sentences translated`}
            </span>
          </div>
        </div>
        {paragraphs.map((sentences, index) => (
          <div
            className={sentences[0]!.boilerplate ? 'reading-row boilerplate' : 'reading-row'}
            role="row"
            key={sentences[0]!.paragraphIndex}
            ref={visibleRows.observe(index)}
            title={sentences[0]!.boilerplate ? `Site boilerplate (${sentences[0]!.boilerplate})` : undefined}
          >
            <div className={`source-cell article-text article-text-${article.language}`} role="cell" lang={article.language} dir={direction}>
              {sentences.map((sentence) => (
                <span key={sentence.id} className="sentence" data-sentence-id={sentence.id}>
                  {sentence.text}{' '}
                </span>
              ))}
            </div>
            <div className="target-cell article-text article-text-en" role="cell" lang="en" dir="ltr">
              {sentences.map((sentence) => {
                const translation = translations?.get(sentence.text);
                return translation ? (
                  <span key={sentence.id} className="sentence" data-sentence-id={sentence.id} title={`${translation.modelId} · ${translation.precision}`}>
                    {translation.text}{' '}
                  </span>
                ) : null;
              })}
            </div>
          </div>
        ))}
      </div>
    </article>
  );
}
