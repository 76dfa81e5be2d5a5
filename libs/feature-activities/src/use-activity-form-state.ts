import { ApiError } from '@kompetansebro/api-client';
import type { FieldError } from '@kompetansebro/domain';
import { useCallback, useState } from 'react';
import { valueAt, type ShownFieldError } from './activity-form';
import { changedFields, type ActivityFormValues } from './activity-form-values';

/**
 * The state of an activity form: what the inputs hold, what was last saved (to know what is
 * unsaved), and the errors of the last attempt to save, which stay until the next attempt.
 */
export function useActivityFormState(initial: ActivityFormValues) {
  const [values, setValues] = useState(initial);
  const [savedValues, setSavedValues] = useState(initial);
  const [errors, setErrors] = useState<ShownFieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);

  const update = useCallback((change: (values: ActivityFormValues) => ActivityFormValues) => setValues(change), []);

  /** Shows the errors of an attempt to save (none: clears them) and moves focus to their summary. */
  const showErrors = useCallback(
    (found: readonly FieldError[]) => {
      setErrors(found.map((error) => ({ ...error, value: valueAt(values, error.path) })));
      if (found.length > 0) setSubmitCount((count) => count + 1);
    },
    [values],
  );

  return {
    values,
    setValues,
    update,
    savedValues,
    setSavedValues,
    errors,
    showErrors,
    submitCount,
    hasUnsavedChanges: changedFields(values, savedValues).length > 0,
  };
}

/** Why a save failed, sorted for the form: field errors to show beside fields, a stale version, or a status. */
export type SaveFailure = { kind: 'fields'; errors: FieldError[] } | { kind: 'stale' } | { kind: 'other'; status: number };

export function saveFailureOf(error: unknown): SaveFailure {
  if (!(error instanceof ApiError)) return { kind: 'other', status: 0 };
  if (error.status === 412) return { kind: 'stale' };
  if (error.status === 400 && error.problem.errors && error.problem.errors.length > 0) return { kind: 'fields', errors: error.problem.errors };
  return { kind: 'other', status: error.status };
}
