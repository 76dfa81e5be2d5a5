import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { BrochureLanguage, CatchmentRequest, CatchmentRequestCreate } from '@kompetansebro/domain';
import { api, apiUrl } from './client';
import { readJson, type ApiError } from './api-error';

/** A study centre's own portal: its students' brochure and its catchment-area requests. */
export const portalQueries = {
  all: ['portal'] as const,
  brochure: (studyCentre: string) =>
    queryOptions({
      queryKey: [...portalQueries.all, 'brochure', studyCentre] as const,
      queryFn: () => readJson(api().api['study-centres'][':id'].brochure.$get({ param: { id: studyCentre } })),
    }),
  /** The brochure as a PDF the browser downloads, made by the server in the language asked for. */
  brochurePdfUrl: (studyCentre: string, language: BrochureLanguage) =>
    apiUrl(`/api/study-centres/${encodeURIComponent(studyCentre)}/brochure.pdf?lang=${language}`),
  catchmentArea: (studyCentre: string) =>
    queryOptions({
      queryKey: [...portalQueries.all, 'catchment-area', studyCentre] as const,
      queryFn: () => readJson(api().api['study-centres'][':id']['catchment-area'].$get({ param: { id: studyCentre } })),
    }),
  catchmentRequests: (studyCentre: string) =>
    queryOptions({
      queryKey: [...portalQueries.all, 'catchment-requests', studyCentre] as const,
      queryFn: () => readJson(api().api['study-centres'][':id']['catchment-requests'].$get({ param: { id: studyCentre } })),
    }),
};

export function useCreateCatchmentRequest(studyCentre: string) {
  const queryClient = useQueryClient();
  return useMutation<CatchmentRequest, ApiError, CatchmentRequestCreate>({
    mutationFn: (input) => readJson(api().api['study-centres'][':id']['catchment-requests'].$post({ param: { id: studyCentre }, json: input })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: portalQueries.catchmentRequests(studyCentre).queryKey }),
  });
}
