import { useCan } from '@kompetansebro/api-client';
import { useActorFeature } from './actor-feature-context';

/**
 * Whether to show create, edit and archive: the app allows it and the policy table lets the
 * user's role change actors (a county viewer only reads). The API still decides every change.
 */
export function useCanEditActors(): boolean {
  const { viewer } = useActorFeature();
  const allowed = useCan('actor', 'create', { enabled: viewer.canEdit });
  return viewer.canEdit && allowed;
}

/**
 * Whether to show "Rediger" on an actor: the app allows changes and the policy table lets the
 * user's role update actors. A library editor updates its own library and branches, but only
 * the county (useCanEditActors) changes where an actor belongs, so it gets the contact fields.
 */
export function useCanUpdateActors(): boolean {
  const { viewer } = useActorFeature();
  const allowed = useCan('actor', 'update', { enabled: viewer.canEdit });
  return viewer.canEdit && allowed;
}

/**
 * Whether to show a change to the services or contacts of an actor: the app allows changes
 * and the policy table gives the user's role the action (a library editor changes its own
 * services; a county viewer only reads). The API still decides, per record.
 */
export function useCanChange(resource: 'service' | 'contact', action: 'create' | 'update' | 'delete'): boolean {
  const { viewer } = useActorFeature();
  const allowed = useCan(resource, action, { enabled: viewer.canEdit });
  return viewer.canEdit && allowed;
}
