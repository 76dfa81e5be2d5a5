import { actorQueries, meQueries } from '@kompetansebro/api-client';
import { useQuery } from '@tanstack/react-query';

/**
 * The library the user acts for, and its branches: every screen of the portal is about them.
 * `libraryId` null when the user acts for an organisation that is no public library.
 */
export function useLibrary() {
  const me = useQuery(meQueries.current());
  const libraryId = me.data?.role === 'library_editor' ? me.data.activeOrganisationId : null;
  const branches = useQuery({ ...actorQueries.list({ parent: libraryId ?? undefined, pageSize: 50 }), enabled: libraryId !== null });
  const name = me.data?.memberships.find((membership) => membership.organisationId === libraryId)?.organisationName ?? '';
  return { pending: me.isPending, libraryId, name, branches };
}
