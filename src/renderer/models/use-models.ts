import { useCallback, useEffect, useState } from 'react';
import type { CatalogEntry } from '../../common/api/contract';
import type { ModelInfo, TranslationLanguage } from '../../common/models/model-info';
import { isRecommendedFor, modelTranslates } from '../../common/models/model-info';
import { useWorkbench } from '../app/workbench-context';

export interface ModelsState {
  installed: ModelInfo[] | undefined;
  catalog: CatalogEntry[] | undefined;
  error?: string;
  refresh: () => void;
}

/** Installed models and the catalog, fetched from the services; refresh() after an install or removal. */
export function useModels(): ModelsState {
  const { api } = useWorkbench();
  const [state, setState] = useState<Omit<ModelsState, 'refresh'>>({ installed: undefined, catalog: undefined });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let current = true;
    Promise.all([api.models.list({}), api.models.catalog({})]).then(
      ([installed, catalog]) => current && setState({ installed, catalog }),
      (error: unknown) => current && setState({ installed: [], catalog: [], error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [api, generation]);
  const refresh = useCallback(() => setGeneration((value) => value + 1), []);
  return { ...state, refresh };
}

export function modelsFor(models: readonly ModelInfo[] | undefined, from: TranslationLanguage, to: TranslationLanguage): ModelInfo[] {
  return (models ?? []).filter((model) => modelTranslates(model, from, to));
}

/** The recommended catalog entry for a direction: its default first. */
export function recommendedEntry(catalog: readonly CatalogEntry[] | undefined, from: TranslationLanguage, to: TranslationLanguage): CatalogEntry | undefined {
  const entries = (catalog ?? []).filter((entry) => modelTranslates(entry, from, to));
  return entries.find((entry) => isRecommendedFor(entry, from, to)) ?? entries[0];
}
