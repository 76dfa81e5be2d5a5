import type { FieldError } from './problem.schema';

// What can go wrong with a change, said in the domain's words. Repositories and rules throw these;
// the server maps each to one HTTP status in one place, so no rule knows about HTTP.

/** The base of every error the domain names; anything else is a bug (500). */
export abstract class DomainError extends Error {}

/** No record has this id, or the viewer may not see it (which must look the same). */
export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    detail = `No ${entity} has this id`,
  ) {
    super(detail);
  }
}

/** The viewer sees the record but may not make this change. */
export class NotAllowedError extends DomainError {}

/** The input breaks a rule of the domain; each field error names the field (`path`) and the rule (`code`). */
export class DomainRuleError extends DomainError {
  constructor(readonly errors: FieldError[]) {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
  }
}

/** The change does not fit the record's state (archived already, closed, transition not allowed). */
export class ConflictError extends DomainError {
  constructor(
    detail: string,
    readonly details: { errors?: FieldError[]; allowed?: readonly string[] } = {},
  ) {
    super(detail);
  }
}

/** The record has changed since the client read the version it sends. */
export class StaleVersionError extends DomainError {
  static of(label: string, currentVersion: number, expectedVersion: number): StaleVersionError {
    return new StaleVersionError(`The ${label} is at version ${currentVersion}; you changed version ${expectedVersion}. Load it again.`);
  }
}

/** The thing existed but is no longer open to this (a closed survey, a passed deadline). */
export class GoneError extends DomainError {}

/** An uploaded file the domain does not take: too large, or not of a kind it stores. */
export class RejectedFileError extends DomainError {
  constructor(
    readonly reason: 'too_large' | 'unsupported_type',
    detail: string,
  ) {
    super(detail);
  }
}
