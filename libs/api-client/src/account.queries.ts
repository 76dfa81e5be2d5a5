import { keepPreviousData, queryOptions, useQueryClient } from '@tanstack/react-query';
import type { NotificationSettings, PasswordChange, ProfileUpdate } from '@kompetansebro/domain';
import { useApiMutation } from './api-mutation';
import { api } from './client';
import { readEmpty, readJson } from './api-error';
import { meQueries } from './auth.queries';

/** The user's own account (issue 19): the inbox, search, profile, password and notification settings. */
export const accountQueries = {
  all: ['account'] as const,
  /** What needs the organisation the user acts for now; looked at again every two minutes while the app is open. */
  inbox: () =>
    queryOptions({
      queryKey: [...accountQueries.all, 'inbox'] as const,
      queryFn: () => readJson(api().api.inbox.$get()),
      refetchInterval: 2 * 60 * 1000,
    }),
  notificationSettings: () =>
    queryOptions({
      queryKey: [...accountQueries.all, 'notification-settings'] as const,
      queryFn: () => readJson(api().api.me['notification-settings'].$get()),
    }),
  /** Actors, agreements, activities, initiatives and notes the user may see, best match first. */
  search: (q: string) =>
    queryOptions({
      queryKey: [...accountQueries.all, 'search', q] as const,
      queryFn: () => readJson(api().api.search.$get({ query: { q, limit: '50' } })),
      enabled: q.trim().length > 0,
      placeholderData: keepPreviousData,
    }),
};

export function useSaveNotificationSettings() {
  const queryClient = useQueryClient();
  return useApiMutation<NotificationSettings, NotificationSettings>(
    (settings) => readJson(api().api.me['notification-settings'].$put({ json: settings })),
    (settings) => queryClient.setQueryData(accountQueries.notificationSettings().queryKey, settings),
  );
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useApiMutation<void, ProfileUpdate>(
    (profile) => readEmpty(api().api.me.profile.$put({ json: profile })),
    () => queryClient.invalidateQueries({ queryKey: meQueries.all }),
  );
}

export function useChangePassword() {
  return useApiMutation<void, PasswordChange>((change) => readEmpty(api().api.me.password.$put({ json: change })));
}
