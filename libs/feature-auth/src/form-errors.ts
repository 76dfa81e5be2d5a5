import type { ErrorSummaryItem } from '@kompetansebro/ui';
import { useCallback, useState } from 'react';

/** One message for one field of a small form, in the user's language. */
export interface FormError<Field extends string> {
  field: Field;
  message: string;
}

/**
 * The errors of a small form's last attempt to submit: each beside its field and in a summary
 * at the top that takes focus (`submitCount` changes on each attempt that found some).
 */
export function useFormErrors<Field extends string>(fieldId: (field: Field) => string) {
  const [errors, setErrors] = useState<FormError<Field>[]>([]);
  const [submitCount, setSubmitCount] = useState(0);

  const show = useCallback((found: FormError<Field>[]) => {
    setErrors(found);
    if (found.length > 0) setSubmitCount((count) => count + 1);
  }, []);

  const summary: ErrorSummaryItem[] = errors.map((error) => ({ fieldId: fieldId(error.field), message: error.message }));
  return {
    errors,
    show,
    submitCount,
    summary,
    messageOf: (field: Field) => errors.find((error) => error.field === field)?.message,
  };
}
