import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { OpeningHours, OpeningHoursInput, OpeningHoursOsmImport } from '@kompetansebro/domain';
import { useVersionedUpdate } from './api-mutation';
import { api } from './client';
import { readJson } from './api-error';

/** A library's or branch's opening hours, by the actor's id (one record each; version 0 until first saved). */
export const openingHoursQueries = {
  all: ['opening-hours'] as const,
  detail: (actorId: string) =>
    queryOptions({
      queryKey: [...openingHoursQueries.all, actorId] as const,
      queryFn: () => readJson(api().api['opening-hours'][':id'].$get({ param: { id: actorId } })),
    }),
};

function useOpeningHoursInCache() {
  const queryClient = useQueryClient();
  return (saved: OpeningHours) => queryClient.setQueryData(openingHoursQueries.detail(saved.id).queryKey, saved);
}

/** Replaces the opening hours (If-Match the version read; 412 when someone saved in between). */
export function useSaveOpeningHours(actorId: string) {
  return useVersionedUpdate<OpeningHours, OpeningHoursInput>(actorId, (request) => readJson(api().api['opening-hours'][':id'].$patch(request)), useOpeningHoursInCache());
}

/** Takes over the weekly timetable from OSM `opening_hours` strings. */
export function useImportOpeningHours(actorId: string) {
  return useVersionedUpdate<OpeningHours, OpeningHoursOsmImport>(actorId, (request) => readJson(api().api['opening-hours'][':id'].osm.$put(request)), useOpeningHoursInCache());
}
