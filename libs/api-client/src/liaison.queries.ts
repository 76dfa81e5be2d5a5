import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { LibraryListQuery, LiaisonActivity, LiaisonNote, NoteCreate, NoteListQuery, NoteThreadListQuery, StudentCountPeriod, StudentCountSet, StudentCountsUpdate } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api, apiUrl } from './client';
import { readJson, type ApiError } from './api-error';
import { ifMatch } from './etag';
import { toQueryStrings } from './query-strings';

export type LibraryListFilters = Partial<LibraryListQuery>;
export type NoteListFilters = Partial<NoteListQuery>;
export type NoteThreadListFilters = Partial<NoteThreadListQuery>;

/** The university-library liaison view (issue 8): libraries, student counts and needs, channels, activities. */
export const liaisonQueries = {
  all: ['liaison'] as const,
  /** The university libraries a channel may be with: whom a note can be started to. */
  universities: () =>
    queryOptions({ queryKey: [...liaisonQueries.all, 'universities'] as const, queryFn: () => readJson(api().api.liaison.universities.$get()), staleTime: Infinity }),
  libraries: (filters: LibraryListFilters) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'libraries', filters] as const,
      queryFn: () => readJson(api().api.liaison.libraries.$get({ query: toQueryStrings(filters) })),
      placeholderData: keepPreviousData,
    }),
  librariesExportUrl: (filters: LibraryListFilters, format: 'csv' | 'xlsx') => {
    const { page: _page, pageSize: _pageSize, ...rest } = filters;
    return apiUrl(`/api/liaison/libraries/export?${new URLSearchParams({ ...toQueryStrings(rest), format }).toString()}`);
  },
  /** An actor's contact persons (the library page). */
  contacts: (actorId: string) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'contacts', actorId] as const,
      queryFn: () => readJson(api().api.contacts.$get({ query: { actor: actorId, pageSize: '100' } })),
    }),
  counts: (period: StudentCountPeriod) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'counts', period] as const,
      queryFn: () => readJson(api().api.liaison['student-counts'].$get({ query: { period } })),
    }),
  needs: (period: StudentCountPeriod) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'needs', period] as const,
      queryFn: () => readJson(api().api.liaison.needs.$get({ query: { period } })),
    }),
  /** A page of the channels the user's organisation is a party to, latest note first. */
  threads: (filters: NoteThreadListFilters = {}) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'threads', filters] as const,
      queryFn: () => readJson(api().api.liaison.threads.$get({ query: toQueryStrings(filters) })),
    }),
  notes: (filters: NoteListFilters) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'notes', filters] as const,
      queryFn: () => readJson(api().api.liaison.notes.$get({ query: toQueryStrings(filters) })),
    }),
  digest: () =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'digest'] as const,
      queryFn: () => readJson(api().api.liaison['digest-subscription'].$get()),
    }),
  /** How many notes the user's organisation has not opened yet. */
  unread: () =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'unread'] as const,
      queryFn: () => readJson(api().api.liaison.unread.$get()),
    }),
  /** A page (25 a page) of the coming or the ended activities. */
  activities: (when: 'upcoming' | 'past', page = 1) =>
    queryOptions({
      queryKey: [...liaisonQueries.all, 'activities', when, page] as const,
      queryFn: () => readJson(api().api.liaison.activities.$get({ query: { when, page: String(page) } })),
      placeholderData: keepPreviousData,
    }),
};

export function useSaveStudentCounts(period: StudentCountPeriod) {
  const queryClient = useQueryClient();
  return useMutation<StudentCountSet, ApiError, { changes: StudentCountsUpdate; version: number }>({
    mutationFn: ({ changes, version }) =>
      readJson(api().api.liaison['student-counts'].$put({ query: { period }, json: changes, header: { 'if-match': ifMatch(version) } })),
    onSuccess: async (saved) => {
      queryClient.setQueryData(liaisonQueries.counts(period).queryKey, saved);
      await queryClient.invalidateQueries({ queryKey: liaisonQueries.needs(period).queryKey });
    },
  });
}

function useNotesInvalidation() {
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: [...liaisonQueries.all, 'notes'] });
    await queryClient.invalidateQueries({ queryKey: [...liaisonQueries.all, 'threads'] });
  };
}

export function useCreateNote() {
  return useApiMutation<LiaisonNote, NoteCreate>(
    (input) => readJson(api().api.liaison.notes.$post({ json: input })),
    useNotesInvalidation(),
  );
}

export function useUpdateNote(id: string) {
  return useApiMutation<LiaisonNote, { body: string; version: number }>(
    ({ body, version }) =>
      readJson(api().api.liaison.notes[':id'].$patch({ param: { id }, json: { body }, header: { 'if-match': ifMatch(version) } })),
    useNotesInvalidation(),
  );
}

export function useSetDigestSubscription() {
  const queryClient = useQueryClient();
  return useMutation<{ subscribed: boolean }, ApiError, boolean>({
    mutationFn: (subscribed) => readJson(api().api.liaison['digest-subscription'].$put({ json: { subscribed } })),
    onSuccess: (answer) => queryClient.setQueryData(liaisonQueries.digest().queryKey, answer),
  });
}

/** Signs the user's own library (university or public) up for a coming activity. */
export function useJoinActivity() {
  return useParticipation((id) => readJson(api().api.liaison.activities[':id'].participation.$put({ param: { id } })));
}

/** Cancels the own library's sign-up for a coming activity. */
export function useLeaveActivity() {
  return useParticipation((id) => readJson(api().api.liaison.activities[':id'].participation.$delete({ param: { id } })));
}

function useParticipation(mutationFn: (id: string) => Promise<LiaisonActivity>) {
  const queryClient = useQueryClient();
  return useMutation<LiaisonActivity, ApiError, string>({
    mutationFn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...liaisonQueries.all, 'activities'] }),
  });
}

/** The user's organisation has opened these notes (a note stays unread for it until then). */
export function useMarkNotesRead() {
  const queryClient = useQueryClient();
  return useMutation<{ count: number }, ApiError, string[]>({
    mutationFn: (ids) => readJson(api().api.liaison.notes.read.$post({ json: { ids } })),
    onSuccess: (answer) => queryClient.setQueryData(liaisonQueries.unread().queryKey, answer),
  });
}
