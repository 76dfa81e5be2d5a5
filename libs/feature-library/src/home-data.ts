import { actorQueries, liaisonQueries, meQueries, openingHoursQueries, photoQueries, serviceQueries, surveyQueries } from '@kompetansebro/api-client';
import type { Me } from '@kompetansebro/domain';
import type { QueryClient } from '@tanstack/react-query';

// What the library's home reads, in one place: its sections ask for it, and the route loads it
// before home shows (`firstData`), so the page appears whole.

/** The library the user acts for; null when it acts for another kind of organisation. */
export function libraryOf(me: Me | null | undefined): string | null {
  return me?.role === 'library_editor' ? me.activeOrganisationId : null;
}

export const homeQueries = {
  branches: (libraryId: string) => actorQueries.list({ parent: libraryId, pageSize: 50 }),
  openingHours: (libraryId: string) => openingHoursQueries.detail(libraryId),
  services: (libraryId: string) => serviceQueries.list({ actor: libraryId, includeBranches: 'true', pageSize: 100 }),
  /** The five channels with the latest notes. */
  threads: () => liaisonQueries.threads({ pageSize: 5 }),
  unread: () => liaisonQueries.unread(),
  comingActivities: () => liaisonQueries.activities('upcoming'),
  survey: () => surveyQueries.own(),
  photos: (libraryId: string) => photoQueries.list(libraryId),
};

/** Home's first data (nothing for a user who acts for no library); the open survey only where the app offers it. */
export async function homeFirstData(queryClient: QueryClient, { survey }: { survey: boolean }): Promise<readonly object[]> {
  const libraryId = libraryOf(await queryClient.ensureQueryData(meQueries.current()));
  if (!libraryId) return [];
  return [
    homeQueries.branches(libraryId),
    homeQueries.openingHours(libraryId),
    homeQueries.services(libraryId),
    homeQueries.threads(),
    homeQueries.unread(),
    homeQueries.comingActivities(),
    homeQueries.photos(libraryId),
    ...(survey ? [homeQueries.survey()] : []),
  ];
}
