import type { FieldError } from '@kompetansebro/domain';
import { useCallback, useState } from 'react';
import type { ShownFieldError } from './actor-form';
import { changedFields, type ActorFormField, type ActorFormValues } from './actor-form-values';

/**
 * The state of an actor form: what the inputs hold, what was last saved (to know what is
 * unsaved), and the errors of the last attempt to save, which stay until the next attempt.
 */
export function useActorFormState(initial: ActorFormValues) {
  const [values, setValues] = useState(initial);
  const [savedValues, setSavedValues] = useState(initial);
  const [errors, setErrors] = useState<ShownFieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);

  const setField = useCallback((field: ActorFormField, value: string) => {
    setValues((current) => (current[field] === value ? current : { ...current, [field]: value }));
  }, []);

  /** Shows the errors of an attempt to save (none: clears them) and moves focus to their summary. */
  const showErrors = useCallback(
    (found: readonly FieldError[]) => {
      setErrors(found.map((error) => ({ ...error, value: values[error.path as ActorFormField] ?? '' })));
      if (found.length > 0) setSubmitCount((count) => count + 1);
    },
    [values],
  );

  return {
    values,
    setValues,
    setField,
    savedValues,
    setSavedValues,
    errors,
    showErrors,
    submitCount,
    hasUnsavedChanges: changedFields(values, savedValues).length > 0,
  };
}
