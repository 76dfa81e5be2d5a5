import { createRoute, type AnyRoute } from '@tanstack/react-router';

interface InitiativeRoutesOptions {
  /** The path segment under the parent, Norwegian as the user sees it. Default "tiltak". */
  path?: string;
  /** Full paths of related pages, so results link to them; null for none. */
  activityPath?: string | null;
  agreementPath?: string | null;
  historyPath?: string | null;
}

/** The initiative screens as routes under `parentRoute`. (Scaffold: the screens are being built.) */
export function createInitiativeRoutes(parentRoute: AnyRoute, { path = 'tiltak' }: InitiativeRoutesOptions = {}) {
  return createRoute({ getParentRoute: () => parentRoute, path, component: () => null });
}
