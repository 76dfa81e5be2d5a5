import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailOut, SurveyAnswer, SurveyCreate, SurveyDetail, SurveyForm, SurveyListQuery } from '@kompetansebro/domain';
import { useApiMutation, useVersionedAction } from './api-mutation';
import { api, apiUrl } from './client';
import { apiErrorOf, networkError, readJson, type ApiError } from './api-error';
import { resourceQueries, useSavedRecordInCache } from './resource-queries';
import { toQueryStrings } from './query-strings';

type SurveyListFilters = Partial<SurveyListQuery>;

export const surveyQueries = {
  ...resourceQueries('surveys', {
    list: (filters: SurveyListFilters) => readJson(api().api.surveys.$get({ query: toQueryStrings(filters) })),
    detail: (id) => readJson(api().api.surveys[':id'].$get({ param: { id } })),
  }),
  /** A campaign's libraries and answers as a file (CSV or XLSX), as a link the browser downloads. */
  exportUrl: (id: string, format: 'csv' | 'xlsx') => apiUrl(`/api/surveys/${encodeURIComponent(id)}/export?format=${format}`),
  /** The public answer form of one link (no login). */
  form: (token: string) =>
    queryOptions({
      queryKey: ['survey-form', token] as const,
      queryFn: () => readJson(api().api['survey-form'].$get({ query: { token } })),
      retry: false,
    }),
  /** The survey open to the user's library, and whether it has answered (null: none). */
  own: () => queryOptions({ queryKey: ['survey-form', 'own'] as const, queryFn: () => readJson(api().api['survey-form'].own.$get()) }),
  /** A campaign's mail-outs (newest first), read again every two seconds while one is queued or sending. */
  mailOuts: (id: string) =>
    queryOptions({
      queryKey: ['surveys', 'mail-outs', id] as const,
      queryFn: (): Promise<MailOut[]> => readJson(api().api.surveys[':id']['mail-outs'].$get({ param: { id } })),
      refetchInterval: (query) => (query.state.data?.some((m) => m.status === 'queued' || m.status === 'sending') ? 2_000 : false),
    }),
};

/** A fresh link (token) to the answer form of the survey open to the user's library. */
export function useOwnSurveyLink() {
  return useMutation<{ token: string }, ApiError, void>({
    mutationFn: () => readJson(api().api['survey-form'].own.link.$post()),
  });
}

function useSurveyCacheUpdate() {
  return useSavedRecordInCache<SurveyDetail>(surveyQueries);
}

/** Starts a campaign; the server queues a mail-out of every library's link (see surveyQueries.mailOuts). */
export function useCreateSurvey() {
  return useApiMutation<SurveyDetail, SurveyCreate>(
    (input) => readJson(api().api.surveys.$post({ json: input })),
    useSurveyCacheUpdate(),
  );
}

/** Queues a reminder mail-out to the libraries that have not answered; its progress shows in surveyQueries.mailOuts. */
export function useRemindSurvey(id: string) {
  const queryClient = useQueryClient();
  return useMutation<MailOut, ApiError, void>({
    mutationFn: () => readJson(api().api.surveys[':id'].remind.$post({ param: { id } })),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: surveyQueries.mailOuts(id).queryKey });
      await queryClient.invalidateQueries({ queryKey: surveyQueries.detail(id).queryKey });
    },
  });
}

/** Tries a failed mail-out again (those already mailed are not mailed twice). */
export function useRetryMailOut(id: string) {
  const queryClient = useQueryClient();
  return useMutation<MailOut, ApiError, string>({
    mutationFn: (mailOutId) => readJson(api().api.surveys[':id']['mail-outs'][':mailOutId'].retry.$post({ param: { id, mailOutId } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: surveyQueries.mailOuts(id).queryKey }),
  });
}

export function useCloseSurvey(id: string) {
  return useVersionedAction<SurveyDetail>(id, (request) => readJson(api().api.surveys[':id'].close.$post(request)), useSurveyCacheUpdate());
}

export function useSurveyForm(token: string) {
  return useQuery(surveyQueries.form(token));
}

export function useAnswerSurvey(token: string) {
  const queryClient = useQueryClient();
  return useMutation<SurveyForm, ApiError, SurveyAnswer>({
    mutationFn: (answer) => readJson(api().api['survey-form'].$post({ query: { token }, json: answer })),
    onSuccess: (form) => {
      queryClient.setQueryData(surveyQueries.form(token).queryKey, form);
      // Answered: the library portal's home says so.
      void queryClient.invalidateQueries({ queryKey: surveyQueries.own().queryKey });
    },
  });
}

/**
 * The printable letters (PDF) to the libraries that have not answered and have no e-mail address,
 * each with a fresh personal link and its QR code; resolves to the file to open or save.
 */
export function useSurveyLetters(id: string) {
  return useMutation<Blob, ApiError, void>({
    mutationFn: async () => {
      let response: Response;
      try {
        response = (await api().api.surveys[':id'].letters.$post({ param: { id } })) as unknown as Response;
      } catch (cause) {
        throw networkError(cause);
      }
      if (!response.ok) throw await apiErrorOf(response);
      return response.blob();
    },
  });
}

/** Before starting: the libraries the choices would ask and each one's address (null: none). */
export function useSurveyRecipientsPreview() {
  return useMutation<{ actorId: string; actorName: string; email: string | null }[], ApiError, { regionIds: string[]; actorIds: string[]; includeBranches: boolean }>({
    mutationFn: (choices) => readJson(api().api.surveys.recipients.$post({ json: choices })),
  });
}
