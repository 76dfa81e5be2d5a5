import type { Action, Permissions, Resource } from './permissions';

// Alone in its module: every app's shell asks it at start, and a module shares its chunk with all
// it holds (the resource list would come along).

/** Whether these permissions allow the action on the resource. */
export function allows(permissions: Permissions, resource: Resource, action: Action): boolean {
  return permissions[resource]?.includes(action) ?? false;
}
