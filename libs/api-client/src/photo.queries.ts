import { queryOptions, useQueryClient } from '@tanstack/react-query';
import type { Photo, PhotoFields, PhotoUpdate } from '@kompetansebro/domain';
import { useApiMutation, useVersionedAction, useVersionedUpdate } from './api-mutation';
import { api, apiUrl } from './client';
import { readEmpty, readJson } from './api-error';

/** Photos of a library or branch (issue 14): listed per actor, uploaded as a form, served in web sizes. */
export const photoQueries = {
  all: ['photos'] as const,
  list: (actorId?: string) =>
    queryOptions({
      queryKey: [...photoQueries.all, actorId ?? 'all'] as const,
      queryFn: () => readJson(api().api.photos.$get({ query: actorId ? { actor: actorId } : {} })),
    }),
  /** The address of a photo's web size, as the API names it in `urls`. */
  imageUrl: (path: string) => apiUrl(path),
};

function usePhotosInvalidation() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: photoQueries.all });
}

/** Uploads a photo of `actorId` with what is said about it (multipart/form-data). */
export function useUploadPhoto() {
  return useApiMutation<Photo, PhotoFields & { actorId: string; file: File }>(
    ({ file, actorId, mediebankUrl, published, ...fields }) =>
      readJson(api().api.photos.$post({ form: { ...fields, actorId, file, mediebankUrl: mediebankUrl ?? '', published: String(published) } })),
    usePhotosInvalidation(),
  );
}

/** Changes what is said about a photo, or publishes it (If-Match). */
export function useUpdatePhoto(id: string) {
  return useVersionedUpdate<Photo, PhotoUpdate>(id, (request) => readJson(api().api.photos[':id'].$patch(request)), usePhotosInvalidation());
}

/** Removes a photo (If-Match). */
export function useRemovePhoto(id: string) {
  return useVersionedAction<void>(id, (request) => readEmpty(api().api.photos[':id'].$delete(request)), usePhotosInvalidation());
}
