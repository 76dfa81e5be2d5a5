import { ApiError } from '@kompetansebro/api-client';
import type { FieldError } from '@kompetansebro/domain';

/** Why a save failed, sorted for the form: field errors to show beside fields, or a status for a message. */
export type SaveFailure =
  | { kind: 'fields'; errors: FieldError[] }
  | { kind: 'stale' }
  | { kind: 'other'; status: number };

export function saveFailureOf(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', status: 0 };
  if (error.status === 412) return { kind: 'stale' };
  if (error.status === 400 && error.problem.errors && error.problem.errors.length > 0) {
    return { kind: 'fields', errors: error.problem.errors };
  }
  return { kind: 'other', status: error.status };
}
