import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { ColumnMapping, ImportDetail, ImportPreviewRequest, ImportSummary, ImportTarget } from '@kompetansebro/domain';
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
  /** The answer of the import's last preview (the job queued at `queuedAt`), once it is done. */
  preview: (id: string, queuedAt: string) =>
    queryOptions({ queryKey: ['imports', 'preview', id, queuedAt] as const, queryFn: () => readJson(api().api.imports[':id'].preview.$get({ param: { id } })) }),
};

/** How often a screen looks again while an import's job runs. */
export const IMPORT_JOB_POLL_MS = 1_000;

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

/** Queues the check of every row with the mapping (and saves it, under a name if given): the import with its job. */
export function usePreviewImport(id: string) {
  const changed = useImportsChanged();
  return useApiMutation<ImportDetail, ImportPreviewRequest>((request) => readJson(api().api.imports[':id'].preview.$post({ param: { id }, json: request })), changed);
}

/** Queues the apply: the import with its job (the register changes when the job is done). */
export function useApplyImport(id: string) {
  const changed = useImportsChanged();
  return useApiMutation<ImportDetail, ColumnMapping>((mapping) => readJson(api().api.imports[':id'].apply.$post({ param: { id }, json: mapping })), changed);
}

/** Tries a failed preview or apply again. */
export function useRetryImport(id: string) {
  const changed = useImportsChanged();
  return useApiMutation<ImportDetail, void>(() => readJson(api().api.imports[':id'].retry.$post({ param: { id } })), changed);
}

export function useUndoImport() {
  const queryClient = useQueryClient();
  return useApiMutation<ImportSummary, string>(
    (id) => readJson(api().api.imports[':id'].undo.$post({ param: { id } })),
    () => queryClient.invalidateQueries(),
  );
}
