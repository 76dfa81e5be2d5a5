import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactCreate, ContactListQuery, ContactSummary, ContactUpdate } from '@kompetansebro/domain';
import { api } from './client';
import { apiErrorOf, networkError, readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { toQueryStrings } from './query-strings';

export type ContactListFilters = Partial<ContactListQuery>;

export const contactQueries = {
  all: ['contacts'] as const,
  lists: () => [...contactQueries.all, 'list'] as const,
  list: (filters: ContactListFilters) =>
    queryOptions({
      queryKey: [...contactQueries.lists(), filters] as const,
      queryFn: () => readJson(api().api.contacts.$get({ query: toQueryStrings(filters) })),
    }),
};

/** Contacts are only shown in lists (personal data: no detail cache to keep in step). */
function useContactListRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contactQueries.lists() });
}

export function useCreateContact() {
  const refresh = useContactListRefresh();
  return useMutation<ContactSummary, ApiError, ContactCreate>({
    mutationFn: (input) => readJson(api().api.contacts.$post({ json: input })),
    onSuccess: refresh,
  });
}

export function useUpdateContact(id: string) {
  const refresh = useContactListRefresh();
  return useMutation<ContactSummary, ApiError, { changes: ContactUpdate; version: number }>({
    mutationFn: ({ changes, version }) =>
      readJson(api().api.contacts[':id'].$patch({ param: { id }, json: changes, header: { 'if-match': ifMatch(version) } })),
    onSuccess: refresh,
  });
}

export function useDeleteContact(id: string) {
  const refresh = useContactListRefresh();
  return useMutation<void, ApiError, { version: number }>({
    mutationFn: async ({ version }) => {
      let response: Response;
      try {
        response = await api().api.contacts[':id'].$delete({ param: { id }, header: { 'if-match': ifMatch(version) } });
      } catch (cause) {
        throw networkError(cause);
      }
      if (!response.ok) throw await apiErrorOf(response);
    },
    onSuccess: refresh,
  });
}
