import { createFeatureContext } from '@kompetansebro/ui';

/** Where the users screens live in the app's router, e.g. `/brukere` and `/brukere/$id`. */
export interface UserPaths {
  list: string;
  invite: string;
  detail: string;
}

/** A short message for the next user page (after an invitation), shown without taking focus. */
export type UserNotice = { kind: 'invited'; email: string };

export interface UserFeature {
  paths: UserPaths;
  notice: UserNotice | null;
  setNotice: (notice: UserNotice | null) => void;
}

export const [UserFeatureContext, useUserFeature] = createFeatureContext<UserFeature>('createUserRoutes');
