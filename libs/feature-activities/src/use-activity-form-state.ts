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
