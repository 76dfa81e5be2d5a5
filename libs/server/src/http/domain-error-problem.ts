import type {
  DomainError} from '@kompetansebro/domain';
import {
  ConflictError,
  DomainRuleError,
  GoneError,
  NotAllowedError,
  NotFoundError,
  RejectedFileError,
  StaleVersionError,
} from '@kompetansebro/domain';
import { ProblemError } from './problem';

/**
 * The one place a domain error becomes an HTTP answer (problem+json): the repositories and rules
 * say what went wrong, this says which status it is.
 */
export function problemOfDomainError(error: DomainError): ProblemError {
  if (error instanceof NotFoundError) return new ProblemError(404, error.message);
  if (error instanceof NotAllowedError) return new ProblemError(403, error.message);
  if (error instanceof DomainRuleError) return new ProblemError(400, error.message, error.errors);
  if (error instanceof ConflictError) {
    const allowed = error.details.allowed ? { allowed: [...error.details.allowed] } : {};
    return new ProblemError(409, error.message, error.details.errors, allowed);
  }
  if (error instanceof StaleVersionError) return new ProblemError(412, error.message);
  if (error instanceof GoneError) return new ProblemError(410, error.message);
  if (error instanceof RejectedFileError) return new ProblemError(error.reason === 'too_large' ? 413 : 415, error.message);
  return new ProblemError(500, 'Something went wrong on the server. The error is logged.');
}
