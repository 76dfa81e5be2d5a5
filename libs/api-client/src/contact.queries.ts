import { useQueryClient } from '@tanstack/react-query';
import type { ContactCreate, ContactListQuery, ContactSummary, ContactUpdate } from '@kompetansebro/domain';
import { recordWrites, useVersionedAction } from './api-mutation';
import { api } from './client';
import { readEmpty, readJson } from './api-error';
import { listQueries } from './resource-queries';
import { toQueryStrings } from './query-strings';

export type ContactListFilters = Partial<ContactListQuery>;

export const contactQueries = listQueries(
  'contacts',
  (filters: ContactListFilters) => readJson(api().api.contacts.$get({ query: toQueryStrings(filters) })),
  { keepPreviousPage: false },
);

/** Contacts are only shown in lists (personal data: no detail cache to keep in step). */
function useContactListRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: contactQueries.lists() });
}

export const { useCreate: useCreateContact, useUpdate: useUpdateContact } = recordWrites<ContactSummary, ContactCreate, ContactUpdate>(
  { create: (input) => readJson(api().api.contacts.$post({ json: input })), update: (request) => readJson(api().api.contacts[':id'].$patch(request)) },
  useContactListRefresh,
);

export function useDeleteContact(id: string) {
  return useVersionedAction<void>(id, (request) => readEmpty(api().api.contacts[':id'].$delete(request)), useContactListRefresh());
}
