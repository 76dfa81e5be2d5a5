import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  AgreementCreate,
  AgreementDecision,
  AgreementDetail,
  AgreementSettings,
  AgreementTemplate,
  AgreementTemplateCreate,
  AmendmentRequest,
  AgreementListQuery,
  AgreementStatus,
  AgreementUpdate,
  PendingAcceptanceListQuery,
} from '@kompetansebro/domain';
import { useApiMutation, useVersionedUpdate } from './api-mutation';
import { api, apiUrl } from './client';
import { apiErrorOf, networkError, readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { listQueries, resourceQueries, useSavedRecordInCache } from './resource-queries';
import { listExportUrl, toQueryStrings, type ExportFormat } from './query-strings';
import { uploadWithProgress } from './upload-with-progress';

export type AgreementListFilters = Partial<AgreementListQuery>;

export const agreementQueries = {
  ...resourceQueries('agreements', {
    list: (filters: AgreementListFilters) => readJson(api().api.agreements.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.agreements[':id'].$get({ param: { id } })),
  }),
  /** How many agreements the user may see have each status, in one answer. */
  counts: () => queryOptions({ queryKey: [...agreementQueries.all, 'counts'] as const, queryFn: () => readJson(api().api.agreements.counts.$get()) }),
  /** The export of what the filters show (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (filters: AgreementListFilters, format: ExportFormat) => listExportUrl('/api/agreements/export', filters, format),
  documentUrl: (id: string, documentId: string) =>
    apiUrl(`/api/agreements/${encodeURIComponent(id)}/documents/${encodeURIComponent(documentId)}`),
  /** The agreement's document made from its data and its kind's template; of an earlier version when given. */
  generatedDocumentUrl: (id: string, format: 'docx' | 'pdf', version?: number) =>
    apiUrl(`/api/agreements/${encodeURIComponent(id)}/document?format=${format}${version === undefined ? '' : `&version=${version}`}`),
};

export const coverageQueries = {
  all: ['coverage'] as const,
  /** `asOf`: the day to answer for (past or planned); absent: today. */
  byRegion: (region: string, asOf?: string) =>
    queryOptions({
      queryKey: [...coverageQueries.all, { region, asOf }] as const,
      queryFn: () => readJson(api().api.coverage.$get({ query: asOf ? { region, asOf } : { region } })),
    }),
  /** Every region's coverage in short (its figures and gaps), in one answer; `asOf` as in `byRegion`. */
  regions: (asOf?: string) =>
    queryOptions({
      queryKey: [...coverageQueries.all, 'regions', { asOf }] as const,
      queryFn: () => readJson(api().api.coverage.regions.$get({ query: asOf ? { asOf } : {} })),
    }),
  byStudyCentre: (studyCentre: string) =>
    queryOptions({
      queryKey: [...coverageQueries.all, { studyCentre }] as const,
      queryFn: () => readJson(api().api.coverage.$get({ query: { studyCentre } })),
    }),
};

/** After a write: the new detail in the cache; lists, counts and coverage (which depend on it) refetch. */
function useAgreementCacheUpdate() {
  return useSavedRecordInCache(agreementQueries, (agreement: AgreementDetail) => [
    agreementQueries.counts().queryKey,
    coverageQueries.all,
    agreement.renewsId ? agreementQueries.detail(agreement.renewsId).queryKey : undefined,
  ]);
}

export function useCreateAgreement() {
  return useApiMutation<AgreementDetail, AgreementCreate>(
    (input) => readJson(api().api.agreements.$post({ json: input })),
    useAgreementCacheUpdate(),
  );
}

export function useUpdateAgreement(id: string) {
  return useVersionedUpdate<AgreementDetail, AgreementUpdate>(id, (request) => readJson(api().api.agreements[':id'].$patch(request)), useAgreementCacheUpdate());
}

export function useTransitionAgreement(id: string) {
  return useApiMutation<AgreementDetail, { to: AgreementStatus; version: number; overrideReason?: string }>(
    ({ to, version, overrideReason }) =>
      readJson(
        api().api.agreements[':id'].transitions.$post({
          param: { id },
          json: overrideReason ? { to, overrideReason } : { to },
          header: { 'if-match': ifMatch(version) },
        }),
      ),
    useAgreementCacheUpdate(),
  );
}

/** A party's answer for its own organisation: accepted, or declined with a comment (If-Match). */
export function useDecideAgreement(id: string) {
  const queryClient = useQueryClient();
  const updateCache = useAgreementCacheUpdate();
  return useApiMutation<AgreementDetail, { actorId: string; version: number } & AgreementDecision>(
    ({ actorId, version, decision, comment }) =>
      readJson(
        api().api.agreements[':id'].parties[':actorId'].decision.$post({
          param: { id, actorId },
          json: comment ? { decision, comment } : { decision },
          header: { 'if-match': ifMatch(version) },
        }),
      ),
    (agreement) => {
      updateCache(agreement);
      void queryClient.invalidateQueries({ queryKey: agreementAcceptanceQueries.all });
    },
  );
}

/** Proposes an amendment of a signed agreement: what changes and why (If-Match). */
export function useProposeAmendment(id: string) {
  return useApiMutation<AgreementDetail, { version: number } & AmendmentRequest>(
    ({ version, ...request }) => readJson(api().api.agreements[':id'].amendments.$post({ param: { id }, json: request, header: { 'if-match': ifMatch(version) } })),
    useAgreementCacheUpdate(),
  );
}

/** A party the amendment touches accepts it, for its own organisation (If-Match on the agreement). */
export function useAcceptAmendment(id: string) {
  const queryClient = useQueryClient();
  const updateCache = useAgreementCacheUpdate();
  return useApiMutation<AgreementDetail, { amendmentId: string; actorId: string; version: number }>(
    ({ amendmentId, actorId, version }) =>
      readJson(
        api().api.agreements[':id'].amendments[':amendmentId'].parties[':actorId'].accept.$post({
          param: { id, amendmentId, actorId },
          header: { 'if-match': ifMatch(version) },
        }),
      ),
    (agreement) => {
      updateCache(agreement);
      // Accepted: no longer among the organisation's tasks.
      void queryClient.invalidateQueries({ queryKey: agreementAcceptanceQueries.all });
    },
  );
}

export type PendingAcceptanceFilters = Partial<PendingAcceptanceListQuery>;

/**
 * The agreements (and amendments) waiting for the answer of an organisation this user answers
 * for: its tasks, a page at a time (`list(filters)`); `all` refetches every page after an answer.
 */
export const agreementAcceptanceQueries = listQueries('agreement-acceptances', (filters: PendingAcceptanceFilters) =>
  readJson(api().api['agreement-acceptances'].$get({ query: toQueryStrings(filters) })),
);

/** The county's agreement settings (days before the end an agreement is expiring). */
export const agreementSettingsQueries = {
  current: () =>
    queryOptions({ queryKey: ['agreement-settings'], queryFn: () => readJson(api().api['agreement-settings'].$get()) }),
};

export function useUpdateAgreementSettings() {
  const queryClient = useQueryClient();
  return useApiMutation<AgreementSettings, { expiringDays: number; version: number }>(
    ({ expiringDays, version }) => readJson(api().api['agreement-settings'].$put({ json: { expiringDays }, header: { 'if-match': ifMatch(version) } })),
    (settings) => queryClient.setQueryData(agreementSettingsQueries.current().queryKey, settings),
  );
}

export function useRenewAgreement(id: string) {
  return useApiMutation<AgreementDetail, { startDate?: string | null; endDate: string | null }>(
    ({ startDate, endDate }) =>
      readJson(api().api.agreements[':id'].renewals.$post({ param: { id }, json: startDate ? { startDate, endDate } : { endDate } })),
    useAgreementCacheUpdate(),
  );
}

export function useRemoveAgreementDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation<void, ApiError, { documentId: string }>({
    mutationFn: async ({ documentId }) => {
      let response: Response;
      try {
        response = await api().api.agreements[':id'].documents[':documentId'].$delete({ param: { id, documentId } });
      } catch (cause) {
        throw networkError(cause);
      }
      if (!response.ok) throw await apiErrorOf(response);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementQueries.detail(id).queryKey }),
  });
}

