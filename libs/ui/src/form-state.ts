import type { FieldError } from '@kompetansebro/domain';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorSummaryItem } from './error-summary';
import { httpErrorText } from './error-text';

/** An error to show, with what the field held when it was found (an empty field reads "fill in"). */
export interface ShownFieldError extends FieldError {
  value: string;
}

/**
 * The state of a record's form: what the inputs hold, what was last saved (to know what is
 * unsaved), and the errors of the last attempt to save, which stay until the next attempt.
 * `valueAt` reads what a field's path holds now; `changedFields` compares two sets of values.
 */
export function useFormState<Values>(
  initial: Values,
  { changedFields, valueAt }: { changedFields: (a: Values, b: Values) => readonly string[]; valueAt: (values: Values, path: string) => string },
) {
  const [values, setValues] = useState(initial);
  const [savedValues, setSavedValues] = useState(initial);
  const [errors, setErrors] = useState<ShownFieldError[]>([]);
  const [submitCount, setSubmitCount] = useState(0);

  /** One field's new value; the values stay the same object when it did not change. */
  const setField = useCallback(<Field extends keyof Values>(field: Field, value: Values[Field]) => {
    setValues((current) => (current[field] === value ? current : { ...current, [field]: value }));
  }, []);

  /** Shows the errors of an attempt to save (none: clears them) and moves focus to their summary. */
  const showErrors = useCallback(
    (found: readonly FieldError[]) => {
      setErrors(found.map((error) => ({ ...error, value: valueAt(values, error.path) })));
      if (found.length > 0) setSubmitCount((count) => count + 1);
    },
    [values, valueAt],
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

/**
 * A save's outcome as a form sorts it (api-client's `trySave` answers with it): saved, field
 * errors from the API (problem+json `errors`), stale (412: someone else saved first), or another status.
 */
export type SaveOutcome<T> =
  | { ok: true; data: T }
  | { ok: false; kind: 'fields'; errors: readonly FieldError[] }
  | { ok: false; kind: 'stale' }
  | { ok: false; kind: 'other'; status: number };

/**
 * One way for every form to take a save's outcome: the API's field errors go beside the fields
 * and into the error summary (`showErrors`), a stale save to the stale-save notice (`onStale`,
 * e.g. `useStaleSave().detected`), anything else becomes `failure`, a message in words.
 * A form without `onStale` (a new record has no version to be stale) says "conflict".
 *
 *   const save = useFormSubmit({ showErrors: form.showErrors, onStale: stale.detected });
 *   save.start();
 *   const result = await trySave(update.mutateAsync({ changes, version }));
 *   if (save.settle(result)) navigate(... result.data.id ...);
 *   <FailureAlert title={t('actors.form.saveFailed')} message={save.failure} />
 */
export function useFormSubmit({ showErrors, onStale }: { showErrors: (errors: readonly FieldError[]) => void; onStale?: () => void }) {
  const { t } = useTranslation();
  const [failure, setFailure] = useState<string | null>(null);
  return {
    /** Why the last save failed, when not for its fields or a stale version; null otherwise. */
    failure,
    /** A new attempt: the last failure goes. */
    start: () => setFailure(null),
    /** Sorts the outcome to where the form shows it; true when it was saved. */
    settle: <T>(outcome: SaveOutcome<T>): outcome is { ok: true; data: T } => {
      if (outcome.ok) return true;
      if (outcome.kind === 'fields') showErrors(outcome.errors);
      else if (outcome.kind === 'stale' && onStale) onStale();
      else setFailure(outcome.kind === 'other' ? httpErrorText(t, outcome.status) : t('errors.conflict'));
      return false;
    },
  };
}

/**
 * Where a form's errors are shown: beside the field (`messageAt(path)`) and in the error
 * summary at the top, each "Label: message" linking to its field (`labelOf` undefined: the
 * message alone, e.g. an error about no one field).
 */
export function errorMessages<E extends FieldError>(
  errors: readonly E[],
  { messageOf, fieldIdOf, labelOf }: { messageOf: (error: E) => string; fieldIdOf: (path: string) => string; labelOf: (path: string) => string | undefined },
): { messageAt: (path: string) => string | undefined; summary: ErrorSummaryItem[] } {
  return {
    messageAt: (path) => {
      const error = errors.find((candidate) => candidate.path === path);
      return error ? messageOf(error) : undefined;
    },
    summary: errors.map((error) => ({ fieldId: fieldIdOf(error.path), message: messageOf(error), label: labelOf(error.path) })),
  };
}
