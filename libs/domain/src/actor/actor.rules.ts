import { domainErrorCodes, type FieldError } from '../common/problem.schema';
import { isLibraryKind, parentRules, type ActorKind } from './actor-kind';

interface ActorShape {
  id?: string;
  kind: ActorKind;
  libraryNumber: string | null;
  parentId: string | null;
}

interface ParentShape {
  id: string;
  kind: ActorKind;
}

/**
 * The rules an actor must keep beyond the shape of its fields: how it nests under a parent,
 * and that only libraries carry a library number. `parent` is the record `parentId` names,
 * or null when it names nothing that exists.
 */
export function actorRuleViolations(actor: ActorShape, parent: ParentShape | null): FieldError[] {
  const errors: FieldError[] = [];
  const rule = parentRules[actor.kind];

  if (actor.libraryNumber !== null && !isLibraryKind(actor.kind)) {
    errors.push({
      path: 'libraryNumber',
      code: domainErrorCodes.libraryNumberNotLibrary,
      message: 'Only libraries have a library number',
    });
  }

  if (actor.parentId === null) {
    if (rule.required) {
      errors.push({
        path: 'parentId',
        code: domainErrorCodes.parentRequired,
        message: `An actor of kind ${actor.kind} must belong to a ${rule.parentKinds.join(' or ')}`,
        params: { kinds: rule.parentKinds.join(',') },
      });
    }
    return errors;
  }

  if (actor.id !== undefined && actor.parentId === actor.id) {
    errors.push({ path: 'parentId', code: domainErrorCodes.parentIsSelf, message: 'An actor cannot be its own parent' });
  } else if (rule.parentKinds.length === 0) {
    errors.push({
      path: 'parentId',
      code: domainErrorCodes.parentNotAllowed,
      message: `An actor of kind ${actor.kind} does not belong to another actor`,
    });
  } else if (parent === null) {
    errors.push({ path: 'parentId', code: domainErrorCodes.parentNotFound, message: 'No actor has this id' });
  } else if (!rule.parentKinds.includes(parent.kind)) {
    errors.push({
      path: 'parentId',
      code: domainErrorCodes.parentWrongKind,
      message: `An actor of kind ${actor.kind} belongs to a ${rule.parentKinds.join(' or ')}, not a ${parent.kind}`,
      params: { kinds: rule.parentKinds.join(',') },
    });
  }
  return errors;
}