/**
 * Uploads a PDF (multipart field "file") with progress: XMLHttpRequest reports upload
 * progress, fetch does not. `onProgress` gets 0–1.
 */
export function useUploadAgreementDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation<unknown, ApiError, { file: File; onProgress?: (share: number) => void }>({
    mutationFn: ({ file, onProgress }) => {
      const body = new FormData();
      body.append('file', file);
      return uploadWithProgress(agreementQueries.documentUrl(id, '').replace(/\/$/, ''), body, onProgress);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: agreementQueries.detail(id).queryKey }),
  });
}

/** The county's agreement templates, one per kind of agreement. */
export const agreementTemplateQueries = {
  list: () => queryOptions({ queryKey: ['agreement-templates'], queryFn: () => readJson(api().api['agreement-templates'].$get()) }),
};

/** Saves a kind's template: a new one, or a change of the one read (If-Match on its version). */
export function useSaveAgreementTemplate() {
  const queryClient = useQueryClient();
  return useApiMutation<AgreementTemplate, AgreementTemplateCreate & { existing: { id: string; version: number } | null }>(
    ({ existing, kind, title, clauses }) =>
      existing
        ? readJson(api().api['agreement-templates'][':id'].$patch({ param: { id: existing.id }, json: { title, clauses }, header: { 'if-match': ifMatch(existing.version) } }))
        : readJson(api().api['agreement-templates'].$post({ json: { kind, title, clauses } })),
    () => void queryClient.invalidateQueries({ queryKey: agreementTemplateQueries.list().queryKey }),
  );
}
