import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ColumnMapping, ImportDetail, ImportPreview, ImportPreviewRequest, ImportSummary } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api } from './client';
import { readJson } from './api-error';

/** The county's imports of register files: the latest ones, one with its headers and suggestion, and the saved mappings. */
export const importQueries = {
  all: ['imports'] as const,
  list: () => queryOptions({ queryKey: ['imports', 'list'] as const, queryFn: () => readJson(api().api.imports.$get()) }),
  mappings: () => queryOptions({ queryKey: ['imports', 'mappings'] as const, queryFn: () => readJson(api().api.imports.mappings.$get()) }),
};

function useImportsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: importQueries.all });
}

/** Uploads a CSV or XLSX file; nothing in the register changes until the import is applied. */
export function useUploadImport() {
  const changed = useImportsChanged();
  return useApiMutation<ImportDetail, File>((file) => readJson(api().api.imports.$post({ form: { file } })), changed);
}

/** Checks every row with the mapping (and saves it, under a name if given). */
export function usePreviewImport(id: string) {
  const changed = useImportsChanged();
  return useApiMutation<ImportPreview, ImportPreviewRequest>((request) => readJson(api().api.imports[':id'].preview.$post({ param: { id }, json: request })), changed);
}

export function useApplyImport(id: string) {
  const queryClient = useQueryClient();
  return useApiMutation<ImportSummary, ColumnMapping>(
    (mapping) => readJson(api().api.imports[':id'].apply.$post({ param: { id }, json: mapping })),
    () => queryClient.invalidateQueries(),
  );
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useApiMutation<ImportSummary, string>(
    (id) => readJson(api().api.imports[':id'].undo.$post({ param: { id } })),
    () => queryClient.invalidateQueries(),
  );
}
