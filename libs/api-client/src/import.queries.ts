import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ColumnMapping, ImportDetail, ImportPreview, ImportPreviewRequest, ImportSummary, ImportTarget } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api, apiUrl } from './client';
import { readJson } from './api-error';
import { uploadWithProgress } from './upload-with-progress';

/** The county's imports of register files: the latest ones, one with its headers and suggestion, and the saved mappings. */
export const importQueries = {
  all: ['imports'] as const,
  list: () => queryOptions({ queryKey: ['imports', 'list'] as const, queryFn: () => readJson(api().api.imports.$get()) }),
  /** One import as stored: to go on with an uploaded file after leaving the screen. */
  detail: (id: string) => queryOptions({ queryKey: ['imports', 'detail', id] as const, queryFn: () => readJson(api().api.imports[':id'].$get({ param: { id } })) }),
  mappings: () => queryOptions({ queryKey: ['imports', 'mappings'] as const, queryFn: () => readJson(api().api.imports.mappings.$get()) }),
};

function useImportsChanged() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: importQueries.all });
}

/** Uploads a CSV or XLSX file of actors, contacts, services or opening hours, with progress (0–1); nothing in the register changes until the import is applied. */
export function useUploadImport() {
  const changed = useImportsChanged();
  return useApiMutation<ImportDetail, { file: File; target: ImportTarget; onProgress?: (share: number) => void }>(({ file, target, onProgress }) => {
    const body = new FormData();
    body.append('file', file);
    body.append('target', target);
    return uploadWithProgress<ImportDetail>(apiUrl('/api/imports'), body, onProgress);
  }, changed);
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
