import type { Me } from '@kompetansebro/domain';
import { screenRoute } from '@kompetansebro/ui';
import { createRoute, lazyRouteComponent, redirect, type AnyRoute } from '@tanstack/react-router';
import { useEffect, useState, type ComponentType } from 'react';
import { createAccountRoutes } from './account/account-routes';
import { CHOOSE_APP_PATH, FORGOT_PASSWORD_PATH, LOGIN_PATH, parseLoginSearch, parseResetSearch, RESET_PASSWORD_PATH, safeReturnTo } from './auth-paths';

/**
 * The login pages as routes under `parentRoute` (open to everyone): "Logg inn" (`?returnTo=`,
 * and `?error=` from the identity provider), "Glemt passord", and "Lag nytt passord" (`?token=`);
 * and "Velg" for a logged-in user whose memberships lead to several apps.
 * Each is its own chunk, loaded when first visited.
 */
export function createAuthRoutes(parentRoute: AnyRoute): AnyRoute[] {
  const loginRoute = createRoute({
    getParentRoute: () => parentRoute,
    path: LOGIN_PATH.slice(1),
    validateSearch: parseLoginSearch,
    // Logged in already (another tab, the back button): on to where the user was going.
    beforeLoad: ({ context, search }) => {
      if ((context as { me?: Me | null }).me) throw redirect({ href: safeReturnTo(search.returnTo), replace: true });
    },
    component: lazyRouteComponent(() => import('./login-page'), 'LoginPage'),
  });
  const forgotPasswordRoute = screenRoute(parentRoute, {
    path: FORGOT_PASSWORD_PATH.slice(1),
    component: lazyRouteComponent(() => import('./forgot-password-page'), 'ForgotPasswordPage'),
  });
  const resetPasswordRoute = screenRoute(parentRoute, {
    path: RESET_PASSWORD_PATH.slice(1),
    validateSearch: parseResetSearch,
    component: lazyRouteComponent(() => import('./reset-password-page'), 'ResetPasswordPage'),
  });
  const chooseAppRoute = createRoute({
    getParentRoute: () => parentRoute,
    path: CHOOSE_APP_PATH.slice(1),
    beforeLoad: ({ context }) => {
      if (!(context as { me?: Me | null }).me) throw redirect({ to: LOGIN_PATH, replace: true });
    },
    component: lazyRouteComponent(() => import('./choose-app-page'), 'ChooseAppPage'),
  });
  return [loginRoute, forgotPasswordRoute, resetPasswordRoute, chooseAppRoute];
}

type UserAreaComponent = ComponentType<{ me: Me }>;

/** The user area's chunk once loaded (it brings the API client's hooks, and the header's search field). */
let loaded: { UserArea: UserAreaComponent; HeaderSearch: ComponentType } | null = null;

function loadUserArea(): Promise<NonNullable<typeof loaded>> {
  return import('./user-area').then((module) => (loaded = { UserArea: module.UserArea, HeaderSearch: module.HeaderSearch }));
}

/** Shows the user-area chunk's component `name` once the chunk is there (at once after `preload`). */
function useLoaded<K extends keyof NonNullable<typeof loaded>>(name: K): NonNullable<typeof loaded>[K] | null {
  const [component, setComponent] = useState<NonNullable<typeof loaded>[K] | null>(() => loaded?.[name] ?? null);
  useEffect(() => {
    if (!component) void loadUserArea().then((chunk) => setComponent(() => chunk[name]));
  }, [component, name]);
  return component;
}

/**
 * The header's user area (inbox, organisation, user menu): its own chunk. `preload()` it
 * before the first page of a logged-in user is shown (the shell does), and it is there from the
 * first paint instead of popping in after the page.
 */
export const UserArea = Object.assign(
  function UserAreaSlot({ me }: { me: Me }) {
    const Component = useLoaded('UserArea');
    return Component ? <Component me={me} /> : null;
  },
  { preload: async () => void (loaded ?? (await loadUserArea())) },
);

/** The header's search field, from the same chunk as the user area. */
export function HeaderSearchSlot() {
  const Component = useLoaded('HeaderSearch');
  return Component ? <Component /> : null;
}

/** What an app hands the shell (bootstrapApp's `auth`): the login pages, the account's pages, the user area, where to log in. */
export const authShell = {
  createRoutes: createAuthRoutes,
  createAccountRoutes,
  UserArea,
  HeaderSearch: HeaderSearchSlot,
  loginPath: LOGIN_PATH,
} as const;
