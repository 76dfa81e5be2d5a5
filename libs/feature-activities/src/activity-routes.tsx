import { createRoute, type AnyRoute } from '@tanstack/react-router';

interface ActivityRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "aktiviteter". */
  path?: string;
  /** The full path of an actor's page (`/aktorer/$id`), so participants link to it; null for none. */
  actorPath?: string | null;
  /** The full path of a record's history (`/historikk/$entity/$id`); null for none. */
  historyPath?: string | null;
}

/** The activity screens as routes under `parentRoute`. (Scaffold: the screens are being built.) */
export function createActivityRoutes(parentRoute: AnyRoute, { path = 'aktiviteter' }: ActivityRoutesOptions = {}) {
  return createRoute({ getParentRoute: () => parentRoute, path, component: () => null });
}
