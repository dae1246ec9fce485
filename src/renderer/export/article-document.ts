import { findGlossMatches } from '../../common/glossary/gloss-index';
import type { TranslatedDocument, TranslatedSentence } from '../../common/formats/translation-output';
import type { SourceLanguage } from '../../common/text/language';
import type { Glosses } from '../glossary/use-glosses';
import type { ArticleView } from '../data/article-view';

/** A gloss as one line of a note: `word: meaning (note)`. */
function glossNotes(text: string, language: SourceLanguage, glosses: Glosses | undefined): string[] {
  if (!glosses || glosses.index.size === 0) return [];
  return findGlossMatches(text, language, glosses.index).flatMap((match) =>
    match.glossIds.map((id) => {
      const gloss = glosses.byId.get(id)!;
      return `${text.slice(match.start, match.end)}: ${gloss.meaning}${gloss.note ? ` (${gloss.note})` : ''}`;
    }),
  );
}

/** The article as the export writers take it: its sentences (boilerplate left out) with their English, status, machine text and glosses. */
export function articleDocument(view: ArticleView, language: SourceLanguage, glosses: Glosses | undefined): TranslatedDocument {
  const models = new Map<string, number>();
  const paragraphs = view.paragraphs
    .filter((sentences) => !sentences[0]!.segment.boilerplate)
    .map((sentences) =>
      sentences.map(({ segment, state }): TranslatedSentence => {
        if (state.machine) models.set(state.machine.modelId, (models.get(state.machine.modelId) ?? 0) + 1);
        const confirmed = state.status === 'confirmed' ? view.history.get(segment.text)?.at(-1) : undefined;
        return {
          source: segment.text,
          translation: state.english ?? '',
          status: state.status,
          ...(state.machine && state.machine.text !== state.english ? { machine: state.machine.text } : {}),
          ...(state.machine ? { model: state.machine.modelId } : {}),
          ...(confirmed ? { confirmedAt: new Date(confirmed.createdAt).toISOString() } : {}),
          ...(state.machine?.confidence === undefined ? {} : { quality: { confidence: state.machine.confidence, unsure: state.machine.unsure ?? [] } }),
          notes: glossNotes(segment.text, language, glosses),
        };
      }),
    );
  const model = [...models].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  return { from: language, to: 'en', model, paragraphs };
}
