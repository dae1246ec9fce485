import { useCallback, useEffect, useState } from 'react';
import type { CatalogEntry } from '../../common/api/contract';
import type { ModelInfo } from '../../common/models/model-info';
import { modelsForDirection } from '../../common/models/model-info';
import { useWorkbench } from '../workbench/workbench-context';
import type { TextLanguage } from '../../common/text/language';

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

export function modelsFor(models: readonly ModelInfo[] | undefined, from: TextLanguage, to: TextLanguage): ModelInfo[] {
  return modelsForDirection(models ?? [], from, to);
}
