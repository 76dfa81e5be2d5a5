import type { FieldError } from '@kompetansebro/domain';
import { ApiError } from './api-error';

/**
 * Why a save failed, sorted for a form: the API's field errors (a 400 with problem+json
 * `errors: [{ path, code, message }]`) to show beside the fields, a stale version (412: someone
 * else saved first; the form keeps the input and offers their version), or another status.
 */
export type SaveFailure = { kind: 'fields'; errors: FieldError[] } | { kind: 'stale' } | { kind: 'other'; status: number };

/** A save's outcome as a value, so a form handles each case by type instead of catching. */
export type SaveResult<T> = { ok: true; data: T } | ({ ok: false } & SaveFailure);

export function saveFailureOf(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', status: 0 };
  if (error.status === 412) return { kind: 'stale' };
  // 409 with field errors: a number another record has already (the error names it).
  if ((error.status === 400 || error.status === 409) && error.problem.errors && error.problem.errors.length > 0) return { kind: 'fields', errors: error.problem.errors };
  return { kind: 'other', status: error.status };
}

/**
 * Runs a save (a mutation's `mutateAsync(...)`) and returns its outcome; it throws for nothing
 * the API answers.
 *
 *   const result = await trySave(updateActor.mutateAsync({ changes, version }));
 *   if (result.ok) return navigate(...);
 *   if (result.kind === 'fields') form.showErrors(result.errors);
 *   else if (result.kind === 'stale') stale.detected();
 *   else setFailureMessage(httpErrorText(t, result.status));
 */
export async function trySave<T>(save: Promise<T>): Promise<SaveResult<T>> {
  try {
    return { ok: true, data: await save };
  } catch (error) {
    return { ok: false, ...saveFailureOf(error) };
  }
}
