import { createContext, useContext } from 'react';

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

export const UserFeatureContext = createContext<UserFeature | null>(null);

export function useUserFeature(): UserFeature {
  const feature = useContext(UserFeatureContext);
  if (!feature) throw new Error('The users screens must be rendered inside the routes of createUserRoutes()');
  return feature;
}

export function userPaths(basePath: string): UserPaths {
  const base = basePath.replace(/\/+$/, '');
  return { list: base, invite: `${base}/ny`, detail: `${base}/$id` };
}
